package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.it.contract.SpecContract;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * The negative corpus, one request per case (see {@link BadInputs#corpus()}): every header of the
 * spec missing, empty, duplicated, oversized and malformed; bad timestamps and versions; ids blank,
 * over-long, with dot segments, encoded slashes, NUL, CR/LF, non-ASCII and invalid
 * percent-encoding; other methods; odd Accept values; malformed request lines (raw socket). Each
 * answer is a 4xx problem valid against the spec: never a 5xx, an HTML page or a stack trace.
 */
@InvalidRequests
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class BadInputCorpusIT {

    private static final Map<Integer, Integer> BY_STATUS = new TreeMap<>();

    @LocalServerPort
    int port;

    static Stream<BadInputs.Mutation> corpus() {
        return BadInputs.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputIsA4xxProblem(BadInputs.Mutation mutation) {
        BadInputs inputs = new BadInputs(port);
        RawHttp.Request request = inputs.valid();

        RawHttp.Response response = inputs.apply(request, List.of(mutation), new Random(0));

        synchronized (BY_STATUS) {
            BY_STATUS.merge(response.status(), 1, Integer::sum);
        }
        assertThat(BadInputs.problemViolations(request.method, request.target, response))
                .as("%s -> %d %s", request, response.status(), RawHttp.abbreviate(response.body()))
                .isEmpty();
    }

    @Test
    void theCorpusCoversEveryHeaderOfTheSpec() {
        Set<String> covered = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        BadInputs.corpus().forEach(m -> covered.add(m.name().split(" ")[0]));

        assertThat(covered).containsAll(SpecContract.headerNames());
    }

    static Stream<BadInputs.Mutation> ambiguous() {
        return BadInputs.ambiguous().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguous")
    void aSingleValuedHeaderWithDifferentValuesIsRefusedAsAmbiguous(BadInputs.Mutation mutation) {
        BadInputs inputs = new BadInputs(port);
        RawHttp.Request request = inputs.valid();
        ScpProblemCode expected = mutation.name().split(" ")[0].equalsIgnoreCase(ScpApi.VERSION_HEADER)
                ? ScpProblemCode.UNSUPPORTED_API_VERSION : ScpProblemCode.INVALID_REQUEST;

        RawHttp.Response response = inputs.apply(request, List.of(mutation), new Random(0));

        assertThat(response.status()).as("%s -> %s", request, response.body()).isEqualTo(expected.status());
        JsonNode problem = ReferenceServer.json(response.body());
        assertThat(problem.path("code").asText()).isEqualTo(expected.code());
        assertThat(problem.path("detail").asText()).contains("ambiguous");
        assertThat(response.first(ScpApi.VERSION_HEADER)).as("no version served").isNull();
    }

    @Test
    void theSameVersionRepeatedOrAListHeaderWithSeveralValuesIsServed() {
        BadInputs inputs = new BadInputs(port);
        String version = SpecVersions.otherServed(Clock.systemUTC()).headerValue();
        RawHttp.Request twice = inputs.valid().header(ScpApi.VERSION_HEADER, version)
                .header(BadInputs.GO_SDK_VERSION_HEADER, version);
        RawHttp.Request joined = inputs.valid().header(ScpApi.VERSION_HEADER, version + ", " + version);
        RawHttp.Request languages = inputs.valid().header("Accept-Language", "ko-KR").header("Accept-Language", "en-US");

        for (RawHttp.Request request : List.of(twice, joined)) {
            RawHttp.Response response = inputs.send(inputs.sign(request));
            assertThat(response.status()).as("%s -> %s", request, response.body()).isEqualTo(200);
            assertThat(response.first(ScpApi.VERSION_HEADER)).isEqualTo(version);
        }
        assertThat(inputs.send(inputs.sign(languages)).status()).isEqualTo(200);
    }

    @Test
    void methodsOtherThanGetAre405WithAllow() {
        BadInputs inputs = new BadInputs(port);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT")) {
            RawHttp.Request request = inputs.valid();
            request.method = method;
            RawHttp.Response response = inputs.send(inputs.sign(request));

            assertThat(response.status()).as(method).isEqualTo(405);
            assertThat(response.first("Allow")).as(method).contains("GET");
        }
    }

    @Test
    void unacceptableAcceptIs406() {
        BadInputs inputs = new BadInputs(port);
        RawHttp.Response response = inputs.send(inputs.sign(inputs.valid().header("Accept", "text/html")));

        assertThat(response.status()).isEqualTo(406);
        assertThat(ReferenceServer.json(response.body()).get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    void tomcatLevelErrorsAreProblemsNotHtml() {
        BadInputs inputs = new BadInputs(port);
        for (String target : List.of("/v1/images/%zz", "/v1/images/a%00b")) {
            RawHttp.Request request = inputs.valid();
            request.target = target;
            RawHttp.Response response = inputs.send(inputs.sign(request));

            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.first("Content-Type")).as(target).startsWith("application/problem+json");
            assertThat(response.body()).as(target).doesNotContain("<html", "Tomcat");
        }
        RawHttp.Response tooLarge = inputs.send(inputs.sign(inputs.valid().header("X-Padding", BadInputs.KB20)));
        assertThat(tooLarge.status()).isBetween(400, 431);
        assertThat(tooLarge.first("Content-Type")).startsWith("application/problem+json");
    }

    @AfterAll
    static void printCounts() {
        System.out.println("Bad input corpus: " + BY_STATUS.values().stream().mapToInt(Integer::intValue).sum()
                + " requests, by status: " + BadInputs.counts(BY_STATUS));
    }
}
