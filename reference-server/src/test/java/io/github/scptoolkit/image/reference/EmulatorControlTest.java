package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test kit's hooks change a running emulator and go back: an image put is served (and refused
 * when the spec says it is not valid), a tenant put signs at once, reset restores what was loaded.
 */
@SpringBootTest(classes = ReferenceServerApplication.class)
@AutoConfigureMockMvc
class EmulatorControlTest {

    static final String PROJECT = "0123456789abcdef0123456789abcdef";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    EmulatorControl control() {
        return EmulatorControl.of(context);
    }

    @AfterEach
    void reset() {
        control().reset();
    }

    private static String image(String id) {
        return ScpApi.SHOW_IMAGE.path().replaceAll("\\{[^}]+}", id);
    }

    private static MockHttpServletRequestBuilder signed(String path, String key, String secret) throws Exception {
        long now = System.currentTimeMillis();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(
                ("GET" + "http://localhost" + path + now + key + "Openapi").getBytes(StandardCharsets.UTF_8)));
        return get(path).header("Scp-Accesskey", key).header("Scp-Timestamp", String.valueOf(now))
                .header("Scp-ClientType", "Openapi").header("Scp-Signature", signature);
    }

    private int status(String path, String key, String secret) throws Exception {
        return mvc.perform(signed(path, key, secret)).andReturn().getResponse().getStatus();
    }

    private static String seedWith(String field, String value) {
        ObjectNode seed = (ObjectNode) JsonMapper.shared().readTree(EmulatorControl.seedImageJson());
        seed.put(field, value);
        return seed.toString();
    }

    @Test
    void anImagePutIsServedUntilReset() throws Exception {
        String demo = control().demoTenant().getAccessKey();
        control().putImage(seedWith("id", "kit-image"), List.of());

        assertThat(status(image("kit-image"), demo, demo)).isEqualTo(200);

        control().reset();

        assertThat(status(image("kit-image"), demo, demo)).isEqualTo(ScpProblemCode.IMAGE_NOT_FOUND.status());
    }

    @Test
    void anImageThatIsNotValidAgainstTheSpecIsRefusedNamingTheField() {
        ObjectNode seed = (ObjectNode) JsonMapper.shared().readTree(EmulatorControl.seedImageJson());
        seed.put("size", "big");
        seed.put("not_a_field", 1);

        assertThatThrownBy(() -> control().putImage(seed.toString(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'image.size'")
                .hasMessageContaining("field 'image.not_a_field' is not defined by the spec's "
                        + CatalogValidator.SCHEMA);
    }

    @Test
    void aSharedImageIsSeenByItsMembers() throws Exception {
        control().putTenant("kit-key", "kit-secret", PROJECT, Set.of(ScpApi.SHOW_IMAGE.actionId()));
        String shared = seedWith("id", "kit-shared").replace("\"private\"", "\"shared\"");
        control().putImage(seedWith("id", "kit-private").replace("\"owner\":\"", "\"owner\":\"f"), List.of());

        control().putImage(shared, List.of(PROJECT));

        assertThat(status(image("kit-shared"), "kit-key", "kit-secret")).isEqualTo(200);
        assertThat(status(image("kit-private"), "kit-key", "kit-secret")).isEqualTo(404);
    }

    @Test
    void aTenantPutSignsAtOnceWithItsActionsAndIsGoneAfterReset() throws Exception {
        String seedId = JsonMapper.shared().readTree(EmulatorControl.seedImageJson()).get("id").asString();
        String seedProject = control().demoTenant().getProjectId();
        control().putTenant("kit-key", "kit-secret", seedProject, Set.of(ScpApi.SHOW_IMAGE.actionId()));
        control().putTenant("kit-none", "kit-none", seedProject, Set.of());

        assertThat(status(image(seedId), "kit-key", "kit-secret")).isEqualTo(200);
        assertThat(status(image(seedId), "kit-key", "wrong")).isEqualTo(ScpProblemCode.INVALID_SIGNATURE.status());
        assertThat(status(image(seedId), "kit-none", "kit-none")).isEqualTo(ScpProblemCode.ACTION_NOT_ALLOWED.status());

        control().reset();

        assertThat(status(image(seedId), "kit-key", "kit-secret")).isEqualTo(ScpProblemCode.INVALID_SIGNATURE.status());
    }

    @Test
    void aTenantPutReplacesTheConfiguredOneWithItsKey() throws Exception {
        EmulatorProperties.Tenant demo = control().demoTenant();
        String seedId = JsonMapper.shared().readTree(EmulatorControl.seedImageJson()).get("id").asString();

        control().putTenant(demo.getAccessKey(), demo.getSecretKey(), demo.getProjectId(), Set.of());

        assertThat(status(image(seedId), demo.getAccessKey(), demo.getSecretKey()))
                .isEqualTo(ScpProblemCode.ACTION_NOT_ALLOWED.status());
    }

    @Test
    void aTenantWithoutProjectIsRefusedWithoutShowingTheSecret() {
        assertThatThrownBy(() -> control().putTenant("k", "s3cr3t", " ", Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cr3t");
    }

    @Test
    void theBundledResourcesAreTheReferenceServersOwn() throws Exception {
        String classes = EmulatorControl.class.getProtectionDomain().getCodeSource().getLocation().toURI().toString();

        assertThat(EmulatorControl.bundledResource("catalog.json").toURI().toString()).contains(classes)
                .endsWith("catalog.json");
        assertThat(EmulatorControl.bundledResource("application.properties").toURI().toString()).contains(classes);
        assertThatThrownBy(() -> EmulatorControl.bundledResource("no-such-resource.json"))
                .isInstanceOf(IllegalStateException.class);
    }
}
