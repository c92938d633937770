package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** The lifecycle on its own, with fixed clocks: the spec's rule, zones, serve-retired and the refusal detail. */
class ScpVersionLifecycleTest {

    private static ScpVersionLifecycle at(Instant instant, ZoneId zone, boolean serveRetired) {
        return new ScpVersionLifecycle(Clock.fixed(instant, ZoneOffset.UTC), zone, serveRetired,
                URI.create(ScpVersionLifecycle.DEFAULT_DOC_URL));
    }

    static Stream<ScpServiceVersion> deprecated() {
        return TestSpec.deprecatedWithNotBefore().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deprecated")
    void aDeprecatedVersionRetiresAtMidnightOfItsNotBeforeDateInTheZone(ScpServiceVersion version) {
        Instant midnight = TestSpec.midnight(version.notBefore().orElseThrow());

        assertThat(at(midnight.minusSeconds(1), ScpApi.NOT_BEFORE_ZONE, false).isServed(version)).isTrue();
        assertThat(at(midnight, ScpApi.NOT_BEFORE_ZONE, false).isRetired(version)).isTrue();
        assertThat(at(midnight, ScpApi.NOT_BEFORE_ZONE, false).isServed(version)).isFalse();
        // The zone matters: unless the zone is UTC itself, midnight there is another instant.
        LocalDate inUtc = LocalDate.ofInstant(midnight, ZoneOffset.UTC);
        assertThat(at(midnight, ZoneOffset.UTC, false).isRetired(version)).isEqualTo(!inUtc.isBefore(
                version.notBefore().orElseThrow()));
        assertThat(at(midnight, ScpApi.NOT_BEFORE_ZONE, true).isServed(version)).as("serve-retired").isTrue();
    }

    @Test
    void currentAndSupportedVersionsAreServedAfterEveryNotBefore() {
        ScpVersionLifecycle lifecycle = at(TestSpec.afterEveryNotBefore(), ScpApi.NOT_BEFORE_ZONE, false);

        assertThat(lifecycle.served()).containsExactlyElementsOf(TestSpec.callableNewestFirst().stream()
                .filter(v -> TestSpec.active().contains(v)).toList());
        assertThat(lifecycle.retired()).containsExactlyElementsOf(TestSpec.callableNewestFirst().stream()
                .filter(v -> TestSpec.deprecatedWithNotBefore().contains(v)).toList());
    }

    @Test
    void serveRetiredServesEveryCallableVersion() {
        ScpVersionLifecycle lifecycle = at(TestSpec.afterEveryNotBefore(), ScpApi.NOT_BEFORE_ZONE, true);

        assertThat(lifecycle.served()).containsExactlyElementsOf(TestSpec.callableNewestFirst());
        assertThat(lifecycle.retired()).isEmpty();
    }

    @Test
    void propertiesConfigureZoneServeRetiredAndDocUrl() {
        ScpVersionLifecycle lifecycle = ScpVersionLifecycle.from(Clock.systemUTC(), new ScpVersionsProperties(
                ZoneId.of("UTC"), true, java.net.URI.create("https://example.org/versions"), null));

        assertThat(lifecycle.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(lifecycle.servesRetired()).isTrue();
        assertThat(lifecycle.docUrl()).hasToString("https://example.org/versions");
        assertThat(ScpVersionLifecycle.from(Clock.systemUTC(), ScpVersionsProperties.defaults()).zone())
                .isEqualTo(ScpApi.NOT_BEFORE_ZONE);
    }

    @Test
    void springsSupportedPredicateAcceptsOnlyServedVersionsOfTheSpec() {
        ScpVersionLifecycle lifecycle = at(TestSpec.afterEveryNotBefore(), ScpApi.NOT_BEFORE_ZONE, false);

        for (ScpServiceVersion v : ScpServiceVersion.all()) {
            assertThat(lifecycle.isSupported(v)).as(v.toString()).isEqualTo(lifecycle.isServed(v));
        }
        assertThat(lifecycle.isSupported("not a version")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deprecated")
    void sunsetIsMidnightOfTheNotBeforeDateInTheZone(ScpServiceVersion version) {
        assertThat(at(Instant.EPOCH, ScpApi.NOT_BEFORE_ZONE, false).sunset(version)).hasValueSatisfying(
                s -> assertThat(s.toInstant()).isEqualTo(TestSpec.midnight(version.notBefore().orElseThrow())));
        assertThat(at(Instant.EPOCH, ScpApi.NOT_BEFORE_ZONE, false).sunset(TestSpec.current())).isEmpty();
    }

    @Test
    void aRefusedVersionIsExplainedWithTheVersionsServedNow() {
        ScpVersionLifecycle lifecycle = at(TestSpec.afterEveryNotBefore(), ScpApi.NOT_BEFORE_ZONE, false);
        String served = String.join(", ", lifecycle.served().stream().map(ScpServiceVersion::headerValue).toList());

        ProblemDetail unknown = ProblemDetail.forStatus(400);
        VersionProblems.describe(unknown, TestSpec.UNKNOWN, ScpApi.SHOW_IMAGE, lifecycle);
        assertThat(unknown.getProperties()).containsEntry("code", ScpProblemCode.UNSUPPORTED_API_VERSION.code());
        assertThat(unknown.getDetail()).isEqualTo(ScpApi.VERSION_HEADER + " '" + TestSpec.UNKNOWN
                + "' is not supported. Supported: " + served + ".");

        ScpServiceVersion retired = TestSpec.deprecatedWithNotBefore().get(0);
        ProblemDetail gone = ProblemDetail.forStatus(400);
        VersionProblems.describe(gone, retired.headerValue(), ScpApi.SHOW_IMAGE, lifecycle);
        assertThat(gone.getProperties()).containsEntry("code", ScpProblemCode.RETIRED_API_VERSION.code());
    }
}
