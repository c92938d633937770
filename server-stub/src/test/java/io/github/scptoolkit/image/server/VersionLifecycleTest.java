package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.scptoolkit.image.server.ApiVersionFacts.Version;
import tools.jackson.databind.json.JsonMapper;

/** The lifecycle rule on its own, with fixed clocks: dates, zones, serve-retired and PLANNED. */
class VersionLifecycleTest {

    private static final ApiVersionFacts SPEC = ApiVersionFacts.fromSpec();

    private static VersionLifecycle at(String instant, ZoneId zone, boolean serveRetired) {
        return new VersionLifecycle(SPEC, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), zone, serveRetired,
                URI.create(VersionLifecycle.DEFAULT_DOC_URL));
    }

    private static Version v(String number) {
        return SPEC.find(number).orElseThrow();
    }

    @ParameterizedTest(name = "{0} at {1} in {2}: retired={3}")
    @CsvSource({
            "1.0, 2025-12-30T14:59:59Z, Asia/Seoul, false",
            "1.0, 2025-12-30T15:00:00Z, Asia/Seoul, true",
            "1.0, 2025-12-30T15:00:00Z, UTC, false",       // the zone matters: still the day before in UTC
            "1.0, 2025-12-31T00:00:00Z, UTC, true",
            "1.1, 2026-05-30T14:59:59Z, Asia/Seoul, false",
            "1.1, 2026-05-30T15:00:00Z, Asia/Seoul, true",
            "1.1, 2026-05-30T15:00:00Z, UTC, false",
            "1.2, 2026-11-27T00:00:00Z, Asia/Seoul, false", // SUPPORTED past its Not Before: not retired
            "1.3, 2026-11-27T00:00:00Z, Asia/Seoul, false"})
    void aDeprecatedVersionRetiresAtMidnightOfItsNotBeforeDateInTheZone(String version, String now, String zone,
            boolean retired) {
        VersionLifecycle lifecycle = at(now, ZoneId.of(zone), false);

        assertThat(lifecycle.isRetired(v(version))).isEqualTo(retired);
        assertThat(lifecycle.isServed(v(version))).isEqualTo(!retired);
    }

    @Test
    void serveRetiredKeepsServingRetiredVersions() {
        VersionLifecycle lifecycle = at("2026-11-27T00:00:00Z", VersionLifecycle.DEFAULT_ZONE, true);

        assertThat(lifecycle.isRetired(v("1.0"))).isTrue();
        assertThat(lifecycle.served()).extracting(Version::version).containsExactly("1.3", "1.2", "1.1", "1.0");
    }

    @Test
    void servedVersionsTodayAre13And12() {
        assertThat(at("2026-11-27T00:00:00Z", VersionLifecycle.DEFAULT_ZONE, false).served())
                .extracting(Version::version).containsExactly("1.3", "1.2");
    }

    @Test
    void springsParsedVersionMapsToTheSpecsVersion() {
        VersionLifecycle lifecycle = at("2025-06-01T00:00:00Z", VersionLifecycle.DEFAULT_ZONE, false);
        Comparable<?> parsed = new ScpApiVersionParser().parseVersion("virtualserver 1.2");

        assertThat(lifecycle.find(parsed)).contains(v("1.2"));
        assertThat(lifecycle.isSupported(parsed)).isTrue();
        assertThat(lifecycle.isSupported(new ScpApiVersionParser().parseVersion("virtualserver 9.9"))).isFalse();
    }

    @Test
    void sunsetIsMidnightOfTheNotBeforeDateInTheZone() {
        assertThat(at("2025-06-01T00:00:00Z", VersionLifecycle.DEFAULT_ZONE, false).sunset(v("1.0")))
                .hasValueSatisfying(s -> assertThat(s.toInstant()).isEqualTo(Instant.parse("2025-12-30T15:00:00Z")));
        assertThat(at("2025-06-01T00:00:00Z", VersionLifecycle.DEFAULT_ZONE, false).sunset(v("1.3"))).isEmpty();
    }

    @Test
    void aPlannedVersionIsDocumentedButNeverServed() {
        ApiVersionFacts facts = ApiVersionFacts.parse(JsonMapper.shared().readTree("""
                {"paths": {"/v1/images/{image_id}": {"get": {"x-api-versions": [
                  {"version": "1.4", "status": "PLANNED", "not-before": null, "schema": "ImageShowResponseV1Dot2", "example": "x"},
                  {"version": "1.3", "status": "CURRENT", "not-before": null, "schema": "ImageShowResponseV1Dot2", "example": "y"}
                ]}}}}"""));
        VersionLifecycle lifecycle = new VersionLifecycle(facts, Clock.systemUTC(), VersionLifecycle.DEFAULT_ZONE,
                true, URI.create(VersionLifecycle.DEFAULT_DOC_URL));

        assertThat(lifecycle.isServed(facts.find("1.4").orElseThrow())).isFalse();
        assertThat(lifecycle.served()).extracting(Version::version).containsExactly("1.3");
        assertThat(lifecycle.isSupported(new ScpApiVersionParser().parseVersion("virtualserver 1.4"))).isFalse();

        org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatus(400);
        VersionProblems.describe(problem, "virtualserver 1.4", lifecycle);
        assertThat(problem.getProperties()).containsEntry("code", "UNSUPPORTED_API_VERSION");
        assertThat(problem.getDetail()).isEqualTo(
                "Scp-Api-Version 'virtualserver 1.4' is planned and cannot be called yet. Supported: virtualserver 1.3.");
    }

    @Test
    void theSpecMustNameExactlyOneCurrentVersion() {
        assertThatThrownBy(() -> ApiVersionFacts.parse(JsonMapper.shared().readTree("""
                {"paths": {"/v1/images/{image_id}": {"get": {"x-api-versions": [
                  {"version": "1.3", "status": "SUPPORTED", "not-before": null, "schema": "S", "example": "y"}
                ]}}}}"""))).isInstanceOf(IllegalStateException.class);
    }
}
