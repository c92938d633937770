package io.github.scptoolkit.image.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generation step (src/build/java/GenerateSpecFacts.java) run as the build runs it, on spoiled
 * copies of the spec: each mistake stops the build with a message naming it, and a well-formed
 * new version comes out as one more constant and one more schema in the generators' spec.
 */
class GenerateSpecFactsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private record Run(int exit, String stderr, Path sources, Path resources) {
    }

    private Run generate(JsonNode spec) throws IOException, InterruptedException {
        Path file = dir.resolve("spec.yaml");
        YAML.writeValue(file.toFile(), spec);
        Path sources = dir.resolve("src");
        Path resources = dir.resolve("res");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "src/build/java/GenerateSpecFacts.java",
                file.toString(), sources.toString(), resources.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), err, sources, resources);
    }

    private static ObjectNode version(JsonNode spec, String number) {
        for (JsonNode v : spec.path("info").path("x-api-versions")) {
            if (v.path("version").asText().equals(number)) {
                return (ObjectNode) v;
            }
        }
        throw new IllegalArgumentException(number);
    }

    @Test
    void twoCurrentVersionsStopTheBuild() throws Exception {
        JsonNode spec = VersionCompatibilityTest.spec();
        ScpServiceVersion other = ScpServiceVersion.all().stream().filter(v -> v != ScpServiceVersion.getLatest())
                .findFirst().orElseThrow();
        version(spec, other.getVersion()).put("status", "CURRENT");

        Run run = generate(spec);

        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).contains("exactly one CURRENT version").contains(other.getVersion())
                .contains(ScpServiceVersion.getLatest().getVersion());
    }

    @Test
    void aSchemaThatDoesNotExistStopsTheBuild() throws Exception {
        JsonNode spec = VersionCompatibilityTest.spec();
        ((ObjectNode) spec.path("paths").path(ScpApi.SHOW_IMAGE.path()).path("get").path("x-version-schemas"))
                .put(ScpServiceVersion.getLatest().getVersion(), "NoSuchSchema");

        Run run = generate(spec);

        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).contains("NoSuchSchema").contains("components.schemas does not define");
    }

    @Test
    void anUnquotedVersionAndABadDateStopTheBuild() throws Exception {
        JsonNode spec = VersionCompatibilityTest.spec();
        version(spec, ScpServiceVersion.getLatest().getVersion()).put("not-before", "31/12/2030");

        Run run = generate(spec);

        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).contains("31/12/2030").contains("ISO date");
    }

    @Test
    void aVersionHeaderMarkedAsAListStopsTheBuild() throws Exception {
        JsonNode spec = VersionCompatibilityTest.spec();
        for (JsonNode p : spec.path("components").path("parameters")) {
            if (p.path("name").asText().equalsIgnoreCase(ScpApi.VERSION_HEADER)) {
                ((ObjectNode) p).put("x-multi-valued", true);
            }
        }

        Run run = generate(spec);

        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).contains("cannot be x-multi-valued");
    }

    @Test
    void aProblemCodeListedTwiceStopsTheBuild() throws Exception {
        JsonNode spec = VersionCompatibilityTest.spec();
        JsonNode codes = spec.path("components").path("schemas").path("ProblemCode").path("x-problem-codes");
        ((com.fasterxml.jackson.databind.node.ArrayNode) codes).add(codes.get(0).deepCopy());

        Run run = generate(spec);

        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).contains(codes.get(0).path("code").asText() + " is listed twice");
    }

    @Test
    void theGuidesNewVersionIsOneMoreConstantTheNewCurrentAndOneMoreFieldOfTheModel() throws Exception {
        JsonNode spec = VersionCompatibilityTest.spec();
        ScpServiceVersion latest = ScpServiceVersion.getLatest();
        ContributingGuide.Edit edit = ContributingGuide.addVersion(spec);

        Run run = generate(spec);

        assertThat(run.exit()).as(run.stderr()).isZero();
        String constant = "V" + edit.version().replace('.', '_');
        String versions = Files.readString(run.sources().resolve("io/github/scptoolkit/image/spec/ScpServiceVersion.java"));
        assertThat(versions).contains(constant + "(\"" + edit.version() + "\", VersionStatus.CURRENT, null)")
                .contains(latest.name() + "(\"" + latest.getVersion() + "\", VersionStatus.SUPPORTED")
                .contains("return " + constant + ";");
        String api = Files.readString(run.sources().resolve("io/github/scptoolkit/image/spec/ScpApi.java"));
        assertThat(api).contains("Map.entry(ScpServiceVersion." + constant + ", " + GenerateSpecFactsTest.constant(edit.schema()) + ")");
        JsonNode codegen = new ObjectMapper().readTree(run.resources().resolve("openapi/openapi-codegen.json").toFile());
        JsonNode model = codegen.path("components").path("schemas").path(ScpApi.SHOW_IMAGE.resource());
        assertThat(model.path("properties").has(edit.field())).isTrue();
        assertThat(model.path("properties").path(edit.field()).path("description").asText())
                .contains("Sent from version " + edit.version() + " on.");
        assertThat(iterable(codegen.path("components").path("schemas"))).doesNotContain(edit.schema());
    }

    @Test
    void theGuidesNewErrorCodeIsOneMoreConstant() throws Exception {
        JsonNode spec = VersionCompatibilityTest.spec();
        String code = ContributingGuide.addErrorCode(spec);

        Run run = generate(spec);

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(Files.readString(run.sources().resolve("io/github/scptoolkit/image/spec/ScpProblemCode.java")))
                .contains("    " + code + "(");
    }

    @Test
    void theGuidesNewOperationIsOneMoreOperationWithItsOwnVersionedModel() throws Exception {
        JsonNode spec = VersionCompatibilityTest.spec();
        String operationId = ContributingGuide.addOperation(spec);

        Run run = generate(spec);

        assertThat(run.exit()).as(run.stderr()).isZero();
        String api = Files.readString(run.sources().resolve("io/github/scptoolkit/image/spec/ScpApi.java"));
        assertThat(api).contains("new ScpOperation(\"" + operationId + "\"");
        JsonNode codegen = new ObjectMapper().readTree(run.resources().resolve("openapi/openapi-codegen.json").toFile());
        boolean found = false;
        for (JsonNode path : codegen.path("paths")) {
            for (JsonNode op : path) {
                if (op.path("operationId").asText().equals(operationId)) {
                    found = true;
                    String model = op.path("responses").path("200").path("content").path("application/json")
                            .path("schema").path("$ref").asText();
                    assertThat(model).isEqualTo("#/components/schemas/" + op.path("x-resource").asText());
                }
            }
        }
        assertThat(found).isTrue();
    }

    static String constant(String schemaName) {
        return schemaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase();
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
