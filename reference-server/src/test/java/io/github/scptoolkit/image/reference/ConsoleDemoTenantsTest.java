package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console offers the key pairs of the tenants marked {@code demo=true} (all bundled ones, in
 * their order), unsigned and uncached; the console's spec is served beside the original one.
 */
@SpringBootTest(classes = ReferenceServerApplication.class)
@AutoConfigureMockMvc
class ConsoleDemoTenantsTest {

    private static JsonNode json(MockMvc mvc, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        return JsonMapper.shared().readTree(response.getContentAsString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    EmulatorProperties emulator;

    @Test
    void everyBundledTenantIsADemoTenantOfferedWithItsKeyPairProjectAndActions() throws Exception {
        JsonNode tenants = json(mvc, ApiConsoleController.DEMO_TENANTS);

        assertThat(tenants.size()).isEqualTo(emulator.getTenants().size());
        for (int i = 0; i < tenants.size(); i++) {
            EmulatorProperties.Tenant tenant = emulator.getTenants().get(i);
            assertThat(tenant.isDemo()).isTrue();
            assertThat(tenants.get(i).path("accessKey").asString()).isEqualTo(tenant.getAccessKey());
            assertThat(tenants.get(i).path("secretKey").asString()).isEqualTo(tenant.getSecretKey());
            assertThat(tenants.get(i).path("accountId").asString()).isEqualTo(tenant.getProjectId());
            assertThat(tenants.get(i).path("actions").valueStream().map(JsonNode::asString).toList())
                    .containsExactlyElementsOf(tenant.getActions());
        }
        assertThat(mvc.perform(get(ApiConsoleController.DEMO_TENANTS)).andReturn().getResponse().getHeader("Cache-Control"))
                .isEqualTo("no-store");
    }

    @Test
    void theConsoleSpecIsServedBesideTheOriginal() throws Exception {
        JsonNode console = json(mvc, ConsoleSpec.PATH);

        assertThat(console.path("servers").get(0).path("url").asString()).isEqualTo(ConsoleSpec.THIS_EMULATOR);
        assertThat(console).isEqualTo(ConsoleSpec.of(ConsoleSpecTest.packaged()));
        assertThat(mvc.perform(get("/openapi.yaml")).andReturn().getResponse().getContentAsString())
                .doesNotContain(ConsoleSpec.PATH);
    }
}
