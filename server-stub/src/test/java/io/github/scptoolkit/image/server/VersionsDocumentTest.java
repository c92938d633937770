package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /} is the versions document, derived from the spec's versions with no code from the
 * implementation, unsigned and unversioned while signature checks are on.
 */
@SpringBootTest(classes = StubTestApp.class, properties = {
        "scp.auth.credentials[0].access-key=AK1", "scp.auth.credentials[0].secret-key=secret-key-1"})
@AutoConfigureMockMvc
class VersionsDocumentTest {

    @Autowired
    MockMvc mvc;

    private MockHttpServletResponse versions(String... header) throws Exception {
        var request = get(ScpApi.LIST_VERSIONS.path());
        if (header.length > 0) {
            request.header(ScpApi.VERSION_HEADER, header[0]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void everyVersionOfTheSpecIsListedNewestFirstWithItsStateNotBeforeAndSelfLink() throws Exception {
        MockHttpServletResponse response = versions();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        JsonNode versions = JsonMapper.shared().readTree(response.getContentAsString()).get("versions");
        List<ScpServiceVersion> expected = ScpServiceVersion.all().stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertThat(versions.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            ScpServiceVersion v = expected.get(i);
            JsonNode detail = versions.get(i);
            assertThat(detail.propertyNames()).containsExactly("id", "status", "not_before", "links");
            assertThat(detail.get("id").asString()).isEqualTo("v" + v.getVersion());
            assertThat(detail.get("status").asString()).isEqualTo(v.status().name());
            if (v.notBefore().isPresent()) {
                assertThat(detail.get("not_before").asString()).isEqualTo(v.notBefore().get().toString());
            } else {
                assertThat(detail.get("not_before").isNull()).as("present as null").isTrue();
            }
            assertThat(detail.get("links").size()).isEqualTo(1);
            assertThat(detail.get("links").get(0).get("href").asString()).isEqualTo("http://localhost/");
            assertThat(detail.get("links").get(0).get("rel").asString()).isEqualTo("self");
        }
    }

    @Test
    void itIsUnsignedAndUnversioned() throws Exception {
        for (String header : List.of(TestSpec.UNKNOWN, "bogus", TestSpec.current().headerValue())) {
            MockHttpServletResponse response = versions(header);

            assertThat(response.getStatus()).as(header).isEqualTo(200);
            assertThat(response.getHeader(ScpApi.VERSION_HEADER)).isNull();
            assertThat(response.getHeaders("Vary")).noneMatch(v -> v.contains(ScpApi.VERSION_HEADER));
            assertThat(response.getHeader("Deprecation")).isNull();
        }
    }

    @Test
    void theSignedOperationsStillNeedASignature() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(TestSpec.image(StubTestApp.KNOWN_ID))).andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void theSelfLinkFollowsTheContextPathAndHost() throws Exception {
        JsonNode versions = JsonMapper.shared().readTree(mvc.perform(get(java.net.URI.create("https://images.example.org:8443/svc/"))
                .contextPath("/svc")).andReturn().getResponse().getContentAsString());

        assertThat(versions.get("versions").get(0).get("links").get(0).get("href").asString())
                .isEqualTo("https://images.example.org:8443/svc/");
    }
}
