package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.server.ResponseStatusException;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The resolver on its own: its scope (operation paths only) and the codes of errors the table cannot provoke. */
class ScpExceptionResolverTest {

    private final ScpExceptionResolver resolver = new ScpExceptionResolver(ScpOperations.SPEC,
            ScpVersionLifecycle.from(Clock.systemUTC(), ScpVersionsProperties.defaults()));

    private JsonNode resolve(String path, Exception ex, MockHttpServletResponse response) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        assertThat(resolver.resolveException(request, response, null, ex)).isNotNull();
        return JsonMapper.shared().readTree(response.getContentAsByteArray());
    }

    @Test
    void anUnsupportedBodyTypeIsUnsupportedMediaType() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        JsonNode problem = resolve(TestSpec.image("x"), new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN,
                List.of(MediaType.APPLICATION_JSON), org.springframework.http.HttpMethod.POST), response);

        assertThat(response.getStatus()).isEqualTo(ScpProblemCode.UNSUPPORTED_MEDIA_TYPE.status());
        assertThat(problem.get("code").asString()).isEqualTo(ScpProblemCode.UNSUPPORTED_MEDIA_TYPE.code());
        assertThat(response.getHeader("Accept")).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
    }

    @Test
    void aStatusTheSpecHasNoCodeForKeepsItsStatusUnderTheGenericCode() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        JsonNode problem = resolve(TestSpec.image("x"), new ResponseStatusException(HttpStatus.CONFLICT), response);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("code").asString()).isEqualTo(ScpProblemCode.INVALID_REQUEST.code());
        assertThat(problem.get("title").asString()).isEqualTo(ScpProblemCode.INVALID_REQUEST.title());
    }

    @Test
    void anImplementationsOwnProblemIsKept() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        JsonNode problem = resolve(TestSpec.image("x"), ScpProblems.exception(ScpProblemCode.ACTION_NOT_ALLOWED,
                "Not for you."), response);

        assertThat(response.getStatus()).isEqualTo(ScpProblemCode.ACTION_NOT_ALLOWED.status());
        assertThat(problem.get("code").asString()).isEqualTo(ScpProblemCode.ACTION_NOT_ALLOWED.code());
        assertThat(problem.get("detail").asString()).isEqualTo("Not for you.");
    }

    @Test
    void errorsOfOtherPathsAreLeftToTheApplication() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/hello");

        assertThat(resolver.resolveException(request, new MockHttpServletResponse(), null,
                new IllegalStateException("x"))).isNull();
        assertThat(ScpApi.operations()).noneMatch(op -> op.path().equals("/hello"));
    }

    @Test
    void everyCodeTheStubWritesIsInTheSpecsList() {
        // The generic codes the resolver and the container pages fall back on are listed codes.
        assertThat(ScpProblemCode.fromCode(ScpProblemCode.INVALID_REQUEST.code())).isPresent();
        assertThat(ScpContainerErrors.problem(418, "/").getProperties()).containsEntry("code",
                ScpProblemCode.INVALID_REQUEST.code());
        assertThat(ScpContainerErrors.problem(503, "/").getProperties()).containsEntry("code",
                ScpProblemCode.INTERNAL_ERROR.code());
    }
}
