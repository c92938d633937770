package io.github.scptoolkit.image.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ContributingGuide;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * docs/contributing.md's YAML blocks are what {@link ContributingGuide} applies to the spec (which
 * api-spec's {@code GenerateSpecFactsTest} generates from and {@code SpecEvolutionIT} builds and
 * serves), and applied to this build's spec they land in it verbatim: each block, parsed, is a node
 * of the edited spec, unchanged (the version entry, the schema with its {@code $ref} to the schema
 * the CURRENT version answers, the {@code x-version-schemas} entry, the error code, the path and
 * its schema). ContributingGuide renames the guide's names only once the spec has them (after the
 * API owner made such an edit); then only the renamed edit is checked, so that such a spec edit
 * leaves this test green.
 */
class ContributingGuideVerbatimTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode spec() throws IOException {
        try (InputStream in = ContributingGuideVerbatimTest.class.getResourceAsStream(ScpApi.SPEC_YAML)) {
            return YAML.readTree(in);
        }
    }

    private static JsonNode yaml(String text) throws IOException {
        return YAML.readTree(text);
    }

    @Test
    void everyYamlBlockOfTheGuideLandsVerbatimInTheSpecItEdits() throws IOException {
        List<String> applied = new ArrayList<>();
        for (DocBlocks.Block block : DocClaims.CONTRIBUTING_YAML.blocks()) {
            applied.add(block.text().strip());
        }
        List<String> version = ContributingGuide.yamlBlocks("## Add a version");
        List<String> code = ContributingGuide.yamlBlocks("## Add an error code");
        List<String> operation = ContributingGuide.yamlBlocks("## Add an operation");
        List<String> all = new ArrayList<>(version);
        all.addAll(code);
        all.addAll(operation);
        assertThat(all.stream().map(String::strip).toList()).as("the guide's blocks that ContributingGuide applies")
                .containsExactlyElementsOf(applied);

        assertVersionEditIsVerbatim(version);
        assertErrorCodeEditIsVerbatim(code.get(0));
        assertOperationEditIsVerbatim(operation);
    }

    private static void assertVersionEditIsVerbatim(List<String> blocks) throws IOException {
        JsonNode entry = yaml(blocks.get(0)).get(0);
        JsonNode schemas = yaml(blocks.get(1));
        JsonNode mapping = yaml(blocks.get(2));
        String guideVersion = entry.path("version").asText();
        String guideSchema = schemas.fieldNames().next();
        String latest = ScpServiceVersion.getLatest().getVersion();
        JsonNode spec = spec();
        ContributingGuide.Edit edit = ContributingGuide.addVersion(spec);

        assertThat(edit.version()).isEqualTo(next(latest));
        if (!guideVersion.equals(next(latest))) {
            return;   // the spec has moved past the guide's example (e.g. 1.4 was really added): renamed, not verbatim
        }
        assertThat(edit.version()).isEqualTo(guideVersion);
        assertThat(edit.schema()).isEqualTo(guideSchema);
        assertThat(spec.path("info").path("x-api-versions")).as("x-api-versions").contains(entry);
        assertThat(spec.path("components").path("schemas").path(guideSchema)).as("the guide's schema, $ref included")
                .isEqualTo(schemas.path(guideSchema));
        JsonNode operation = spec.path("paths").path(ScpApi.SHOW_IMAGE.path())
                .path(ScpApi.SHOW_IMAGE.method().toLowerCase(Locale.ROOT));
        for (Map.Entry<String, JsonNode> m : mapping.properties()) {
            assertThat(operation.path("x-version-schemas").path(m.getKey())).as("x-version-schemas %s", m.getKey())
                    .isEqualTo(m.getValue());
        }
    }

    private static void assertErrorCodeEditIsVerbatim(String block) throws IOException {
        JsonNode code = yaml(block).get(0);
        JsonNode spec = spec();
        if (spec.path("components").path("schemas").path("ProblemCode").path("x-problem-codes").findValuesAsText("code")
                .contains(code.path("code").asText())) {
            return;   // the spec has the guide's code already: ContributingGuide renames it
        }

        assertThat(ContributingGuide.addErrorCode(spec)).isEqualTo(code.path("code").asText());
        assertThat(spec.path("components").path("schemas").path("ProblemCode").path("x-problem-codes")).contains(code);
    }

    private static void assertOperationEditIsVerbatim(List<String> blocks) throws IOException {
        JsonNode spec = spec();
        ContributingGuide.addOperation(spec);

        for (Map.Entry<String, JsonNode> path : yaml(blocks.get(0)).properties()) {
            assertThat(spec.path("paths").path(path.getKey())).as("paths %s", path.getKey()).isEqualTo(path.getValue());
        }
        for (String block : blocks.subList(1, blocks.size())) {
            for (Map.Entry<String, JsonNode> schema : yaml(block).properties()) {
                assertThat(spec.path("components").path("schemas").path(schema.getKey())).as("schema %s", schema.getKey())
                        .isEqualTo(schema.getValue());
            }
        }
    }

    private static String next(String version) {
        int dot = version.indexOf('.');
        return version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1);
    }
}
