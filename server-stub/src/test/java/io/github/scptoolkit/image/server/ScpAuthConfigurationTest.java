package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * How the checks are configured through the Spring Boot auto-configuration: {@code scp.auth.*}
 * properties bound and validated, a store bean, a clock bean, turned off; every wrong setting stops
 * start-up with a message naming the property and never the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScpAuthConfigurationTest {

    static final long NOW = ScpSignatureVerifierTest.NOW;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScpImageApiAutoConfiguration.class));

    private static int status(Filter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** The whole chain's messages, as Spring Boot's start-up report shows them. */
    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + messages(e));
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

    private static final String[] ONE_KEY = {"scp.auth.credentials[0].access-key=AK1",
            "scp.auth.credentials[0].secret-key=secret-key-1"};

    @Test
    void credentialsComeFromIndexedProperties() {
        runner.withUserConfiguration(FixedClock.class)
                .withPropertyValues("scp.auth.credentials[0].access-key=AK0", "scp.auth.credentials[0].secret-key=s0",
                        "scp.auth.credentials[1].access-key=AK1", "scp.auth.credentials[1].secret-key=secret-key-1")
                .run(context -> {
                    Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

                    assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1",
                            NOW))).isEqualTo(200);
                    assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "s0", NOW)))
                            .isEqualTo(401);
                    assertThat(status(filter, SignatureVectors.requestFor("GET", ScpSignatureVerifierTest.URL)))
                            .isEqualTo(401);
                });
    }

    @Test
    void aStoreBeanReplacesTheProperties() {
        runner.withUserConfiguration(FixedClock.class, OwnStore.class).withPropertyValues(ONE_KEY).run(context -> {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

            assertThat(context).getBeans(ScpCredentialStore.class).hasSize(1);
            assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "OWN", "own-secret", NOW)))
                    .isEqualTo(200);
            assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW)))
                    .as("the properties' key is not the store's").isEqualTo(401);
        });
    }

    @Test
    void turnedOffEverythingPassesWithoutACallerAndAWarningIsLogged(CapturedOutput output) {
        runner.withPropertyValues("scp.auth.enabled=false").run(context -> {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);
            MockHttpServletRequest unsigned = SignatureVectors.requestFor("GET", ScpSignatureVerifierTest.URL);

            assertThat(status(filter, unsigned)).isEqualTo(200);
            assertThat(ScpCaller.from(unsigned)).isEmpty();
        });
        assertThat(output).contains("WARN").contains("SIGNATURE CHECKS ARE OFF (scp.auth.enabled=false)");
    }

    @Test
    void onNoWarningIsLogged(CapturedOutput output) {
        runner.withPropertyValues(ONE_KEY).run(context -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain("SIGNATURE CHECKS ARE OFF");
    }

    @Test
    void onWithoutAnyCredentialsTheApplicationDoesNotStartAndSaysWhatToSet() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            ScpConfigurationException failure = find(context.getStartupFailure(), ScpConfigurationException.class);
            FailureAnalysis analysis = new ScpConfigurationFailureAnalyzer().analyze(context.getStartupFailure());

            assertThat(failure.property()).isEqualTo("scp.auth.credentials");
            assertThat(analysis.getDescription()).contains("no credentials are configured");
            assertThat(analysis.getAction()).contains("scp.auth.credentials[0].access-key")
                    .contains("scp.auth.enabled=false");
        });
    }

    @Test
    void aCredentialWithoutSecretIsAStartupErrorThatNamesTheProperty() {
        runner.withPropertyValues("scp.auth.credentials[0].access-key=AK0").run(context -> {
            assertThat(context).hasFailed();
            ScpConfigurationException failure = find(context.getStartupFailure(), ScpConfigurationException.class);
            assertThat(failure.property()).isEqualTo("scp.auth.credentials[0]");
            assertThat(failure.getMessage()).contains("scp.auth.credentials[0].secret-key");
        });
    }

    @Test
    void aBlankAccessKeyIsAStartupErrorThatShowsNoSecret() {
        runner.withPropertyValues("scp.auth.credentials[0].access-key= ", "scp.auth.credentials[0].secret-key=very-secret")
                .run(context -> {
                    ScpConfigurationException failure = find(context.getStartupFailure(), ScpConfigurationException.class);
                    assertThat(failure.property()).isEqualTo("scp.auth.credentials[0]");
                    assertThat(messages(context.getStartupFailure())).doesNotContain("very-secret");
                });
    }

    @Test
    void anAccountIdOutsideTheSyntaxIsAStartupErrorThatShowsNoSecret() {
        runner.withPropertyValues("scp.auth.credentials[0].access-key=AK0",
                "scp.auth.credentials[0].secret-key=very-secret", "scp.auth.credentials[0].account-id=project-a")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(find(context.getStartupFailure(), ScpConfigurationException.class).property())
                            .isEqualTo("scp.auth.credentials[0]");
                    assertThat(messages(context.getStartupFailure())).contains("scp.auth.credentials[0].account-id")
                            .contains("32 lower-case hexadecimal").doesNotContain("very-secret");
                });
    }

    @Test
    void anAccessKeyGivenTwiceIsAStartupError() {
        runner.withPropertyValues(ONE_KEY).withPropertyValues("scp.auth.credentials[1].access-key=AK1",
                "scp.auth.credentials[1].secret-key=other").run(context -> {
                    ScpConfigurationException failure = find(context.getStartupFailure(), ScpConfigurationException.class);
                    assertThat(failure.getMessage()).contains("'AK1' is configured twice").doesNotContain("secret-key-1");
                });
    }

    @Test
    void documentationHealthAndTheVersionsDocumentAnswerUnsigned() {
        runner.withUserConfiguration(FixedClock.class).withPropertyValues(ONE_KEY).run(context -> {
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

            assertThat(status(filter, new MockHttpServletRequest("GET", "/actuator/health"))).isEqualTo(200);
            assertThat(status(filter, new MockHttpServletRequest("GET", "/openapi.yaml"))).isEqualTo(200);
            assertThat(status(filter, new MockHttpServletRequest("GET",
                    io.github.scptoolkit.image.spec.ScpApi.LIST_VERSIONS.path()))).isEqualTo(200);
            assertThat(status(filter, new MockHttpServletRequest("GET", TestSpec.image("x")))).isEqualTo(401);
        });
    }

    @Test
    void theWindowIsADurationInBootsFormats() {
        for (String value : List.of("30s", "PT2M", "1m")) {
            runner.withPropertyValues(ONE_KEY).withPropertyValues("scp.auth.window=" + value).run(context ->
                    assertThat(context.getBean(ScpAuthProperties.class).window())
                            .isEqualTo(Duration.parse(value.startsWith("PT") ? value : "PT" + value.toUpperCase())));
        }
        runner.withPropertyValues(ONE_KEY).run(context ->
                assertThat(context.getBean(ScpAuthProperties.class).window()).isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void aWindowThatIsNoPositiveDurationDoesNotStart() {
        runner.withPropertyValues(ONE_KEY).withPropertyValues("scp.auth.window=soon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(find(context.getStartupFailure(), BindException.class).getProperty().getName())
                    .hasToString("scp.auth.window");
        });
        runner.withPropertyValues(ONE_KEY).withPropertyValues("scp.auth.window=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("window must be positive");
        });
    }

    @Test
    void windowPropertyMovesTheBoundary() {
        runner.withUserConfiguration(FixedClock.class).withPropertyValues(ONE_KEY).withPropertyValues("scp.auth.window=1m")
                .run(context -> {
                    Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

                    assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1",
                            NOW - 60_000))).isEqualTo(200);
                    assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1",
                            NOW - 60_001))).isEqualTo(401);
                });
    }

    @Test
    void propertiesStoreAndCredentialNeverShowTheSecret() {
        var credential = new ScpCredentialStore.Credential("AK1", "secret-key-1", ScpSignatureVerifierTest.PROJECT_A);
        var properties = ScpAuthProperties.of(new ScpAuthProperties.Credential("AK1", "secret-key-1", null));

        assertThat(credential.toString()).contains("AK1").doesNotContain("secret-key-1");
        assertThat(InMemoryScpCredentialStore.of(credential).toString()).doesNotContain("secret-key-1");
        assertThat(properties.toString()).contains("AK1").doesNotContain("secret-key-1");
    }

    @Test
    void allowedHostsReplaceTheLoopbackDefault() {
        runner.withUserConfiguration(FixedClock.class).withPropertyValues(ONE_KEY)
                .withPropertyValues("scp.auth.allowed-hosts=api.example.com, 127.0.0.1:9090").run(context -> {
                    Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

                    // Signed for http://127.0.0.1:8080: not a listed host:port any more.
                    MockHttpServletResponse refused = new MockHttpServletResponse();
                    filter.doFilter(ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW),
                            refused, new MockFilterChain());
                    assertThat(refused.getStatus()).isEqualTo(401);
                    assertThat(refused.getContentAsString()).contains("HOST_NOT_SERVED");
                });
        runner.withUserConfiguration(FixedClock.class).withPropertyValues(ONE_KEY)
                .withPropertyValues("scp.auth.allowed-hosts=127.0.0.1:8080").run(context -> {
                    Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);

                    assertThat(status(filter, ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK1", "secret-key-1",
                            NOW))).isEqualTo(200);
                });
    }

    @Test
    void aWildcardServerAddressWithoutAllowedHostsDoesNotStart() {
        runner.withPropertyValues(ONE_KEY).withPropertyValues("server.address=0.0.0.0").run(context -> {
            ScpConfigurationException failure = find(context.getStartupFailure(), ScpConfigurationException.class);
            assertThat(failure.property()).isEqualTo("scp.auth.allowed-hosts");
            assertThat(failure.action()).contains("scp.auth.allowed-hosts=");
        });
        runner.withPropertyValues(ONE_KEY).withPropertyValues("server.address=0.0.0.0",
                "scp.auth.allowed-hosts=myhost:8080").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anAllowedHostThatIsNotAHostDoesNotStart() {
        for (String bad : List.of("https://api.example.com", "api.example.com/v1", "user:pw@api.example.com", "*",
                "api.example.com:0", "api.example.com:http", "0.0.0.0")) {
            runner.withPropertyValues(ONE_KEY).withPropertyValues("scp.auth.allowed-hosts=" + bad).run(context -> {
                assertThat(context).as(bad).hasFailed();
                ScpConfigurationException failure = find(context.getStartupFailure(), ScpConfigurationException.class);
                assertThat(failure.property()).as(bad).isEqualTo("scp.auth.allowed-hosts");
                assertThat(messages(context.getStartupFailure())).as(bad).doesNotContain("pw@");
            });
        }
    }
}
