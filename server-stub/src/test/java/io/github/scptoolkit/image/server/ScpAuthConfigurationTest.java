package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** How the checks are configured: properties, a store bean, a clock bean, turned off. */
class ScpAuthConfigurationTest {

    static final long NOW = ScpSignatureVerifierTest.NOW;

    private static AnnotationConfigApplicationContext context(MockEnvironment env, Class<?>... extra) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setEnvironment(env);
        context.register(ScpAuthConfiguration.class);
        if (extra.length > 0) {
            context.register(extra);
        }
        context.refresh();
        return context;
    }

    private static int status(Filter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        }
    }

    static class OwnStore {
        @Bean
        ScpCredentialStore store() {
            return key -> key.equals("OWN") ? Optional.of(new ScpCredentialStore.Credential("OWN", "own-secret", null))
                    : Optional.empty();
        }
    }

    @Test
    void credentialsComeFromIndexedProperties() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("scp.auth.credentials[0].access-key", "AK0").withProperty("scp.auth.credentials[0].secret-key", "s0")
                .withProperty("scp.auth.credentials[1].access-key", "AK1").withProperty("scp.auth.credentials[1].secret-key", "secret-key-1");
        try (var context = context(env, FixedClock.class)) {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

            assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW)))
                    .isEqualTo(200);
            assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "s0", NOW)))
                    .isEqualTo(401);
            assertThat(status(filter, SignatureVectors.requestFor("GET", ScpSignatureVerifierTest.URL))).isEqualTo(401);
        }
    }

    @Test
    void aStoreBeanReplacesTheProperties() throws Exception {
        try (var context = context(new MockEnvironment(), FixedClock.class, OwnStore.class)) {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

            assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "OWN", "own-secret", NOW)))
                    .isEqualTo(200);
        }
    }

    @Test
    void turnedOffEverythingPassesWithoutACaller() throws Exception {
        try (var context = context(new MockEnvironment().withProperty("scp.auth.enabled", "false"))) {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);
            MockHttpServletRequest unsigned = SignatureVectors.requestFor("GET", ScpSignatureVerifierTest.URL);

            assertThat(status(filter, unsigned)).isEqualTo(200);
            assertThat(ScpCaller.from(unsigned)).isEmpty();
        }
    }

    @Test
    void onWithoutAnyCredentialsTheApplicationDoesNotStart() {
        assertThatThrownBy(() -> context(new MockEnvironment()).close())
                .satisfies(e -> assertThat(rootOf(e)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("scp.auth.credentials[0].access-key").hasMessageContaining("scp.auth.enabled=false"));
    }

    @Test
    void aCredentialWithoutSecretIsAStartupErrorThatShowsNoSecret() {
        MockEnvironment env = new MockEnvironment().withProperty("scp.auth.credentials[0].access-key", "AK0");

        assertThatThrownBy(() -> context(env).close()).satisfies(e -> assertThat(rootOf(e))
                .hasMessageContaining("scp.auth.credentials[0].secret-key is required"));
    }

    @Test
    void documentationHealthAndTheVersionsDocumentAnswerUnsigned() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("scp.auth.credentials[0].access-key", "AK1")
                .withProperty("scp.auth.credentials[0].secret-key", "secret-key-1");
        try (var context = context(env, FixedClock.class)) {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

            assertThat(status(filter, new MockHttpServletRequest("GET", "/actuator/health"))).isEqualTo(200);
            assertThat(status(filter, new MockHttpServletRequest("GET", "/openapi.yaml"))).isEqualTo(200);
            assertThat(status(filter, new MockHttpServletRequest("GET",
                    io.github.scptoolkit.image.spec.ScpApi.LIST_VERSIONS.path()))).isEqualTo(200);
            assertThat(status(filter, new MockHttpServletRequest("GET", TestSpec.image("x")))).isEqualTo(401);
        }
    }

    @Test
    void windowIsConfigurable() {
        assertThat(ScpAuthConfiguration.window(null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ScpAuthConfiguration.window("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ScpAuthConfiguration.window("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> ScpAuthConfiguration.window("soon")).hasMessageContaining("scp.auth.window");
    }

    @Test
    void windowPropertyMovesTheBoundary() throws Exception {
        MockEnvironment env = new MockEnvironment().withProperty("scp.auth.window", "1m")
                .withProperty("scp.auth.credentials[0].access-key", "AK1")
                .withProperty("scp.auth.credentials[0].secret-key", "secret-key-1");
        try (var context = context(env, FixedClock.class)) {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

            assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1",
                    NOW - 60_000))).isEqualTo(200);
            assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1",
                    NOW - 60_001))).isEqualTo(401);
        }
    }

    @Test
    void storeAndCredentialNeverShowTheSecret() {
        var credential = new ScpCredentialStore.Credential("AK1", "secret-key-1", ScpSignatureVerifierTest.PROJECT_A);

        assertThat(credential.toString()).contains("AK1").doesNotContain("secret-key-1");
        assertThat(InMemoryScpCredentialStore.of(credential).toString()).doesNotContain("secret-key-1");
    }

    @Test
    void anAccountIdOutsideTheSyntaxIsAStartupErrorThatShowsNoSecret() {
        MockEnvironment env = new MockEnvironment().withProperty("scp.auth.credentials[0].access-key", "AK0")
                .withProperty("scp.auth.credentials[0].secret-key", "very-secret")
                .withProperty("scp.auth.credentials[0].account-id", "project-a");

        assertThatThrownBy(() -> context(env).close()).satisfies(e -> assertThat(rootOf(e))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 lower-case hexadecimal").hasMessageNotContaining("very-secret"));
    }

    private static MockEnvironment oneKey() {
        return new MockEnvironment()
                .withProperty("scp.auth.credentials[0].access-key", "AK1")
                .withProperty("scp.auth.credentials[0].secret-key", "secret-key-1");
    }

    @Test
    void allowedHostsReplaceTheLoopbackDefault() throws Exception {
        try (var context = context(oneKey().withProperty("scp.auth.allowed-hosts", "api.example.com, 127.0.0.1:9090"),
                FixedClock.class)) {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

            // Signed for http://127.0.0.1:8080: not a listed host:port any more.
            MockHttpServletResponse refused = new MockHttpServletResponse();
            filter.doFilter(ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW), refused,
                    new MockFilterChain());
            assertThat(refused.getStatus()).isEqualTo(401);
            assertThat(refused.getContentAsString()).contains("HOST_NOT_SERVED");
        }
        try (var context = context(oneKey().withProperty("scp.auth.allowed-hosts", "127.0.0.1:8080"), FixedClock.class)) {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

            assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW)))
                    .isEqualTo(200);
        }
    }

    @Test
    void aWildcardServerAddressWithoutAllowedHostsDoesNotStart() {
        assertThatThrownBy(() -> context(oneKey().withProperty("server.address", "0.0.0.0")).close())
                .satisfies(e -> assertThat(rootOf(e)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("scp.auth.allowed-hosts"));
        try (var context = context(oneKey().withProperty("server.address", "0.0.0.0")
                .withProperty("scp.auth.allowed-hosts", "myhost:8080"))) {
            assertThat(context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME)).isNotNull();
        }
    }

    @Test
    void anAllowedHostThatIsNotAHostDoesNotStart() {
        for (String bad : List.of("https://api.example.com", "api.example.com/v1", "user:pw@api.example.com", "*",
                "api.example.com:0", "api.example.com:http", " , ")) {
            assertThatThrownBy(() -> context(oneKey().withProperty("scp.auth.allowed-hosts", bad)).close()).as(bad)
                    .satisfies(e -> assertThat(rootOf(e)).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("scp.auth.allowed-hosts").hasMessageNotContaining("pw@"));
        }
    }
}
