package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's spec is the packaged spec with this emulator first (relative {@code /}), a version
 * drop-down per versioned operation derived from the generated facts, and an introduction;
 * nothing else differs, and the packaged spec itself is not touched.
 */
class ConsoleSpecTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    static JsonNode packaged() throws IOException {
        try (InputStream in = ConsoleSpecTest.class.getResourceAsStream(ScpApi.SPEC_JSON)) {
            return JSON.readTree(in);
        }
    }

    /** The operation object of {@code operation} in {@code spec}. */
    static JsonNode operation(JsonNode spec, ScpOperation operation) {
        return spec.path("paths").path(operation.path()).path(operation.method().toLowerCase(java.util.Locale.ROOT));
    }

    /** The inline version parameter of {@code operation} in a console spec. */
    static JsonNode versionParameter(JsonNode spec, ScpOperation operation) {
        for (JsonNode parameter : operation(spec, operation).path("parameters")) {
            if (ScpApi.VERSION_HEADER.equals(parameter.path("name").asString(""))) {
                return parameter;
            }
        }
        throw new AssertionError("no inline " + ScpApi.VERSION_HEADER + " parameter on " + operation.operationId());
    }

    @Test
    void theEmulatorIsTheFirstServerAsARelativeUrlThenTheSpecsOwn() throws IOException {
        JsonNode spec = packaged();
        JsonNode console = ConsoleSpec.of(spec);

        assertThat(console.path("servers").get(0).path("url").asString()).isEqualTo("/");
        List<JsonNode> rest = new ArrayList<>();
        console.path("servers").forEach(rest::add);
        assertThat(rest.subList(1, rest.size())).containsExactlyElementsOf(spec.path("servers"));
    }

    @Test
    void eachVersionedOperationOffersEveryVersionARequestMayNameNewestFirstTheCurrentOnePreselected() throws IOException {
        JsonNode console = ConsoleSpec.of(packaged());
        String current = ScpServiceVersion.getLatest().headerValue();

        List<ScpOperation> versioned = ScpApi.operations().stream().filter(ScpOperation::versioned).toList();
        assertThat(versioned).isNotEmpty();
        for (ScpOperation operation : versioned) {
            JsonNode parameter = versionParameter(console, operation);
            List<String> expected = ScpServiceVersion.all().stream().filter(ServiceVersion::isCallable)
                    .filter(v -> operation.responseSchema(v).isPresent()).sorted(Comparator.reverseOrder())
                    .map(ScpServiceVersion::headerValue).toList();
            assertThat(parameter.path("in").asString()).isEqualTo("header");
            assertThat(parameter.path("schema").path("enum").valueStream().map(JsonNode::asString).toList())
                    .as(operation.operationId()).containsExactlyElementsOf(expected);
            assertThat(parameter.path("schema").path("default").asString()).isEqualTo(current);
            assertThat(parameter.path("example").asString()).isEqualTo(current);
            assertThat(parameter.path("description").asString()).contains(current);
        }
        for (ScpOperation operation : ScpApi.operations()) {
            if (!operation.versioned()) {
                assertThat(operation(console, operation).path("parameters").valueStream()
                        .map(p -> p.path("name").asString("")).toList()).doesNotContain(ScpApi.VERSION_HEADER);
            }
        }
    }

    @Test
    void theIntroductionNamesTheSignedAndUnsignedOperationsAndThePublishedSpec() throws IOException {
        String description = ConsoleSpec.of(packaged()).path("info").path("description").asString();

        for (ScpOperation operation : ScpApi.operations()) {
            assertThat(description).contains("`" + operation.method() + " " + operation.path() + "`");
        }
        assertThat(description).contains("Authorize", "never sent", "(/openapi.yaml)")
                .endsWith(packaged().path("info").path("description").asString());
    }

    @Test
    void everythingElseIsTheSpecAsWrittenAndThePackagedSpecIsUntouched() throws IOException {
        JsonNode spec = packaged();
        ObjectNode console = ConsoleSpec.of(spec);

        assertThat(spec).isEqualTo(packaged());
        ObjectNode expected = (ObjectNode) spec.deepCopy();
        for (ObjectNode node : List.of(console, expected)) {
            node.remove("servers");
            ((ObjectNode) node.get("info")).remove("description");
            for (ScpOperation operation : ScpApi.operations()) {
                if (operation.versioned()) {
                    ArrayNode parameters = (ArrayNode) operation(node, operation).get("parameters");
                    for (int i = parameters.size() - 1; i >= 0; i--) {
                        String ref = parameters.get(i).path("$ref").asString("");
                        if (ScpApi.VERSION_HEADER.equals(parameters.get(i).path("name").asString(""))
                                || ref.equals(versionParameterRef(spec))) {
                            parameters.remove(i);
                        }
                    }
                }
            }
        }
        assertThat(console).isEqualTo(expected);
    }

    @Test
    void aVersionParameterOfThePathItemIsOverriddenOnTheOperation() {
        ScpOperation showImage = ScpApi.operations().stream().filter(ScpOperation::versioned).findFirst().orElseThrow();
        ObjectNode spec = JSON.createObjectNode();
        ObjectNode item = spec.putObject("paths").putObject(showImage.path());
        item.putArray("parameters").addObject().put("name", ScpApi.VERSION_HEADER).put("in", "header")
                .put("description", "The version.").putObject("schema").put("type", "string");
        item.putObject(showImage.method().toLowerCase(java.util.Locale.ROOT)).put("operationId", showImage.operationId());

        JsonNode console = ConsoleSpec.of(spec);

        JsonNode parameter = versionParameter(console, showImage);
        assertThat(parameter.path("schema").path("default").asString()).isEqualTo(ScpServiceVersion.getLatest().headerValue());
        assertThat(parameter.path("description").asString()).startsWith("The version.");
        assertThat(console.path("paths").path(showImage.path()).path("parameters")).isEqualTo(item.path("parameters"));
        assertThat(console.path("servers").get(0).path("url").asString()).as("no servers in the spec: still this emulator")
                .isEqualTo("/");
    }

    /** The {@code $ref} the packaged spec's versioned operations use for the version header. */
    private static String versionParameterRef(JsonNode spec) {
        for (var entry : spec.path("components").path("parameters").properties()) {
            if (ScpApi.VERSION_HEADER.equals(entry.getValue().path("name").asString(""))) {
                return "#/components/parameters/" + entry.getKey();
            }
        }
        return "";
    }
}
