package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.generated.api.VersionsApi;
import io.github.scptoolkit.image.server.generated.model.ApiVersionList;
import io.github.scptoolkit.image.spec.ScpApi;

/** An application that implements {@code VersionsApi} itself keeps its own document: the stub's steps aside. */
@SpringBootTest(classes = OwnVersionsDocumentTest.App.class, properties = "scp.auth.enabled=false")
@AutoConfigureMockMvc
class OwnVersionsDocumentTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ScpImageApiConfiguration.class, OwnVersions.class})
    static class App {
    }

    @RestController
    static class OwnVersions implements VersionsApi {
        @Override
        public ResponseEntity<ApiVersionList> listVersions() {
            return ResponseEntity.ok(new ApiVersionList().versions(List.of()));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationsOwnImplementationAnswers() throws Exception {
        String body = mvc.perform(get(ScpApi.LIST_VERSIONS.path())).andReturn().getResponse().getContentAsString();

        assertThat(body).isEqualTo("{\"versions\":[]}");
        assertThat(context.containsBean(ScpVersionsController.BEAN_NAME)).isFalse();
    }
}
