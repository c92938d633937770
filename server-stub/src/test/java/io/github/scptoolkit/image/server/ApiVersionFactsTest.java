package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.scptoolkit.image.server.ApiVersionFacts.Status;
import io.github.scptoolkit.image.server.ApiVersionFacts.Version;

/** Proves the version facts are read from the spec's {@code x-api-versions} and checked. */
class ApiVersionFactsTest {

    @Test
    void theSpecOnTheClassPathNames13Current() {
        ApiVersionFacts facts = ApiVersionFacts.fromSpec();

        assertThat(facts.current().version()).isEqualTo("1.3");
        assertThat(facts.current().headerValue()).isEqualTo("virtualserver 1.3");
        assertThat(facts.current().notBefore()).isNull();
        assertThat(facts.find("1.0")).map(Version::notBefore).contains(LocalDate.of(2025, 12, 31));
    }

    @Test
    void parsesStatusNotBeforeSchemaAndExample() {
        ApiVersionFacts facts = parse("""
                [{"version": "1.3", "status": "CURRENT", "not-before": null,
                  "schema": "ImageShowResponseV1Dot2", "example": "ShowImageV1Dot3"},
                 {"version": "1.1", "status": "DEPRECATED", "not-before": "2026-05-31",
                  "schema": "ImageShowResponse", "example": "ShowImageV1Dot1"}]""");

        assertThat(facts.all()).containsExactly(
                new Version("1.3", Status.CURRENT, null, "ImageShowResponseV1Dot2", "ShowImageV1Dot3"),
                new Version("1.1", Status.DEPRECATED, LocalDate.of(2026, 5, 31), "ImageShowResponse", "ShowImageV1Dot1"));
        assertThat(facts.find("1.3")).map(Version::hasGpuDriver).contains(true);
        assertThat(facts.find("1.1")).map(Version::hasGpuDriver).contains(false);
        assertThat(facts.find("1.2")).isEmpty();
    }

    @Test
    void aPlannedVersionIsDocumentedButNotCallable() {
        ApiVersionFacts facts = parse("""
                [{"version": "1.4", "status": "PLANNED", "schema": "ImageShowResponseV1Dot2"},
                 {"version": "1.3", "status": "CURRENT", "schema": "ImageShowResponseV1Dot2"}]""");

        assertThat(facts.all()).extracting(Version::version).containsExactly("1.4", "1.3");
        assertThat(facts.callable()).extracting(Version::version).containsExactly("1.3");
        assertThat(facts.current().version()).isEqualTo("1.3");
    }

    @Test
    void exactlyOneVersionMustBeCurrent() {
        assertThatThrownBy(() -> parse("""
                [{"version": "1.2", "status": "SUPPORTED"}]"""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one CURRENT");
        assertThatThrownBy(() -> parse("""
                [{"version": "1.2", "status": "CURRENT"}, {"version": "1.3", "status": "CURRENT"}]"""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one CURRENT");
    }

    @Test
    void aSpecWithoutVersionFactsIsRejected() {
        assertThatThrownBy(() -> ApiVersionFacts.parse(JsonMapper.shared().readTree("{\"paths\": {}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x-api-versions");
        assertThatThrownBy(() -> parse("[]"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x-api-versions");
    }

    @Test
    void anUnknownStatusIsRejected() {
        assertThatThrownBy(() -> parse("""
                [{"version": "1.3", "status": "RETIRED"}]"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RETIRED");
    }

    /** Facts from a spec whose operation has the given {@code x-api-versions} list. */
    private static ApiVersionFacts parse(String versions) {
        return ApiVersionFacts.parse(JsonMapper.shared().readTree(
                "{\"paths\": {\"/v1/images/{image_id}\": {\"get\": {\"x-api-versions\": " + versions + "}}}}"));
    }
}
