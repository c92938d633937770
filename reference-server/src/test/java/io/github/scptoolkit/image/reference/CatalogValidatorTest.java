package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Proves the catalog check is driven by the spec's schema and names the entry (index, id) and the field. */
class CatalogValidatorTest {

    static final JsonMapper JSON = JsonMapper.shared();
    static JsonNode bundled;
    static CatalogValidator validator;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = CatalogValidatorTest.class.getResourceAsStream("/catalog.json")) {
            bundled = JSON.readTree(in);
        }
        validator = new CatalogValidator();
    }

    private static ArrayNode bundledCopy() {
        return (ArrayNode) bundled.deepCopy();
    }

    private static ObjectNode image(ArrayNode catalog, int index) {
        return (ObjectNode) catalog.get(index).get("image");
    }

    @Test
    void bundledCatalogIsValid() {
        assertThat(validator.validate(bundled)).isEmpty();
        assertThat(bundled.size()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void wrongTypeNamesEntryIdAndField() {
        ArrayNode catalog = bundledCopy();
        image(catalog, 2).put("size", "big");

        assertThat(validator.validate(catalog)).singleElement().asString()
                .startsWith("catalog[2] (id 'b7c41e90-5d2f-4a8e-9c36-7f1a2b3c4d5e'): field 'image.size': ");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        ArrayNode catalog = bundledCopy();
        image(catalog, 1).remove("visibility");

        assertThat(validator.validate(catalog)).singleElement().asString()
                .startsWith("catalog[1] (id '3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31'): field 'image.visibility'");
    }

    @Test
    void nullWhereTheSpecDoesNotAllowItIsRefusedButNullableNullIsFine() {
        ArrayNode catalog = bundledCopy();
        image(catalog, 0).putNull("checksum");   // nullable in the spec
        image(catalog, 0).putNull("min_disk");   // not nullable

        assertThat(validator.validate(catalog)).singleElement().asString()
                .startsWith("catalog[0] (id '70a599e0-31e7-49b7-b260-868f441e862b'): field 'image.min_disk'");
    }

    @Test
    void badTimestampFormatIsRefused() {
        ArrayNode catalog = bundledCopy();
        image(catalog, 3).put("created_at", "yesterday");

        assertThat(validator.validate(catalog)).singleElement().asString()
                .contains("catalog[3]").contains("field 'image.created_at'");
    }

    @Test
    void fieldUnknownToTheSpecIsRefused() {
        ArrayNode catalog = bundledCopy();
        image(catalog, 0).put("scp_gpu_drivr", "535");

        assertThat(validator.validate(catalog)).singleElement().asString()
                .isEqualTo("catalog[0] (id '70a599e0-31e7-49b7-b260-868f441e862b'): field 'image.scp_gpu_drivr' "
                        + "is not defined by the spec's " + ScpApi.SHOW_IMAGE.resource());
    }

    /** Fields of the model that the oldest version of Show Image does not send: what later versions added. */
    private static Set<String> fieldsOfLaterVersions() {
        ScpServiceVersion oldest = ScpServiceVersion.all().stream()
                .filter(v -> ScpApi.SHOW_IMAGE.responseSchema(v).isPresent()).findFirst().orElseThrow();
        Set<String> later = new LinkedHashSet<>(ScpApi.SHOW_IMAGE.responseModel().fieldNames());
        later.removeAll(ScpApi.SHOW_IMAGE.responseSchema(oldest).orElseThrow().fieldNames());
        return later;
    }

    @Test
    void fieldsOnlyLaterVersionsSendAreAcceptedOnceTheSpecDefinesThem() {
        assertThat(fieldsOfLaterVersions()).as("the spec has versions that add fields").isNotEmpty();
        for (String field : fieldsOfLaterVersions()) {
            ArrayNode withValue = bundledCopy();
            image(withValue, 0).set(field, sample(ScpApi.SHOW_IMAGE.responseModel().field(field).orElseThrow()));
            ArrayNode without = bundledCopy();
            for (JsonNode entry : without) {
                ((ObjectNode) entry.get("image")).remove(field);
            }

            assertThat(validator.validate(withValue)).as(field).isEmpty();
            assertThat(validator.validate(without)).as(field + " is optional in the model").isEmpty();
        }
    }

    /** A value of the field's type. */
    private static JsonNode sample(ScpField rule) {
        return switch (rule.type()) {
            case BOOLEAN -> JSON.getNodeFactory().booleanNode(true);
            case INTEGER -> JSON.getNodeFactory().numberNode(1);
            case NUMBER -> JSON.getNodeFactory().numberNode(1.5);
            case ARRAY -> JSON.getNodeFactory().arrayNode();
            case OBJECT -> JSON.getNodeFactory().objectNode();
            case STRING -> JSON.getNodeFactory().textNode("2025-07-22T09:00:00Z");
        };
    }

    @Test
    void everyFieldTheModelDefinesIsAccepted() {
        ArrayNode catalog = bundledCopy();
        for (ScpField f : ScpApi.SHOW_IMAGE.responseModel().fields()) {
            if (f.nullable()) {
                image(catalog, 0).putNull(f.name());
            }
        }

        assertThat(validator.validate(catalog)).isEmpty();
    }

    @Test
    void entryShapeMembersAndDuplicateIdsAreChecked() {
        ArrayNode catalog = bundledCopy();
        ((ObjectNode) catalog.get(1)).put("members", "not-a-list");
        catalog.add(catalog.get(0).deepCopy());
        catalog.addObject().put("id", "bare image without the entry wrapper");

        assertThat(validator.validate(catalog)).containsExactly(
                "catalog[1] (id '3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31'): field 'members' must be an array of project ids",
                "catalog[8] (id '70a599e0-31e7-49b7-b260-868f441e862b'): field 'image.id' repeats an earlier entry's id",
                "catalog[9]: field 'id' is not a catalog entry field (image, members)",
                "catalog[9]: field 'image' is required and must be an object (the Show Image body)");
    }

    @Test
    void documentThatIsNotAnArrayIsRefused() {
        assertThat(validator.validate(JSON.createObjectNode())).singleElement().asString().contains("JSON array");
    }

}
