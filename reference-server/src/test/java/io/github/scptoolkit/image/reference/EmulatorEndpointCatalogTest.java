package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * The endpoint catalog SCP's tools call at their auth URL ({@code /v1/endpoints}): signed like
 * every API call (with the tenants' keys), answering exactly the shape the vendor's SDK parses,
 * its own entry by default at its own URL in {@code kr-west1}, region, URL and more entries
 * configurable.
 */
class EmulatorEndpointCatalogTest {

    static final String CATALOG_PATH = "/v1/endpoints";

    static MockHttpServletRequestBuilder signed(String path, String key, String secret) throws Exception {
        long now = System.currentTimeMillis();
        String url = "http://localhost" + path;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(
                ("GET" + url + now + key + "Openapi").getBytes(StandardCharsets.UTF_8)));
        return get(path).header("Scp-Accesskey", key).header("Scp-Timestamp", String.valueOf(now))
                .header("Scp-ClientType", "Openapi").header("Scp-Signature", signature);
    }

    @Nested
    @SpringBootTest(classes = ReferenceServerApplication.class)
    @AutoConfigureMockMvc
    class ByDefault {

        @Autowired
        MockMvc mvc;

        @Test
        void aSignedRequestGetsTheEmulatorsOwnEntry() throws Exception {
            MockHttpServletResponse response = mvc.perform(signed(CATALOG_PATH, "test-b", "test-b")).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).startsWith("application/json");
            assertThat(response.getContentAsString()).isEqualTo("{\"endpoints\":[{\"region\":\"kr-west1\",\"service_type\":\""
                    + ScpApi.SERVICE + "\",\"service_name\":\"" + ScpApi.SERVICE + "\",\"url\":\"http://127.0.0.1:8080\"}]}");
        }

        @Test
        void anUnsignedOrBadlySignedRequestIsRefusedLikeEveryApiCall() throws Exception {
            MockHttpServletResponse unsigned = mvc.perform(get(CATALOG_PATH)).andReturn().getResponse();
            MockHttpServletResponse wrong = mvc.perform(signed(CATALOG_PATH, "test", "not-the-secret")).andReturn().getResponse();

            assertThat(unsigned.getStatus()).isEqualTo(401);
            assertThat(unsigned.getContentAsString()).contains(ScpProblemCode.MISSING_AUTH_HEADERS.code());
            assertThat(wrong.getStatus()).isEqualTo(401);
            assertThat(wrong.getContentAsString()).contains(ScpProblemCode.INVALID_SIGNATURE.code());
            assertThat(wrong.getHeader("WWW-Authenticate")).startsWith("SCP-HMAC-SHA256");
        }
    }

    @Nested
    @SpringBootTest(classes = ReferenceServerApplication.class, properties = {
        "scp.emulator.endpoints.region=kr-east1", "scp.emulator.endpoints.url=https://vs.example",
        "scp.emulator.endpoints.additional[0].region=kr-west1", "scp.emulator.endpoints.additional[0].url=http://127.0.0.1:9",
        "scp.emulator.endpoints.additional[1].region=kr-west1", "scp.emulator.endpoints.additional[1].service-type=iam",
        "scp.emulator.endpoints.additional[1].url=http://127.0.0.1:10/v1"})
    @AutoConfigureMockMvc
    class Configured {

        @Autowired
        MockMvc mvc;

        @Test
        void regionUrlAndMoreEntriesAreConfigurable() throws Exception {
            String body = mvc.perform(signed(CATALOG_PATH, "test", "test")).andReturn().getResponse().getContentAsString();

            assertThat(body).isEqualTo("{\"endpoints\":["
                    + "{\"region\":\"kr-east1\",\"service_type\":\"virtualserver\",\"service_name\":\"virtualserver\",\"url\":\"https://vs.example\"},"
                    + "{\"region\":\"kr-west1\",\"service_type\":\"virtualserver\",\"service_name\":\"virtualserver\",\"url\":\"http://127.0.0.1:9\"},"
                    + "{\"region\":\"kr-west1\",\"service_type\":\"iam\",\"service_name\":\"iam\",\"url\":\"http://127.0.0.1:10/v1\"}]}");
        }
    }

    @Nested
    @SpringBootTest(classes = ReferenceServerApplication.class, properties = {"scp.auth.enabled=false",
        "server.address=0.0.0.0", "server.port=9090"})
    @AutoConfigureMockMvc
    class ChecksOffOnAWildcardAddress {

        @Autowired
        MockMvc mvc;

        @Test
        void answersUnsignedAndNamesLoopbackNotTheRequestsHost() throws Exception {
            String body = mvc.perform(get(CATALOG_PATH).header("Host", "evil.example")).andReturn().getResponse()
                    .getContentAsString();

            assertThat(body).contains("\"url\":\"http://127.0.0.1:9090\"").doesNotContain("evil");
        }
    }
}
