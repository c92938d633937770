package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.scptoolkit.image.spec.ScpProblemCode;

/** Status → exception table of the error decoder, with problem, empty, HTML and truncated bodies. */
class ScpErrorDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final ScpErrorDecoder DECODER = new ScpErrorDecoder(ScpJson.newMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String METHOD_KEY = "ImagesApi#showImage(String,ScpServiceVersion,String)";

    static String problem(int status, String code) {
        return "{\"type\":\"https://scp-toolkit.dev/problems/x\",\"title\":\"T\",\"status\":" + status
                + ",\"detail\":\"The detail.\",\"instance\":\"/v1/images/x\",\"code\":\"" + code
                + "\",\"errors\":[{\"status\":\"" + status + "\",\"code\":\"" + code
                + "\",\"title\":\"T\",\"detail\":\"The detail.\"}]}";
    }

    static Response response(int status, String body, Map<String, Collection<String>> headers) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/v1/images/x",
                Map.of("Scp-Signature", List.of("c2VjcmV0LXNpZ25hdHVyZQ==")), null, StandardCharsets.UTF_8, null);
        Response.Builder b = Response.builder().status(status).reason("reason").request(request).headers(headers);
        if (body != null) {
            b.body(body, StandardCharsets.UTF_8);
        }
        return b.build();
    }

    static Stream<Arguments> typed() {
        return Stream.of(
                Arguments.of(ScpProblemCode.RETIRED_API_VERSION, ScpBadRequestException.class, FeignException.BadRequest.class),
                Arguments.of(ScpProblemCode.INVALID_SIGNATURE, ScpUnauthorizedException.class, FeignException.Unauthorized.class),
                Arguments.of(ScpProblemCode.ACTION_NOT_ALLOWED, ScpForbiddenException.class, FeignException.Forbidden.class),
                Arguments.of(ScpProblemCode.IMAGE_NOT_FOUND, ScpNotFoundException.class, FeignException.NotFound.class));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("typed")
    void problemStatusesBecomeTypedExceptionsWithTheProblem(ScpProblemCode problemCode, Class<?> type, Class<?> feignType) {
        int status = problemCode.status();
        String code = problemCode.code();
        Exception e = DECODER.decode(METHOD_KEY, response(status, problem(status, code),
                Map.of("Content-Type", List.of("application/problem+json"))));

        assertThat(e).isExactlyInstanceOf(type).isInstanceOf(feignType).isNotInstanceOf(RetryableException.class);
        ScpProblemException typed = (ScpProblemException) e;
        assertThat(typed.status()).isEqualTo(status);
        assertThat(typed.code()).isEqualTo(code);
        assertThat(typed.problemCode()).contains(problemCode);
        assertThat(typed.detail()).isEqualTo("The detail.");
        assertThat(typed.errors()).singleElement().satisfies(err -> {
            assertThat(err.getCode()).isEqualTo(code);
            assertThat(err.getStatus()).isEqualTo(String.valueOf(status));
        });
        assertThat(e.getMessage()).isEqualTo("[" + status + "] " + code + ": The detail. during " + METHOD_KEY);
        assertThat(((FeignException) e).contentUTF8()).isEqualTo(problem(status, code));
    }

    @Test
    void everyCodeOfTheSpecIsKnownAndACodeTheSpecDoesNotListIsKeptAsSent() {
        for (ScpProblemCode known : ScpProblemCode.values()) {
            if (known.status() >= 400 && known.status() <= 404 && known.status() != 402) {
                Exception e = DECODER.decode(METHOD_KEY, response(known.status(), problem(known.status(), known.code()), Map.of()));
                assertThat(((ScpProblemException) e).problemCode()).as(known.code()).contains(known);
            }
        }

        Exception e = DECODER.decode(METHOD_KEY, response(404, problem(404, "SOMETHING_NEWER"), Map.of()));

        assertThat(e).isExactlyInstanceOf(ScpNotFoundException.class);
        assertThat(((ScpProblemException) e).code()).isEqualTo("SOMETHING_NEWER");
        assertThat(((ScpProblemException) e).problemCode()).isEmpty();
        assertThat(((ScpProblemException) e).detail()).isEqualTo("The detail.");
    }

    static Stream<Arguments> notProblems() {
        return Stream.of(
                Arguments.of("empty body", ""),
                Arguments.of("no body", null),
                Arguments.of("HTML page", "<html><body><h1>400 Bad Request</h1></body></html>"),
                Arguments.of("truncated JSON", problem(400, "X").substring(0, 40)),
                Arguments.of("JSON that is not a problem", "[1,2,3]"),
                Arguments.of("JSON string", "\"oops\""),
                Arguments.of("plain text", "Bad Request"));
    }

    @ParameterizedTest(name = "{0}: the status survives, the problem is empty")
    @MethodSource("notProblems")
    void bodiesThatAreNotProblemsKeepTheStatus(String name, String body) {
        for (int status : new int[] {400, 401, 403, 404}) {
            Exception e = DECODER.decode(METHOD_KEY, response(status, body, Map.of("Content-Type", List.of("text/html"))));

            assertThat(e).isInstanceOf(ScpProblemException.class).isInstanceOf(FeignException.class);
            assertThat(((FeignException) e).status()).isEqualTo(status);
            assertThat(((ScpProblemException) e).problem()).isEmpty();
            assertThat(((ScpProblemException) e).code()).isNull();
            assertThat(((ScpProblemException) e).problemCode()).isEmpty();
            assertThat(((ScpProblemException) e).errors()).isEmpty();
            assertThat(e.getMessage()).isEqualTo("[" + status + "] during " + METHOD_KEY);
        }
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("RFC 9457 without code", "{\"type\":\"about:blank\",\"title\":\"Bad\",\"status\":400,\"detail\":\"D.\"}",
                        null, "D.", 0),
                Arguments.of("RFC 9457 with a status that is not a number", "{\"code\":\"X\",\"status\":\"oops\",\"detail\":\"D.\","
                        + "\"errors\":[{\"code\":\"X\",\"detail\":\"D.\"}]}", "X", "D.", 1),
                Arguments.of("Spring Boot's error JSON", "{\"timestamp\":\"2025-01-01T00:00:00Z\",\"status\":400,"
                        + "\"error\":\"Bad Request\",\"message\":\"D.\",\"path\":\"/v1/images/x\"}", null, "D.", 0),
                Arguments.of("OpenStack errors[]", "{\"errors\":[{\"code\":\"a.b\",\"title\":\"T\",\"detail\":\"D.\",\"status\":400},"
                        + "{\"code\":\"c.d\",\"title\":\"T2\"}]}", "a.b", "D.", 2),
                Arguments.of("OpenStack errors[] with a title only", "{\"errors\":[{\"code\":\"a.b\",\"title\":\"T\"}]}",
                        "a.b", "T", 1),
                Arguments.of("Nova", "{\"badRequest\":{\"code\":400,\"message\":\"D.\"}}", "badRequest", "D.", 1),
                Arguments.of("error object with a text code", "{\"error\":{\"code\":\"Bad\",\"message\":\"D.\"}}", "Bad", "D.", 1),
                Arguments.of("error object with a number code", "{\"error\":{\"code\":400,\"message\":\"D.\"}}", null, "D.", 1),
                Arguments.of("a gateway's message", "{\"message\":\"D.\"}", null, "D.", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void errorBodiesInTheCommonCloudShapesAreRead(String name, String body, String code, String detail, int errors) {
        Exception e = DECODER.decode(METHOD_KEY, response(400, body, Map.of()));

        assertThat(e).isExactlyInstanceOf(ScpBadRequestException.class);
        ScpProblemException typed = (ScpProblemException) e;
        assertThat(typed.problem()).isPresent();
        assertThat(typed.code()).isEqualTo(code);
        assertThat(typed.detail()).isEqualTo(detail);
        assertThat(typed.errors()).hasSize(errors);
        assertThat(((FeignException) e).contentUTF8()).isEqualTo(body);
    }

    @Test
    void anErrorBodyIsKeptUpTo4KiBAndWithoutTheRequestsSignature() {
        String echo = "{\"code\":\"X\",\"detail\":\"c2VjcmV0LXNpZ25hdHVyZQ==\",\"pad\":\"" + "p".repeat(10_000) + "\"}";
        for (int status : new int[] {400, 401, 403, 404, 409, 429, 500, 503}) {
            FeignException e = (FeignException) DECODER.decode(METHOD_KEY, response(status, echo, Map.of()));

            // the first 4 KiB as sent, the echoed signature replaced by the shorter "<redacted>"
            assertThat(e.content().length).as("status %d", status).isBetween(ScpErrorDecoder.MAX_BODY - 100, ScpErrorDecoder.MAX_BODY);
            assertThat(e.contentUTF8()).doesNotContain("c2VjcmV0LXNpZ25hdHVyZQ==").contains(ScpMaskingLogger.REDACTED);
            assertThat(e.getMessage()).doesNotContain("c2VjcmV0LXNpZ25hdHVyZQ==");
        }
    }

    static Stream<Arguments> retryable() {
        return Stream.of(
                Arguments.of(429, "2", NOW.plusSeconds(2).toEpochMilli()),
                Arguments.of(503, "Fri, 27 Nov 2026 03:00:10 GMT", NOW.plusSeconds(10).toEpochMilli()),
                Arguments.of(502, null, null),
                Arguments.of(504, "soon", null));
    }

    @ParameterizedTest(name = "{0} with Retry-After {1}: retryable at {2}")
    @MethodSource("retryable")
    void overloadAndGatewayStatusesAreRetryableWithRetryAfter(int status, String retryAfter, Long at) {
        Map<String, Collection<String>> headers = retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter));

        Exception e = DECODER.decode(METHOD_KEY, response(status, "<html>Bad gateway</html>", headers));

        assertThat(e).isInstanceOf(RetryableException.class);
        assertThat(((RetryableException) e).status()).isEqualTo(status);
        assertThat(((RetryableException) e).retryAfter()).isEqualTo(at);
        assertThat(((RetryableException) e).contentUTF8()).isEqualTo("<html>Bad gateway</html>");
    }

    @Test
    void otherStatusesFallBackToFeignsDefault() {
        Exception e500 = DECODER.decode(METHOD_KEY, response(500, problem(500, "INTERNAL_ERROR"), Map.of()));
        Exception e409 = DECODER.decode(METHOD_KEY, response(409, "", Map.of()));

        assertThat(e500).isExactlyInstanceOf(FeignException.InternalServerError.class);
        assertThat(e409).isExactlyInstanceOf(FeignException.Conflict.class);
    }

    @Test
    void messagesNeverCarryRequestHeaders() {
        for (int status : new int[] {400, 401, 403, 404, 429, 502, 503, 504}) {
            Exception e = DECODER.decode(METHOD_KEY, response(status, problem(status, "X"), Map.of()));

            assertThat(e.getMessage()).doesNotContain("c2VjcmV0LXNpZ25hdHVyZQ==", "Scp-Signature");
            assertThat(e.toString()).doesNotContain("c2VjcmV0LXNpZ25hdHVyZQ==");
        }
    }
}
