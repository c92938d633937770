package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.spring.ScpClientAutoConfiguration;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * A Spring Boot application with the client starter and README's properties block (its endpoint
 * pointed at the emulator's random port) gets an injected client that works: docs/client-spring.md's
 * {@link ImageNames} reads the seed image's name from the emulator; with an auth URL and a region
 * instead of the endpoint, the client finds the emulator in its endpoint catalog.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadmeClientSpringBootIT {

    @LocalServerPort
    int port;

    @Test
    void readmesPropertiesGiveAnInjectedWorkingClient() throws IOException {
        String block = ReadmeTest.blocks(ReadmeTest.readme(), "properties").stream()
                .filter(b -> b.contains("scp.client.endpoint")).findFirst().orElseThrow();
        Properties properties = new Properties();
        properties.load(new StringReader(block.replace("http://127.0.0.1:8080", "http://127.0.0.1:" + port)));

        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ScpClientAutoConfiguration.class))
                .withUserConfiguration(ImageNames.class)
                .withPropertyValues(properties.stringPropertyNames().stream()
                        .map(k -> k + "=" + properties.getProperty(k)).toArray(String[]::new))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ImageNames.class).nameOf("70a599e0-31e7-49b7-b260-868f441e862b"))
                            .isEqualTo("imagename");
                    assertThat(context.getBean(ScpImageClient.class).serviceVersion())
                            .isSameAs(ScpServiceVersion.getLatest());
                });
    }

    @Test
    void anAuthUrlAndARegionFindTheEmulatorThroughItsEndpointCatalog() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ScpClientAutoConfiguration.class))
                .withUserConfiguration(ImageNames.class)
                .withBean(ScpConfig.class, ScpConfig::empty)
                .withPropertyValues("scp.client.auth-url=http://127.0.0.1:" + port + "/v1", "scp.client.region=kr-west1",
                        "scp.client.access-key=test", "scp.client.secret-key=test")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ImageNames.class).nameOf("70a599e0-31e7-49b7-b260-868f441e862b"))
                            .isEqualTo("imagename");
                    ScpImageClient client = context.getBean(ScpImageClient.class);
                    assertThat(client.endpoint()).isEqualTo("http://127.0.0.1:" + port);
                    assertThat(client.region()).contains("kr-west1");
                });
    }
}
