package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain Spring MVC, no Spring Boot in the context: one {@code @Import(ScpImageApiConfiguration.class)},
 * the settings as beans, the filter through {@code DelegatingFilterProxy}; versions, signatures,
 * problems and the versions document work as with Boot.
 */
class PlainSpringMvcTest {

    static final long NOW = ScpSignatureVerifierTest.NOW;

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @Import({ScpImageApiConfiguration.class, StubTestApp.TestImages.class})
    static class PlainApp {

        @Bean
        ScpAuthProperties scpAuthProperties() {
            return ScpAuthProperties.of(new ScpAuthProperties.Credential("AK1", "secret-key-1", null));
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        }
    }

    private AnnotationConfigWebApplicationContext context;
    private MockMvc mvc;

    @BeforeEach
    void start() {
        context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.register(PlainApp.class);
        context.refresh();
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(new DelegatingFilterProxy(ScpAuthConfiguration.FILTER_BEAN_NAME, context)).build();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private static MockHttpServletRequestBuilder signed(String path) throws Exception {
        String url = "http://localhost" + path;
        return get(path).header("Scp-Accesskey", "AK1").header("Scp-Timestamp", String.valueOf(NOW))
                .header("Scp-ClientType", "Openapi")
                .header("Scp-Signature", ScpSignatureVerifierTest.sign("secret-key-1", "GET" + url + NOW + "AK1" + "Openapi"));
    }

    @Test
    void noSpringBootIsInvolved() {
        assertThat(context.getBeanNamesForType(ScpImageApiAutoConfiguration.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ScpExceptionResolver.class)).hasSize(1);
    }

    @Test
    void aSignedRequestIsServedInTheCurrentVersion() throws Exception {
        MockHttpServletResponse response = mvc.perform(signed(TestSpec.image(StubTestApp.KNOWN_ID))).andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader(ScpApi.VERSION_HEADER)).isEqualTo(ScpServiceVersion.getLatest().headerValue());
        assertThat(JsonMapper.shared().readTree(response.getContentAsString()).get("id").asString())
                .isEqualTo(StubTestApp.KNOWN_ID);
        // Written by ScpShapedJsonConverter here too: one byte array with its length.
        assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(response.getContentAsByteArray().length));
    }

    @Test
    void anUnsignedRequestIsA401Problem() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(TestSpec.image(StubTestApp.KNOWN_ID))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void anUnknownVersionIsA400Problem() throws Exception {
        MockHttpServletResponse response = mvc.perform(signed(TestSpec.image(StubTestApp.KNOWN_ID))
                .header(ScpApi.VERSION_HEADER, TestSpec.UNKNOWN)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(response.getContentAsString()).get("code").asString())
                .isEqualTo("UNSUPPORTED_API_VERSION");
    }

    @Test
    void theVersionsDocumentIsServedUnsigned() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(ScpApi.LIST_VERSIONS.path())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(response.getContentAsString()).get("versions").size())
                .isEqualTo(ScpServiceVersion.all().size());
    }
}
