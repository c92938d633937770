package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.github.scptoolkit.image.server.generated.model.ScpApiVersion;

/**
 * Lifecycle decided per request with the application's clock in Asia/Seoul (the day before, the
 * day itself and the zone boundary of 1.0 and 1.1), and the version headers of served responses.
 */
// Signature checks have their own tests (ScpSignatureFilterTest, ScpAuthConfigurationTest); off here.
@SpringBootTest(classes = StubTestApp.class, properties = "scp.auth.enabled=false")
@AutoConfigureMockMvc
class VersionHeadersAndRetirementTest {

    private static final String IMAGE = "/v1/images/" + StubTestApp.KNOWN_ID;

    @Autowired
    MockMvc mvc;

    @Autowired
    StubTestApp.SettableClock clock;

    @Autowired
    StubTestApp.TestImages images;

    private MockHttpServletResponse call(String version) throws Exception {
        return mvc.perform(get(IMAGE).header("Scp-Api-Version", "virtualserver " + version)).andReturn().getResponse();
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            // 1.0, Not Before 2025-12-31 = 2025-12-30T15:00Z in Asia/Seoul
            "1.0, 2025-12-30T00:00:00Z, 200",   // the day before (both in UTC and in Seoul)
            "1.0, 2025-12-30T14:59:59Z, 200",   // one second before midnight in Seoul
            "1.0, 2025-12-30T15:00:00Z, 400",   // midnight in Seoul: still 2025-12-30 in UTC
            "1.0, 2025-12-31T12:00:00Z, 400",   // the day itself
            "1.0, 2026-11-27T03:00:00Z, 400",   // today
            // 1.1, Not Before 2026-05-31 = 2026-05-30T15:00Z in Asia/Seoul
            "1.1, 2026-05-30T00:00:00Z, 200",
            "1.1, 2026-05-30T14:59:59Z, 200",
            "1.1, 2026-05-30T15:00:00Z, 400",
            "1.1, 2026-05-31T12:00:00Z, 400",
            // 1.2 is SUPPORTED: its Not Before date does not retire it; 1.3 is CURRENT
            "1.2, 2026-11-27T03:00:00Z, 200",
            "1.3, 2026-11-27T03:00:00Z, 200"})
    void deprecatedVersionsAreRefusedFromMidnightOfTheirNotBeforeDateInSeoul(String version, String now, int status)
            throws Exception {
        clock.set(now);

        MockHttpServletResponse response = call(version);

        assertThat(response.getStatus()).isEqualTo(status);
        if (status == 400) {
            assertThat(response.getContentAsString()).contains("\"code\":\"RETIRED_API_VERSION\"");
        }
    }

    @Test
    void theDecisionFollowsTheClockWhileTheServerRuns() throws Exception {
        clock.set("2025-12-30T14:59:59Z");
        assertThat(call("1.0").getStatus()).isEqualTo(200);

        clock.set("2025-12-30T15:00:00Z");
        assertThat(call("1.0").getStatus()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0} carries Deprecation, Sunset {2} and Link")
    @CsvSource({"1.0, 2025-12-30T15:00:00Z, 'Tue, 30 Dec 2025 15:00:00 GMT'",
            "1.1, 2026-05-30T15:00:00Z, 'Sat, 30 May 2026 15:00:00 GMT'"})
    void deprecatedVersionsCarryDeprecationSunsetAndLink(String version, String notBeforeInSeoul, String sunset)
            throws Exception {
        clock.set("2025-06-01T00:00:00Z");

        MockHttpServletResponse response = call(version);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Deprecation")).isEqualTo("@" + Instant.parse(notBeforeInSeoul).getEpochSecond());
        assertThat(response.getHeader("Sunset")).isEqualTo(sunset);
        assertThat(response.getHeaders("Link")).containsExactly(
                "<" + VersionLifecycle.DEFAULT_DOC_URL + ">; rel=\"deprecation\"; type=\"text/html\"");
        assertThat(response.getHeader("Scp-Api-Version")).isEqualTo("virtualserver " + version);
        assertThat(response.getHeaders("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
    }

    @ParameterizedTest(name = "{0} has no deprecation headers")
    @CsvSource({"1.2", "1.3"})
    void activeVersionsHaveNoDeprecationHeaders(String version) throws Exception {
        clock.set("2025-06-01T00:00:00Z");

        MockHttpServletResponse response = call(version);

        assertThat(response.getHeader("Deprecation")).isNull();
        assertThat(response.getHeader("Sunset")).isNull();
        assertThat(response.getHeader("Link")).isNull();
        assertThat(response.getHeader("Scp-Api-Version")).isEqualTo("virtualserver " + version);
        assertThat(response.getHeaders("Vary")).containsExactly("Scp-Api-Version");
    }

    @Test
    void withoutAHeaderTheCurrentVersionServesAndIsEchoed() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(IMAGE)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Scp-Api-Version")).isEqualTo("virtualserver 1.3");
        assertThat(response.getContentAsString()).contains("\"scp_gpu_driver\"");
        assertThat(images.lastVersion()).isEqualTo(ScpApiVersion.V1_3);
    }

    @Test
    void errorResponsesOfAResolvedVersionEchoItToo() throws Exception {
        clock.set("2025-06-01T00:00:00Z");

        MockHttpServletResponse response = mvc.perform(get("/v1/images/unknown")
                .header("Scp-Api-Version", "virtualserver 1.0")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader("Scp-Api-Version")).isEqualTo("virtualserver 1.0");
        assertThat(response.getHeaders("Vary")).containsExactly("Scp-Api-Version");
        assertThat(response.getHeader("Sunset")).isEqualTo("Tue, 30 Dec 2025 15:00:00 GMT");
    }

    @ParameterizedTest(name = "header ''{0}: {1}'' reaches the implementation as {2}")
    @CsvSource({"Scp-Api-Version, virtualserver 1.0, V1_0", "Scp-API-Version, virtualserver 1.2, V1_2",
            "scp-api-version, virtualserver 1.1, V1_1"})
    void theImplementationSeesTheResolvedVersion(String name, String value, ScpApiVersion expected) throws Exception {
        clock.set("2025-06-01T00:00:00Z");

        mvc.perform(get(IMAGE).header(name, value)).andReturn();

        assertThat(images.lastVersion()).isEqualTo(expected);
    }

    @Test
    void shapesFollowTheVersion() throws Exception {
        clock.set("2025-06-01T00:00:00Z");

        assertThat(call("1.0").getContentAsString()).doesNotContain("scp_gpu_driver");
        assertThat(call("1.1").getContentAsString()).doesNotContain("scp_gpu_driver");
        assertThat(call("1.2").getContentAsString()).contains("\"scp_gpu_driver\":\"535.183.06\"");
    }
}
