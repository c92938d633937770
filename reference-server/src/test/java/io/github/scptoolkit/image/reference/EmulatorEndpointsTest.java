package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator as configured by default (signature checks on, the bundled tenants and catalog):
 * {@code GET /} is the versions document without a signature, the documentation stays where it
 * was, Show Image answers signed requests in the CURRENT version's shape and refuses a tenant
 * without the operation's action.
 */
@SpringBootTest(classes = ReferenceServerApplication.class)
@AutoConfigureMockMvc
class EmulatorEndpointsTest {

    private static final String SEED = "70a599e0-31e7-49b7-b260-868f441e862b";

    @Autowired
    MockMvc mvc;

    private static String image(String id) {
        return ScpApi.SHOW_IMAGE.path().replaceAll("\\{[^}]+}", id);
    }

    private static MockHttpServletRequestBuilder signed(String path, String key, String secret) throws Exception {
        long now = System.currentTimeMillis();
        String url = "http://localhost" + path;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(
                ("GET" + url + now + key + "Openapi").getBytes(StandardCharsets.UTF_8)));
        return get(path).header("Scp-Accesskey", key).header("Scp-Timestamp", String.valueOf(now))
                .header("Scp-ClientType", "Openapi").header("Scp-Signature", signature);
    }

    @Test
    void theVersionsDocumentAnswersUnsignedAtTheRoot() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(ScpApi.LIST_VERSIONS.path())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode versions = JsonMapper.shared().readTree(response.getContentAsString()).get("versions");
        List<String> ids = ScpServiceVersion.all().stream().sorted(Comparator.reverseOrder())
                .map(ScpServiceVersion::id).toList();
        assertThat(versions.findValuesAsString("id")).containsExactlyElementsOf(ids);
        assertThat(versions.get(0).get("status").asString()).isEqualTo(ScpServiceVersion.getLatest().status().name());
    }

    @Test
    void theDocumentationStaysAtDocs() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/docs")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/docs/index.html");
        assertThat(mvc.perform(get("/openapi.yaml")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void showImageAnswersASignedRequestInTheCurrentVersionsShape() throws Exception {
        MockHttpServletResponse response = mvc.perform(signed(image(SEED), "test", "test")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader(ScpApi.VERSION_HEADER)).isEqualTo(ScpServiceVersion.getLatest().headerValue());
        JsonNode body = JsonMapper.shared().readTree(response.getContentAsString());
        assertThat(ScpApi.SHOW_IMAGE.responseSchema(ScpServiceVersion.getLatest()).orElseThrow().fieldNames())
                .containsAll(body.propertyNames());
    }

    @Test
    void unsignedShowImageIsRefused() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(image(SEED))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(ScpProblemCode.MISSING_AUTH_HEADERS.status());
        assertThat(response.getContentAsString()).contains(ScpProblemCode.MISSING_AUTH_HEADERS.code());
    }

    @Test
    void aTenantWithoutTheActionIsForbidden() throws Exception {
        MockHttpServletResponse response = mvc.perform(signed(image(SEED), "test-noaction", "test-noaction"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(ScpProblemCode.ACTION_NOT_ALLOWED.status());
        JsonNode problem = JsonMapper.shared().readTree(response.getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo(ScpProblemCode.ACTION_NOT_ALLOWED.code());
        assertThat(problem.get("detail").asString()).contains(ScpApi.SHOW_IMAGE.actionId());
    }
}
