package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import io.github.scptoolkit.image.spec.ScpApi;

/** {@code scp.versions.document.enabled=false} leaves {@code GET /} to the application. */
@SpringBootTest(classes = StubTestApp.class, properties = {"scp.auth.enabled=false",
        ScpVersionsController.ENABLED_PROPERTY + "=false"})
@AutoConfigureMockMvc
class VersionsDocumentDisabledTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void theStubDoesNotMapTheVersionsDocument() throws Exception {
        assertThat(context.containsBean(ScpVersionsController.BEAN_NAME)).isFalse();
        assertThat(mvc.perform(get(ScpApi.LIST_VERSIONS.path())).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
