package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem table of the spec's operations: every error status the stub can answer there
 * (Spring's own 400/404/405/406, version errors, the implementation's 404, an unexpected 500) is
 * an RFC 9457 problem whose code, status, title and type are the spec's, with {@code errors[]},
 * and no body leaks internals.
 */
// Signature checks have their own tests (ScpSignatureFilterTest, ScpAuthConfigurationTest); off here.
@SpringBootTest(classes = StubTestApp.class, properties = "scp.auth.enabled=false")
@AutoConfigureMockMvc
class ProblemResponsesTest {

    private static final String IMAGE = TestSpec.image(StubTestApp.KNOWN_ID);
    private static final String HEADER = ScpApi.VERSION_HEADER;
    private static final String ACCEPT_LANGUAGE = "Accept-Language";

    /** A Show Image parameter's maxLength in the spec. */
    private static int maxLength(String parameter) {
        return ScpApi.SHOW_IMAGE.parameters().stream().filter(p -> p.name().equals(parameter)).findFirst()
                .orElseThrow().maxLength();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    StubTestApp.SettableClock clock;

    @BeforeEach
    void everyNotBeforeHasPassed() {
        clock.set(TestSpec.afterEveryNotBefore());
    }

    static Stream<Arguments> table() {
        int maxId = TestSpec.imageId().maxLength();
        Stream<Arguments> fixed = Stream.of(
                Arguments.of("unknown image", get(TestSpec.image("00000000-0000-0000-0000-000000000000"))
                        .header(HEADER, TestSpec.current().headerValue()), ScpProblemCode.IMAGE_NOT_FOUND),
                Arguments.of("POST on Show Image", post(IMAGE), ScpProblemCode.METHOD_NOT_ALLOWED),
                Arguments.of("Accept text/html only", get(IMAGE).header("Accept", "text/html"),
                        ScpProblemCode.NOT_ACCEPTABLE),
                Arguments.of("image_id over its maximum length", get(TestSpec.image("a".repeat(maxId + 1))),
                        ScpProblemCode.INVALID_REQUEST),
                Arguments.of("image_id at its maximum length (valid, so looked up)", get(TestSpec.image("a".repeat(maxId)))
                        .header(HEADER, TestSpec.current().headerValue()), ScpProblemCode.IMAGE_NOT_FOUND),
                Arguments.of("Accept-Language over its maximum length", get(IMAGE).header(ACCEPT_LANGUAGE,
                        "a".repeat(maxLength(ACCEPT_LANGUAGE) + 1)), ScpProblemCode.INVALID_REQUEST),
                Arguments.of("unknown version", get(IMAGE).header(HEADER, TestSpec.UNKNOWN),
                        ScpProblemCode.UNSUPPORTED_API_VERSION),
                Arguments.of("other service", get(IMAGE).header(HEADER, "blockstorage " + TestSpec.current().getVersion()),
                        ScpProblemCode.UNSUPPORTED_API_VERSION),
                Arguments.of("service without version", get(IMAGE).header(HEADER, ScpApi.SERVICE),
                        ScpProblemCode.UNSUPPORTED_API_VERSION),
                Arguments.of("empty version", get(IMAGE).header(HEADER, ""), ScpProblemCode.UNSUPPORTED_API_VERSION),
                Arguments.of("two different versions", get(IMAGE).header(HEADER, TestSpec.current().headerValue(),
                        TestSpec.UNKNOWN), ScpProblemCode.UNSUPPORTED_API_VERSION),
                Arguments.of("a comma-joined list of versions", get(IMAGE).header(HEADER,
                        TestSpec.current().headerValue() + ", " + TestSpec.UNKNOWN), ScpProblemCode.UNSUPPORTED_API_VERSION),
                Arguments.of("upper-case service", get(IMAGE).header(HEADER,
                        TestSpec.current().headerValue().toUpperCase(java.util.Locale.ROOT)),
                        ScpProblemCode.UNSUPPORTED_API_VERSION),
                Arguments.of("implementation fails", get(TestSpec.image(StubTestApp.FAILING_ID)),
                        ScpProblemCode.INTERNAL_ERROR));
        Stream<Arguments> retired = TestSpec.deprecatedWithNotBefore().stream().map(v -> Arguments.of(
                "retired " + v, get(IMAGE).header(HEADER, v.headerValue()), ScpProblemCode.RETIRED_API_VERSION));
        return Stream.concat(fixed, retired);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("table")
    void everyErrorIsAProblemWithTheSpecsCode(String name, MockHttpServletRequestBuilder request, ScpProblemCode code)
            throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String text = result.getResponse().getContentAsString();

        assertThat(result.getResponse().getStatus()).isEqualTo(code.status());
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(text);
        assertThat(problem.get("type").asString()).isEqualTo(code.type().toString());
        assertThat(problem.get("title").asString()).isEqualTo(code.title());
        assertThat(problem.get("status").asInt()).isEqualTo(code.status());
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).startsWith("/");
        assertThat(problem.get("code").asString()).isEqualTo(code.code());
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("status").asString()).isEqualTo(String.valueOf(code.status()));
        assertThat(error.get("code").asString()).isEqualTo(code.code());
        assertThat(error.get("title").asString()).isEqualTo(code.title());
        assertThat(error.get("detail").asString()).isEqualTo(problem.get("detail").asString());
        assertThat(text).doesNotContain("Exception", "java.", "org.springframework", "jdbc", "db.internal", "secret", "trace");
        assertThat(result.getResponse().getHeaders("Vary")).anyMatch(v -> v.contains(HEADER));
    }

    @Test
    void aWrongMethodOnTheVersionsDocumentIsAProblemWithoutVersionHeaders() throws Exception {
        MvcResult result = mvc.perform(post(ScpApi.LIST_VERSIONS.path())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(ScpProblemCode.METHOD_NOT_ALLOWED.status());
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getHeader("Allow")).contains("GET");
        assertThat(result.getResponse().getHeaders("Vary")).noneMatch(v -> v.contains(HEADER));
        assertThat(result.getResponse().getHeader(HEADER)).isNull();
    }

    @Test
    void aWrongMethodNamesTheAllowedOnes() throws Exception {
        MvcResult result = mvc.perform(post(IMAGE)).andReturn();

        assertThat(result.getResponse().getHeader("Allow")).contains("GET");
    }

    private String served() {
        return TestSpec.callableNewestFirst().stream().filter(v -> !v.isRetiredOn(java.time.LocalDate.ofInstant(
                clock.instant(), ScpApi.NOT_BEFORE_ZONE))).map(ScpServiceVersion::headerValue)
                .collect(Collectors.joining(", "));
    }

    @Test
    void unsupportedVersionDetailQuotesTheHeaderAsSentAndListsTheServedVersions() throws Exception {
        for (String header : List.of(TestSpec.UNKNOWN, "blockstorage " + TestSpec.current().getVersion(), ScpApi.SERVICE)) {
            JsonNode problem = JsonMapper.shared().readTree(mvc.perform(get(IMAGE).header(HEADER, header))
                    .andReturn().getResponse().getContentAsString());

            assertThat(problem.get("detail").asString()).isEqualTo(
                    HEADER + " '" + header + "' is not supported. Supported: " + served() + ".");
        }
    }

    @Test
    void retiredVersionDetailNamesTheNotBeforeDate() throws Exception {
        for (ScpServiceVersion v : TestSpec.deprecatedWithNotBefore()) {
            JsonNode problem = JsonMapper.shared().readTree(mvc.perform(get(IMAGE).header(HEADER, v.headerValue()))
                    .andReturn().getResponse().getContentAsString());

            assertThat(problem.get("detail").asString()).isEqualTo(HEADER + " '" + v.headerValue()
                    + "' is no longer supported: its Not Before date " + v.notBefore().orElseThrow()
                    + " has arrived. Supported: " + served() + ".");
        }
    }

    @Test
    void anInvalidParameterIsExplainedFromTheSpecsParameterRules() throws Exception {
        int maxId = TestSpec.imageId().maxLength();
        JsonNode problem = JsonMapper.shared().readTree(mvc.perform(get(TestSpec.image("a".repeat(maxId + 1))))
                .andReturn().getResponse().getContentAsString());

        assertThat(problem.get("detail").asString()).startsWith("A request parameter is not valid (")
                .contains(TestSpec.imageId().name() + " is 1 to " + maxId + " characters");
    }
}
