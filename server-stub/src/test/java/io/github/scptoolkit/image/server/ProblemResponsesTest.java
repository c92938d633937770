package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem table: every error status the stub can answer (Spring's own 400/404/405/406/415,
 * version errors, the implementation's 404, an unexpected 500) is an RFC 9457 problem with a
 * stable code and {@code errors[]}, and no body leaks internals.
 */
// Signature checks have their own tests (ScpSignatureFilterTest, ScpAuthConfigurationTest); off here.
@SpringBootTest(classes = StubTestApp.class, properties = "scp.auth.enabled=false")
@AutoConfigureMockMvc
class ProblemResponsesTest {

    private static final String IMAGE = "/v1/images/" + StubTestApp.KNOWN_ID;

    @Autowired
    MockMvc mvc;

    @Autowired
    StubTestApp.SettableClock clock;

    @BeforeEach
    void todayIsTheProjectsToday() {
        clock.set("2026-11-27T03:00:00Z");
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("unknown image", get("/v1/images/00000000-0000-0000-0000-000000000000")
                        .header("Scp-Api-Version", "virtualserver 1.3"), 404, "IMAGE_NOT_FOUND"),
                Arguments.of("unknown path", get("/v2/nothing"), 404, "NOT_FOUND"),
                Arguments.of("POST on Show Image", post(IMAGE), 405, "METHOD_NOT_ALLOWED"),
                Arguments.of("Accept text/html only", get(IMAGE).header("Accept", "text/html"), 406, "NOT_ACCEPTABLE"),
                Arguments.of("body of the wrong media type", post("/test/json-only").contentType("text/plain")
                        .content("x"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("image_id over 255 characters", get("/v1/images/" + "a".repeat(256)), 400, "INVALID_REQUEST"),
                Arguments.of("unknown version", get(IMAGE).header("Scp-Api-Version", "virtualserver 9.9"), 400,
                        "UNSUPPORTED_API_VERSION"),
                Arguments.of("other service", get(IMAGE).header("Scp-Api-Version", "blockstorage 1.2"), 400,
                        "UNSUPPORTED_API_VERSION"),
                Arguments.of("service without version", get(IMAGE).header("Scp-Api-Version", "virtualserver"), 400,
                        "UNSUPPORTED_API_VERSION"),
                Arguments.of("empty version", get(IMAGE).header("Scp-Api-Version", ""), 400, "UNSUPPORTED_API_VERSION"),
                Arguments.of("retired 1.0", get(IMAGE).header("Scp-Api-Version", "virtualserver 1.0"), 400,
                        "RETIRED_API_VERSION"),
                Arguments.of("retired 1.1", get(IMAGE).header("Scp-Api-Version", "virtualserver 1.1"), 400,
                        "RETIRED_API_VERSION"),
                Arguments.of("implementation fails", get("/v1/images/" + StubTestApp.FAILING_ID), 500, "INTERNAL_ERROR"));
    }

    @ParameterizedTest(name = "{0}: {2} problem {3}")
    @MethodSource("table")
    void everyErrorIsAProblemWithAStableCode(String name, MockHttpServletRequestBuilder request, int status, String code)
            throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String text = result.getResponse().getContentAsString();

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(text);
        assertThat(problem.get("type").asString()).isEqualTo(
                "https://scp-toolkit.dev/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).startsWith("/");
        assertThat(problem.get("code").asString()).isEqualTo(code);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("status").asString()).isEqualTo(String.valueOf(status));
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("title").asString()).isEqualTo(problem.get("title").asString());
        assertThat(error.get("detail").asString()).isEqualTo(problem.get("detail").asString());
        assertThat(text).doesNotContain("Exception", "java.", "org.springframework", "jdbc", "db.internal", "secret", "trace");
        assertThat(result.getResponse().getHeaders("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
    }

    @ParameterizedTest(name = "''{0}'' is quoted as sent")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"virtualserver 9.9", "blockstorage 1.2", "virtualserver"})
    void unsupportedVersionDetailQuotesTheHeaderAsSentAndListsTheServedVersions(String header) throws Exception {
        JsonNode problem = JsonMapper.shared().readTree(mvc.perform(get(IMAGE).header("Scp-Api-Version", header))
                .andReturn().getResponse().getContentAsString());

        assertThat(problem.get("detail").asString()).isEqualTo(
                "Scp-Api-Version '" + header + "' is not supported. Supported: virtualserver 1.3, virtualserver 1.2.");
    }

    @ParameterizedTest(name = "{0} is refused naming its Not Before date {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1.0, 2025-12-31", "1.1, 2026-05-31"})
    void retiredVersionDetailNamesTheNotBeforeDate(String version, String notBefore) throws Exception {
        JsonNode problem = JsonMapper.shared().readTree(mvc.perform(get(IMAGE)
                .header("Scp-Api-Version", "virtualserver " + version)).andReturn().getResponse().getContentAsString());

        assertThat(problem.get("detail").asString()).isEqualTo("Scp-Api-Version 'virtualserver " + version
                + "' is no longer supported: its Not Before date " + notBefore
                + " has arrived. Supported: virtualserver 1.3, virtualserver 1.2.");
    }
}
