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

/** Tenants of one's own: only those marked {@code demo=true} reach the console, never the others' keys. */
@SpringBootTest(classes = ReferenceServerApplication.class, properties = {
        "scp.emulator.tenants[0].access-key=mine",
        "scp.emulator.tenants[0].secret-key=not-for-the-page",
        "scp.emulator.tenants[0].project-id=0123456789abcdef0123456789abcdef",
        "scp.emulator.tenants[0].actions=virtualserver:ShowImage",
        "scp.emulator.tenants[1].access-key=shown",
        "scp.emulator.tenants[1].secret-key=shown-secret",
        "scp.emulator.tenants[1].project-id=fedcba9876543210fedcba9876543210",
        "scp.emulator.tenants[1].actions=virtualserver:ShowImage",
        "scp.emulator.tenants[1].demo=true"})
@AutoConfigureMockMvc
class ConsoleOwnTenantsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aTenantNotMarkedDemoIsNeverOffered() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(ApiConsoleController.DEMO_TENANTS)).andReturn().getResponse();

        assertThat(response.getContentAsString()).doesNotContain("mine", "not-for-the-page");
        JsonNode tenants = JsonMapper.shared().readTree(response.getContentAsString());
        assertThat(tenants.size()).isEqualTo(1);
        assertThat(tenants.get(0).path("accessKey").asString()).isEqualTo("shown");
    }

    @Test
    void aTenantIsNoDemoTenantUnlessMarked() {
        assertThat(new EmulatorProperties.Tenant().isDemo()).isFalse();
        EmulatorProperties.Tenant tenant = new EmulatorProperties.Tenant();
        tenant.setSecretKey("s3cr3t");
        tenant.setDemo(true);
        assertThat(tenant.toString()).contains("demo").doesNotContain("s3cr3t");
    }
}
