package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The "## Versions" section of docs/versions-and-errors.md (split from README) states no version
 * facts of its own (the spec's {@code info.x-api-versions} is their only source, so a new version
 * cannot make the docs wrong):
 * no table of versions, no list of the spec's version numbers; it names where the facts are and
 * how to list them, and the facts of the rules it states (zone, warning threshold) are the code's.
 */
class ReadmeVersionsSectionTest {

    private static String section() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "versions-and-errors.md")).replace("\r\n", "\n");
        String section = readme.substring(readme.indexOf("\n## Versions\n"));
        return section.substring(0, section.indexOf("\n## ", 1) > 0 ? section.indexOf("\n## ", 1) : section.length());
    }

    @Test
    void readmeHasNoTableOfVersions() throws Exception {
        List<String> rows = section().lines().filter(line -> line.matches("\\|\\s*v?\\d+\\.\\d+\\s*\\|.*")).toList();

        assertThat(rows).as("rows of versions in README's Versions section (the spec lists them)").isEmpty();
    }

    @Test
    void readmeNamesNoVersionOfTheSpecOutsideCode() throws Exception {
        String prose = section().replaceAll("(?s)```.*?```", "");
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            assertThat(prose).as("README's Versions section names %s", version)
                    .doesNotContain(version.headerValue()).doesNotContain(version.id() + " ")
                    .doesNotContain(" " + version.getVersion() + " ");
        }
    }

    @Test
    void readmePointsToTheSpecAndToTheWaysToListTheVersions() throws Exception {
        assertThat(section()).contains("`info.x-api-versions`", "`x-version-schemas`", "`scp-image versions`",
                "`client.versions()`", "`GET /`", "`ScpServiceVersion.getLatest()`");
    }

    @Test
    void theRulesReadmeStatesUseTheCodesFacts() throws Exception {
        assertThat(section()).contains("(" + ScpApi.NOT_BEFORE_ZONE.getId() + ")")
                .contains("at " + VersionCheck.DEFAULT_MAX_REMAIN_DAYS + " or fewer");
    }
}
