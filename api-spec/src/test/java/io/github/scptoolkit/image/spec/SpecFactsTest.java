package io.github.scptoolkit.image.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The generated facts ({@link ScpServiceVersion}, {@link ScpProblemCode}, {@link ScpApi}) say what
 * the YAML spec says, read here independently of the generation step.
 */
class SpecFactsTest {

    private final JsonNode spec = VersionCompatibilityTest.spec();

    SpecFactsTest() throws IOException {
    }

    @Test
    void oneConstantPerVersionWithItsStatusAndNotBefore() {
        List<String> numbers = SchemaCompatibility.versions(spec);
        assertThat(ScpServiceVersion.all()).extracting(ScpServiceVersion::getVersion).containsExactlyElementsOf(numbers);
        for (JsonNode v : spec.path("info").path("x-api-versions")) {
            ScpServiceVersion version = ScpServiceVersion.fromVersion(v.path("version").asText()).orElseThrow();
            assertThat(version.name()).isEqualTo("V" + v.path("version").asText().replace('.', '_'));
            assertThat(version.status()).hasToString(v.path("status").asText());
            assertThat(version.notBefore()).isEqualTo(v.path("not-before").isTextual()
                    ? java.util.Optional.of(LocalDate.parse(v.path("not-before").asText())) : java.util.Optional.empty());
        }
    }

    @Test
    void theLatestIsTheOneCurrentVersion() {
        assertThat(ScpServiceVersion.all()).filteredOn(v -> v.status() == VersionStatus.CURRENT)
                .containsExactly(ScpServiceVersion.getLatest());
    }

    @Test
    void headerValuesAndIdsAreBuiltFromTheServiceName() {
        String service = spec.path("info").path("x-scp-service").asText();
        for (ScpServiceVersion v : ScpServiceVersion.all()) {
            assertThat(v.headerValue()).isEqualTo(service + " " + v.getVersion()).isEqualTo(v.toString());
            assertThat(v.id()).isEqualTo("v" + v.getVersion());
            assertThat(ScpServiceVersion.fromHeaderValue(v.headerValue())).contains(v);
            assertThat(ScpServiceVersion.fromVersion(v.id())).contains(v);
        }
        assertThat(ScpServiceVersion.fromHeaderValue(service + " 9.9")).isEmpty();
        assertThat(ScpServiceVersion.fromHeaderValue(service.toUpperCase() + " " + ScpServiceVersion.getLatest().getVersion()))
                .isEmpty();
        assertThat(ScpApi.VERSION_HEADER).isEqualTo(spec.path("info").path("x-version-header").asText());
    }

    @Test
    void retirementStartsOnTheNotBeforeDate() {
        for (ScpServiceVersion v : ScpServiceVersion.all()) {
            if (v.isDeprecated() && v.notBefore().isPresent()) {
                LocalDate nb = v.notBefore().get();
                assertThat(v.isRetiredOn(nb.minusDays(1))).isFalse();
                assertThat(v.isServedOn(nb.minusDays(1))).isTrue();
                assertThat(v.isRetiredOn(nb)).isTrue();
                assertThat(v.daysLeft(nb.minusDays(10))).hasValue(10);
            } else {
                assertThat(v.isRetiredOn(LocalDate.MAX)).isFalse();
            }
        }
    }

    @Test
    void oneProblemCodeConstantPerListedCode() {
        List<String> codes = new ArrayList<>();
        for (JsonNode c : spec.path("components").path("schemas").path("ProblemCode").path("x-problem-codes")) {
            codes.add(c.path("code").asText());
            ScpProblemCode code = ScpProblemCode.fromCode(c.path("code").asText()).orElseThrow();
            assertThat(code.status()).isEqualTo(c.path("status").asInt());
            assertThat(code.title()).isEqualTo(c.path("title").asText());
            assertThat(code.type().toString()).isEqualTo(ScpProblemCode.TYPE_BASE
                    + code.code().toLowerCase().replace('_', '-'));
        }
        assertThat(ScpProblemCode.values()).extracting(ScpProblemCode::code).containsExactlyElementsOf(codes);
        assertThat(ScpProblemCode.fromCode("SOMETHING_NEW")).isEmpty();
    }

    @Test
    void everyOperationOfTheSpecIsListedWithItsPathMethodAndSigning() {
        List<String> operations = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (method.getValue().has("operationId")) {
                String id = method.getValue().path("operationId").asText();
                operations.add(id);
                ScpOperation op = ScpApi.operation(id).orElseThrow();
                assertThat(op.path()).isEqualTo(path.getKey());
                assertThat(op.method()).isEqualToIgnoringCase(method.getKey());
                JsonNode security = method.getValue().has("security") ? method.getValue().path("security")
                        : spec.path("security");
                assertThat(op.signed()).isEqualTo(!security.isEmpty());
                assertThat(op.versioned()).isEqualTo(method.getValue().has("x-version-schemas"));
            }
        }));
        assertThat(ScpApi.operations()).extracting(ScpOperation::operationId).containsExactlyElementsOf(operations);
    }

    @Test
    void eachVersionAnswersWithTheSchemaListedForItOrTheNearestEarlierOne() {
        SchemaCompatibility.shapes(spec).forEach((operation, shapes) -> {
            ScpOperation op = ScpApi.operations().stream()
                    .filter(o -> (o.method() + " " + o.path()).equals(operation)).findFirst().orElseThrow();
            assertThat(op.versions()).hasSize(shapes.size());
            for (SchemaCompatibility.Shape shape : shapes) {
                ScpServiceVersion version = ScpServiceVersion.fromVersion(shape.version()).orElseThrow();
                assertThat(op.responseSchema(version)).get().extracting(ScpSchema::name).isEqualTo(shape.schema());
            }
        });
    }

    @Test
    void theResourceModelHasEveryFieldOfEveryVersionAndRequiresWhatEveryVersionRequires() {
        for (ScpOperation op : ScpApi.operations()) {
            if (!op.versioned()) {
                continue;
            }
            Set<String> all = new LinkedHashSet<>();
            Set<String> required = null;
            for (ScpSchema schema : op.responseSchemas().values()) {
                all.addAll(schema.fieldNames());
                Set<String> r = new LinkedHashSet<>();
                schema.requiredFields().forEach(f -> r.add(f.name()));
                if (required == null) {
                    required = r;
                } else {
                    required.retainAll(r);
                }
            }
            assertThat(op.responseModel().name()).isEqualTo(op.resource());
            assertThat(op.responseModel().fieldNames()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(op.responseModel().requiredFields()).extracting(ScpField::name)
                    .containsExactlyInAnyOrderElementsOf(required);
        }
    }

    @Test
    void fieldRulesFollowTheSchemas() {
        JsonNode base = spec.path("components").path("schemas").path(ScpApi.SHOW_IMAGE.responseSchemas()
                .get(ScpApi.SHOW_IMAGE.versions().stream().min(Enum::compareTo).orElseThrow()).name());
        ScpSchema oldest = ScpApi.schema(ScpApi.SHOW_IMAGE.responseSchemas()
                .get(ScpApi.SHOW_IMAGE.versions().stream().min(Enum::compareTo).orElseThrow()).name()).orElseThrow();
        base.path("properties").fields().forEachRemaining(p -> {
            ScpField field = oldest.field(p.getKey()).orElseThrow();
            assertThat(field.nullable()).as(p.getKey()).isEqualTo(p.getValue().path("nullable").asBoolean(false));
            assertThat(field.type().name()).as(p.getKey()).isEqualToIgnoringCase(p.getValue().path("type").asText());
        });
        base.path("required").forEach(r -> assertThat(oldest.field(r.asText()).orElseThrow().required()).isTrue());
    }
}
