package io.github.scptoolkit.image.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RetryableException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.env.MockEnvironment;

import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpCredentialsProvider;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The client's auto-configuration as Spring Boot's own are tested: properties bound into a working
 * client (against MockWebServer on loopback), wrong values refused at start-up with the property
 * named, back-off for the application's beans, the secret key never shown.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScpClientAutoConfigurationTest {

    static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String IMAGE = """
            {"container_format": "bare", "created_at": "2025-07-22T09:00:00Z", "disk_format": "qcow2",
             "file": "/v2/images/x/file", "id": "70a599e0-31e7-49b7-b260-868f441e862b", "min_disk": 100,
             "min_ram": 0, "name": "imagename", "os_hidden": false, "owner": "a8f10467abfc4b87b64614ab36eb9ae4",
             "protected": false, "scp_gpu_driver": "535.183.06", "status": "active",
             "updated_at": "2025-07-26T12:00:00Z", "visibility": "private"}""";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScpClientAutoConfiguration.class));

    private MockWebServer server;
    private String endpoint;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        endpoint = server.url("/").toString().replaceAll("/$", "");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private static MockResponse image() {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(IMAGE).build();
    }

    private ApplicationContextRunner configured(String... more) {
        return runner.withPropertyValues("scp.client.endpoint=" + endpoint, "scp.client.access-key=AK1",
                "scp.client.secret-key=very-secret-key").withPropertyValues(more);
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void propertiesGiveAWorkingSignedClient(CapturedOutput output) throws Exception {
        server.enqueue(image());
        configured().run(context -> {
            ScpImageClient client = context.getBean(ScpImageClient.class);

            Image image = client.showImage(ID);

            assertThat(image.getName()).isEqualTo("imagename");
            assertThat(client.endpoint()).isEqualTo(endpoint);
            assertThat(client.serviceVersion()).isSameAs(ScpServiceVersion.getLatest());
            RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(sent.getHeaders().get("Scp-Accesskey")).isEqualTo("AK1");
            assertThat(sent.getHeaders().get("Scp-Signature")).isNotBlank();
            assertThat(sent.getHeaders().get(ScpApi.VERSION_HEADER)).isEqualTo(ScpServiceVersion.getLatest().headerValue());
            assertThat(context.getBean(ScpClientProperties.class).toString()).contains("AK1")
                    .doesNotContain("very-secret-key");
        });
        assertThat(output).doesNotContain("very-secret-key");
    }

    @Test
    void theVersionIsBoundFromAnyOfItsSpellings() {
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            for (String spelling : List.of(version.getVersion(), version.id(), version.headerValue())) {
                configured("scp.client.version=" + spelling).run(context ->
                        assertThat(context.getBean(ScpImageClient.class).serviceVersion()).as(spelling).isSameAs(version));
            }
        }
    }

    @Test
    void anUnknownVersionStopsStartUpNamingThePropertyAndTheKnownVersions() {
        configured("scp.client.version=9.9").run(context -> {
            assertThat(context).hasFailed();
            BindException failure = find(context.getStartupFailure(), BindException.class);
            assertThat(failure.getProperty().getName()).hasToString("scp.client.version");
            assertThat(messages(context.getStartupFailure())).contains("'9.9' is not a version of the API")
                    .contains(ScpServiceVersion.getLatest().getVersion());
        });
    }

    @Test
    void withoutKeyPropertiesTheClientsOwnChainSigns(@TempDir Path noFiles) throws Exception {
        server.enqueue(image());
        runner.withPropertyValues("scp.client.endpoint=" + endpoint)
                .withBean(ScpConfig.class, () -> ScpConfig.load(Map.of("SCP_ACCESS_KEY", "FROM-CHAIN",
                        "SCP_SECRET_KEY", "chain-secret"), noFiles))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ScpCredentialsProvider.class);
                    context.getBean(ScpImageClient.class).showImage(ID);
                    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Scp-Accesskey"))
                            .isEqualTo("FROM-CHAIN");
                });
    }

    @Test
    void theClientsOwnChainAloneGivesTheClientItsEndpointAndKeys(@TempDir Path noFiles) throws Exception {
        server.enqueue(image());
        runner.withBean(ScpConfig.class, () -> ScpConfig.load(Map.of("SCP_ENDPOINT", endpoint,
                "SCP_TF_ACCESS_KEY", "FROM-VENDOR-VARIABLE", "SCP_TF_SECRET_KEY", "chain-secret"), noFiles))
                .run(context -> {
                    ScpImageClient client = context.getBean(ScpImageClient.class);
                    assertThat(client.endpoint()).isEqualTo(endpoint);
                    client.showImage(ID);
                    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Scp-Accesskey"))
                            .isEqualTo("FROM-VENDOR-VARIABLE");
                });
    }

    @Test
    void theClientIsMadeWhenThePropertiesOrTheChainSayWhereTheServiceIs(@TempDir Path noFiles) {
        MockEnvironment none = new MockEnvironment();
        assertThat(ScpClientConfiguredCondition.outcome(none, () -> ScpConfig.load(Map.of(), noFiles)).isMatch())
                .isFalse();
        assertThat(ScpClientConfiguredCondition.outcome(none, () -> ScpConfig.load(Map.of(), noFiles)).getMessage())
                .contains("scp.client.endpoint or scp.client.auth-url");
        assertThat(ScpClientConfiguredCondition.outcome(none,
                () -> ScpConfig.load(Map.of("SCP_TF_AUTH_URL", "http://127.0.0.1:1/v1"), noFiles)).isMatch()).isTrue();
        assertThat(ScpClientConfiguredCondition.outcome(none,
                () -> ScpConfig.load(Map.of("SCP_ENDPOINT", "http://127.0.0.1:1"), noFiles)).isMatch()).isTrue();
        for (String property : List.of("scp.client.endpoint", "scp.client.auth-url")) {
            MockEnvironment set = new MockEnvironment().withProperty(property, "http://127.0.0.1:1");
            assertThat(ScpClientConfiguredCondition.outcome(set, () -> {
                throw new AssertionError("the chain is not read when a property says where the service is");
            }).isMatch()).as(property).isTrue();
        }
    }

    @Test
    void anAuthUrlAndARegionGoToTheClientsDiscovery(@TempDir Path noFiles) {
        runner.withPropertyValues("scp.client.auth-url=http://127.0.0.1:1/v1", "scp.client.region=kr-west1")
                .withBean(ScpConfig.class, () -> ScpConfig.load(Map.of(), noFiles))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ScpImageClient.class);
                    ScpClientProperties properties = context.getBean(ScpClientProperties.class);
                    assertThat(properties.authUrl()).isEqualTo("http://127.0.0.1:1/v1");
                    assertThat(properties.region()).isEqualTo("kr-west1");
                });
        runner.withPropertyValues("scp.client.auth-url=http://user:hunter2@127.0.0.1:1/v1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("scp.client.auth-url").doesNotContain("hunter2");
        });
    }

    @Test
    void halfAKeyPairOrABadAccountIdStopsStartUpWithoutShowingTheSecret() {
        runner.withPropertyValues("scp.client.endpoint=" + endpoint, "scp.client.secret-key=very-secret-key")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("scp.client.access-key and scp.client"
                            + ".secret-key go together").doesNotContain("very-secret-key");
                });
        configured("scp.client.account-id=project-a").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("accountId must be 32 lower-case hexadecimal")
                    .doesNotContain("very-secret-key");
        });
    }

    @Test
    void withoutAnEndpointThereIsNoClientAndABadOneStopsStartUpNamingTheProperty() {
        ScpConfig chain = ScpConfig.load();
        if (chain.endpoint().isEmpty() && chain.authUrl().isEmpty()) {
            // This machine's own chain names no endpoint either.
            runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ScpImageClient.class)
                    .doesNotHaveBean(ScpCredentialsProvider.class));
        }
        runner.withPropertyValues("scp.client.endpoint=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("scp.client.endpoint is empty");
        });
        runner.withPropertyValues("scp.client.endpoint=http://user:hunter2@127.0.0.1:8080").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("scp.client.endpoint").doesNotContain("hunter2");
        });
    }

    @Test
    void timeoutsAndRetriesAreApplied() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        configured("scp.client.retry.max-attempts=2", "scp.client.retry.initial-backoff=1ms",
                "scp.client.retry.max-backoff=2ms").run(context -> {
                    ScpImageClient client = context.getBean(ScpImageClient.class);
                    try {
                        client.showImage(ID);
                        throw new AssertionError("a 503 every time must fail");
                    } catch (RetryableException expected) {
                        assertThat(expected.status()).isEqualTo(503);
                    }
                    assertThat(server.getRequestCount()).isEqualTo(2);
                });
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(IMAGE).build());
        configured("scp.client.read-timeout=200ms", "scp.client.retry.max-attempts=1").run(context -> {
            long start = System.nanoTime();
            try {
                context.getBean(ScpImageClient.class).showImage(ID);
                throw new AssertionError("a response slower than the read timeout must fail");
            } catch (RetryableException expected) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            }
        });
    }

    @Test
    void wrongTimeoutsAndRetriesStopStartUp() {
        for (String bad : List.of("scp.client.read-timeout=0s", "scp.client.connect-timeout=-1s",
                "scp.client.retry.max-attempts=0", "scp.client.read-timeout=soon")) {
            configured(bad).run(context -> assertThat(context).as(bad).hasFailed());
        }
        configured("scp.client.retry.initial-backoff=1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("go together");
        });
    }

    static class OwnClient {
        static final ScpImageClient CLIENT = ScpImageClient.builder().endpoint("http://127.0.0.1:1").build();

        @Bean
        ScpImageClient myClient() {
            return CLIENT;
        }
    }

    static class OwnCredentials {
        static final ScpCredentialsProvider PROVIDER = ScpCredentialsProvider.of(ScpCredentials.of("MINE", "mine"));

        @Bean
        ScpCredentialsProvider myCredentials() {
            return PROVIDER;
        }

        @Bean
        ScpImageClientBuilderCustomizer oneAttempt() {
            return builder -> builder.maxAttempts(1);
        }
    }

    @Test
    void backsOffForTheApplicationsClientAndCredentials() throws Exception {
        runner.withUserConfiguration(OwnClient.class).run(context ->
                assertThat(context.getBean(ScpImageClient.class)).isSameAs(OwnClient.CLIENT));
        server.enqueue(image());
        configured().withUserConfiguration(OwnCredentials.class).run(context -> {
            assertThat(context.getBean(ScpCredentialsProvider.class)).isSameAs(OwnCredentials.PROVIDER);
            context.getBean(ScpImageClient.class).showImage(ID);
            assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Scp-Accesskey")).isEqualTo("MINE");
        });
    }

    @Test
    void everyPropertyIsDescribedForIdeCompletion() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            names.add(property.get("name").asText());
            assertThat(property.path("description").asText()).as(property.toString()).isNotBlank().doesNotContain("{@");
        }
        assertThat(names).contains("scp.client.endpoint", "scp.client.version", "scp.client.connect-timeout",
                "scp.client.read-timeout", "scp.client.retry.max-attempts", "scp.client.retry.initial-backoff",
                "scp.client.retry.max-backoff", "scp.client.retry.max-retry-after", "scp.client.access-key",
                "scp.client.secret-key", "scp.client.account-id", "scp.client.auth-url", "scp.client.region");
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + messages(e));
    }
}
