package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.spring.ScpClientAutoConfiguration;
import io.github.scptoolkit.image.it.docs.DocBlocks;
import io.github.scptoolkit.image.it.docs.DocClaims;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.server.ScpAuthProperties;

/**
 * Every {@code properties} block of README.md and docs/*.md can be copied verbatim into
 * {@code application.properties}: it is a valid properties file (no trailing comments, which
 * {@code .properties} files would read as part of the value), it never turns signature checks off,
 * and an application starts with it: a client block gives a client bean, an emulator block
 * ({@code scp.emulator.*}) starts the emulator, any other block starts README's server application
 * (each a real Spring Boot application on a random port).
 */
class ReadmePropertiesIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MyImagesController.class)
    static class ServerApp {
    }

    @Test
    void everyDocumentedPropertiesBlockStartsAnApplication() throws Exception {
        int checked = 0;
        for (DocBlocks.Block doc : DocClaims.PROPERTIES.blocks()) {
            String block = doc.text();
            Properties properties = new Properties();
            properties.load(new StringReader(block));
            String where = doc.where() + ":\n" + block;
            for (String name : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(name)).as("%s: the value of %s has a trailing comment", where, name)
                        .doesNotContainPattern("\\s#");
            }
            assertThat(properties.getProperty("scp.auth.enabled", "true")).as(where).isEqualTo("true");
            start(properties, where);
            checked++;
        }
        assertThat(checked).as("properties blocks in README.md and docs/").isGreaterThanOrEqualTo(3);
    }

    private static void start(Properties properties, String where) {
        List<String> values = new ArrayList<>();
        properties.stringPropertyNames().forEach(k -> values.add(k + "=" + properties.getProperty(k)));
        if (properties.stringPropertyNames().stream().anyMatch(k -> k.startsWith("scp.client."))) {
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ScpClientAutoConfiguration.class))
                    .withPropertyValues(values.toArray(String[]::new))
                    .run(context -> assertThat(context).as(where).hasNotFailed().hasSingleBean(ScpImageClient.class));
            return;
        }
        values.add("server.port=0");
        values.add("server.address=127.0.0.1");
        if (properties.stringPropertyNames().stream().anyMatch(k -> k.startsWith("scp.emulator."))) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReferenceServerApplication.class)
                    .properties(values.toArray(String[]::new)).run()) {
                assertThat(context.isActive()).as(where).isTrue();
            }
            return;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ServerApp.class)
                .properties(values.toArray(String[]::new)).run()) {
            ScpAuthProperties auth = context.getBean(ScpAuthProperties.class);
            assertThat(auth.enabled()).as(where).isTrue();
            assertThat(auth.credentials()).as(where).isNotEmpty();
        }
    }
}
