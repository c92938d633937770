package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.github.scptoolkit.image.it.contract.ContractViolations;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Proves the contract check is live: responses made wrong on purpose (by a filter of this test
 * only, inside the contract filter) and unsigned requests are recorded as violations; valid
 * exchanges are not. Each test takes the violations itself, so the extension sees none.
 */
@SpringBootTest(classes = {ReferenceServerApplication.class, ContractValidatorIsLiveIT.Breaker.class},
        webEnvironment = WebEnvironment.RANDOM_PORT, properties = "scp.versions.serve-retired=true")
class ContractValidatorIsLiveIT {

    static final String IMAGE = ReferenceServer.imagePath(ReferenceServer.SEED_IMAGE_ID);
    static final String VERSIONS = ScpApi.LIST_VERSIONS.path();

    @LocalServerPort
    int port;

    /** Spoils responses on request ({@code X-Break}), after the contract filter has wrapped them. */
    @TestConfiguration
    static class Breaker {
        @Bean
        ResponseBreaker responseBreaker() {
            return new ResponseBreaker();
        }
    }

    /** Runs just inside the contract filter (so before the signature filter) and spoils what is asked for. */
    static final class ResponseBreaker extends OncePerRequestFilter implements Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                FilterChain chain) throws ServletException, IOException {
            String mode = request.getHeader("X-Break");
            if (mode == null) {
                chain.doFilter(request, response);
                return;
            }
            ContentCachingResponseWrapper inner = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, inner);
            String body = new String(inner.getContentAsByteArray(), StandardCharsets.UTF_8);
            inner.resetBuffer();
            switch (mode) {
                case "drop-name" -> body = body.replaceFirst("\"name\":\"[^\"]*\",", "");
                case "html-404" -> {
                    inner.setStatus(404);
                    inner.setContentType("text/html");
                    body = "<html>not found</html>";
                }
                case "problem-without-code" -> body = body.replaceFirst("\"code\":\"[A-Z_]+\",", "");
                case "add-field" -> body = body.replaceFirst("\\{", "{\"" + request.getHeader("X-Break-Field") + "\":"
                        + request.getHeader("X-Break-Value") + ",");
                case "drop-versions" -> body = "{}";
                default -> throw new IllegalArgumentException(mode);
            }
            inner.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            inner.copyBodyToResponse();
        }
    }

    @Test
    void a200WithoutARequiredFieldIsCaught() {
        var response = ReferenceServer.signedGet(port, IMAGE, Map.of("X-Break", "drop-name"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ContractViolations.drain()).singleElement().asString()
                .contains("response 200").contains("validation.response.body.schema.required").contains("name");
    }

    @Test
    void a404WithoutAProblemBodyIsCaught() {
        var response = ReferenceServer.signedGet(port, IMAGE, Map.of("X-Break", "html-404"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ContractViolations.drain()).anySatisfy(v -> assertThat(v).contains("response 404")
                .contains("text/html"));
    }

    @Test
    void aProblemWithoutItsCodeIsCaught() {
        var response = ReferenceServer.signedGet(port, ReferenceServer.imagePath("no-such-image"),
                Map.of("X-Break", "problem-without-code"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ContractViolations.drain()).singleElement().asString()
                .contains("validation.response.body.schema.required").contains("code");
    }

    @Test
    void anOlderVersionsBodyWithALaterVersionsFieldIsCaught() {
        SpecVersions.FieldAddedIn added = SpecVersions.fieldAddedLater().orElseThrow();
        String field = added.field().name();
        Map<String, String> addField = Map.of("X-Break", "add-field", "X-Break-Field", field,
                "X-Break-Value", added.validJsonValue());

        var response = ReferenceServer.signedGet(port, IMAGE, with(addField, added.newer()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ContractViolations.drain()).as("%s has %s: the check is per version", added.newer(), field).isEmpty();

        ReferenceServer.signedGet(port, IMAGE, with(addField, added.older()));
        List<String> violations = ContractViolations.drain();
        assertThat(violations).anySatisfy(v -> assertThat(v).contains(field));
    }

    private static Map<String, String> with(Map<String, String> headers, ScpServiceVersion version) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(ReferenceServer.versionHeader(version));
        return all;
    }

    @Test
    void everyVersionsOwnBodyPasses() {
        for (ScpServiceVersion version : SpecVersions.callable()) {
            var response = ReferenceServer.signedGet(port, IMAGE, ReferenceServer.versionHeader(version));
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(ContractViolations.drain()).isEmpty();
    }

    @Test
    void aVersionsDocumentWithoutItsListIsCaught() {
        var response = ReferenceServer.get(port, VERSIONS, Map.of("X-Break", "drop-versions"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ContractViolations.drain()).singleElement().asString()
                .contains("response 200 to GET " + VERSIONS).contains("validation.response.body.schema.required")
                .contains("versions");
    }

    @Test
    void aVersionsDocumentWithAnUnknownFieldIsCaught() {
        ReferenceServer.get(port, VERSIONS, Map.of("X-Break", "add-field", "X-Break-Field", "x-unused", "X-Break-Value", "1"));

        assertThat(ContractViolations.drain()).anySatisfy(v -> assertThat(v).contains("x-unused"));
    }

    @Test
    void anUnsignedRequestIsCaught() {
        var response = ReferenceServer.get(port, IMAGE, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ContractViolations.drain()).singleElement().asString()
                .startsWith("request GET " + IMAGE).contains("validation.request.security");
    }

    @InvalidRequests
    @Test
    void anOptedOutTestStillHasItsResponsesChecked() {
        var unsigned = ReferenceServer.get(port, IMAGE, Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(ContractViolations.drain()).isEmpty();

        var broken = ReferenceServer.get(port, IMAGE, Map.of("X-Break", "problem-without-code"));
        assertThat(broken.statusCode()).isEqualTo(401);
        assertThat(broken.body()).doesNotContain("\"code\":\"MISSING_AUTH_HEADERS\",\"errors\"");
        assertThat(ContractViolations.drain()).singleElement().asString().startsWith("response 401");
    }

    @InvalidRequests // a path the spec does not have
    @Test
    void anAnswerRenderedByAnErrorDispatchIsCheckedThereOnce() {
        long before = ContractViolations.exchanges();

        var response = ReferenceServer.signedGet(port, "/v1/no-such-path", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ReferenceServer.json(response.body()).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(ContractViolations.exchanges()).as("the error dispatch, not the request's empty 404").isEqualTo(before + 1);
        assertThat(ContractViolations.drain()).isEmpty();
    }

    @Test
    void validExchangesAreCheckedAndPass() {
        long before = ContractViolations.exchanges();

        assertThat(ReferenceServer.signedGet(port, IMAGE, Map.of()).statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.signedGet(port, ReferenceServer.imagePath("no-such-image"), Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(ReferenceServer.get(port, VERSIONS, Map.of()).statusCode()).as("unsigned, as the spec says").isEqualTo(200);

        assertThat(ContractViolations.exchanges()).isEqualTo(before + 3);
        assertThat(ContractViolations.drain()).isEmpty();
    }
}
