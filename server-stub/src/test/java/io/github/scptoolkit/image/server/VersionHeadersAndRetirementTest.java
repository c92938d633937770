package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Lifecycle decided per request with the application's clock in the spec's Not Before zone (the
 * instant before midnight, midnight itself, the day itself, for every DEPRECATED version of the
 * spec), and the version headers of served responses.
 */
// Signature checks have their own tests (ScpSignatureFilterTest, ScpAuthConfigurationTest); off here.
@SpringBootTest(classes = StubTestApp.class, properties = "scp.auth.enabled=false")
@AutoConfigureMockMvc
class VersionHeadersAndRetirementTest {

    private static final String IMAGE = TestSpec.image(StubTestApp.KNOWN_ID);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;

    @Autowired
    StubTestApp.SettableClock clock;

    @Autowired
    StubTestApp.TestImages images;

    private MockHttpServletResponse call(ScpServiceVersion version) throws Exception {
        return mvc.perform(get(IMAGE).header(ScpApi.VERSION_HEADER, version.headerValue())).andReturn().getResponse();
    }

    static Stream<ScpServiceVersion> deprecated() {
        return TestSpec.deprecatedWithNotBefore().stream();
    }

    static Stream<ScpServiceVersion> active() {
        return TestSpec.active().stream();
    }

    /** Each DEPRECATED version around 00:00 of its Not Before date in the zone: second before, midnight, noon. */
    static Stream<Arguments> retirementBoundaries() {
        return deprecated().flatMap(v -> {
            Instant midnight = TestSpec.midnight(v.notBefore().orElseThrow());
            return Stream.of(Arguments.of(v, midnight.minusSeconds(86_400), 200),
                    Arguments.of(v, midnight.minusSeconds(1), 200),
                    Arguments.of(v, midnight, 400),
                    Arguments.of(v, midnight.plusSeconds(12 * 3600), 400),
                    Arguments.of(v, TestSpec.afterEveryNotBefore(), 400));
        });
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @MethodSource("retirementBoundaries")
    void deprecatedVersionsAreRefusedFromMidnightOfTheirNotBeforeDateInTheZone(ScpServiceVersion version, Instant now,
            int status) throws Exception {
        clock.set(now);

        MockHttpServletResponse response = call(version);

        assertThat(response.getStatus()).isEqualTo(status);
        if (status == 400) {
            assertThat(response.getContentAsString()).contains("\"code\":\"RETIRED_API_VERSION\"");
        }
    }

    @ParameterizedTest(name = "{0} is served after every Not Before date")
    @MethodSource("active")
    void currentAndSupportedVersionsAreNeverRetired(ScpServiceVersion version) throws Exception {
        clock.set(TestSpec.afterEveryNotBefore());

        assertThat(call(version).getStatus()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deprecated")
    void theDecisionFollowsTheClockWhileTheServerRuns(ScpServiceVersion version) throws Exception {
        Instant midnight = TestSpec.midnight(version.notBefore().orElseThrow());
        clock.set(midnight.minusSeconds(1));
        assertThat(call(version).getStatus()).isEqualTo(200);

        clock.set(midnight);
        assertThat(call(version).getStatus()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0} carries Deprecation, Sunset and Link")
    @MethodSource("deprecated")
    void deprecatedVersionsCarryDeprecationSunsetAndLink(ScpServiceVersion version) throws Exception {
        Instant sunset = TestSpec.midnight(version.notBefore().orElseThrow());
        clock.set(sunset.minusSeconds(86_400));

        MockHttpServletResponse response = call(version);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Deprecation")).isEqualTo("@" + sunset.getEpochSecond());
        assertThat(response.getHeader("Sunset")).isEqualTo(HTTP_DATE.format(sunset));
        assertThat(response.getHeaders("Link")).containsExactly(
                "<" + ScpVersionLifecycle.DEFAULT_DOC_URL + ">; rel=\"deprecation\"; type=\"text/html\"");
        assertThat(response.getHeader(ScpApi.VERSION_HEADER)).isEqualTo(version.headerValue());
        assertThat(response.getHeaders("Vary")).anyMatch(v -> v.contains(ScpApi.VERSION_HEADER));
    }

    @ParameterizedTest(name = "{0} has no deprecation headers")
    @MethodSource("active")
    void activeVersionsHaveNoDeprecationHeaders(ScpServiceVersion version) throws Exception {
        clock.set(TestSpec.beforeEveryNotBefore());

        MockHttpServletResponse response = call(version);

        assertThat(response.getHeader("Deprecation")).isNull();
        assertThat(response.getHeader("Sunset")).isNull();
        assertThat(response.getHeader("Link")).isNull();
        assertThat(response.getHeader(ScpApi.VERSION_HEADER)).isEqualTo(version.headerValue());
        assertThat(response.getHeaders("Vary")).containsExactly(ScpApi.VERSION_HEADER);
    }

    @Test
    void withoutAHeaderTheCurrentVersionServesAndIsEchoed() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(IMAGE)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader(ScpApi.VERSION_HEADER)).isEqualTo(TestSpec.current().headerValue());
        assertThat(images.lastVersion()).isEqualTo(TestSpec.current());
    }

    @Test
    void errorResponsesOfAResolvedVersionEchoItToo() throws Exception {
        ScpServiceVersion version = TestSpec.deprecatedWithNotBefore().get(0);
        Instant sunset = TestSpec.midnight(version.notBefore().orElseThrow());
        clock.set(sunset.minusSeconds(86_400));

        MockHttpServletResponse response = mvc.perform(get(TestSpec.image("unknown"))
                .header(ScpApi.VERSION_HEADER, version.headerValue())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader(ScpApi.VERSION_HEADER)).isEqualTo(version.headerValue());
        assertThat(response.getHeaders("Vary")).containsExactly(ScpApi.VERSION_HEADER);
        assertThat(response.getHeader("Sunset")).isEqualTo(HTTP_DATE.format(sunset));
    }

    static Stream<Arguments> headerSpellings() {
        return TestSpec.callableNewestFirst().stream().flatMap(v -> Stream.of(
                Arguments.of(ScpApi.VERSION_HEADER, v),
                Arguments.of(ScpApi.VERSION_HEADER.toLowerCase(java.util.Locale.ROOT), v),
                Arguments.of("Scp-API-Version", v)));
    }

    @ParameterizedTest(name = "header ''{0}: {1}'' reaches the implementation as {1}")
    @MethodSource("headerSpellings")
    void theImplementationSeesTheResolvedVersion(String name, ScpServiceVersion version) throws Exception {
        clock.set(TestSpec.beforeEveryNotBefore());

        mvc.perform(get(IMAGE).header(name, version.headerValue())).andReturn();

        assertThat(images.lastVersion()).isEqualTo(version);
    }
}
