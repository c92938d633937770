package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * With signature checks on but the filter missing (as in a plain Spring MVC application that did
 * not register it), a signed operation still never runs unverified; nothing else is affected.
 */
@SpringBootTest(classes = StubTestApp.class, properties = {
        "scp.auth.credentials[0].access-key=AK1", "scp.auth.credentials[0].secret-key=secret-key-1"})
@AutoConfigureMockMvc(addFilters = false)
class SignatureGuardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StubTestApp.TestImages images;

    @Test
    void aSignedOperationIsRefusedWhenTheFilterDidNotRun() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(TestSpec.image(StubTestApp.KNOWN_ID))).andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("SCP-HMAC-SHA256");
        assertThat(response.getContentAsString()).contains(ScpProblemCode.INVALID_SIGNATURE.code());
    }

    @Test
    void unsignedOperationsAndOtherControllersAreNotGuarded() throws Exception {
        assertThat(mvc.perform(get(ScpApi.LIST_VERSIONS.path())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/hello")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
