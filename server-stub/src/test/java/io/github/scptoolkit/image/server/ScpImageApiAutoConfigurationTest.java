package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import io.github.scptoolkit.image.spec.ScpApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stub's Spring Boot auto-configuration as Boot's own are tested: what it contributes, where it
 * backs off for the application's beans, how {@code scp.versions.*} binds, and the metadata IDEs
 * complete {@code scp.*} from. ({@link ScpAuthConfigurationTest} covers {@code scp.auth.*}.)
 */
class ScpImageApiAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScpImageApiAutoConfiguration.class))
            .withPropertyValues("scp.auth.credentials[0].access-key=AK1", "scp.auth.credentials[0].secret-key=s1");

    static class OwnBeans {
        static final Clock CLOCK = Clock.systemDefaultZone();

        @Bean
        Clock myClock() {
            return CLOCK;
        }

        @Bean
        ScpExceptionResolver myResolver(ScpVersionLifecycle lifecycle) {
            return new ScpExceptionResolver(lifecycle);
        }
    }

    @Test
    void contributesTheStubsBeansWithDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ScpCredentialStore.class).hasSingleBean(Clock.class)
                    .hasSingleBean(ScpExceptionResolver.class).hasSingleBean(ScpVersionLifecycle.class)
                    .hasBean(ScpAuthConfiguration.FILTER_BEAN_NAME)
                    .hasBean(ScpImageApiAutoConfiguration.ERROR_PAGE_FILTER_BEAN_NAME)
                    .hasBean(ScpImageApiAutoConfiguration.ERROR_REPORT_VALVE_BEAN_NAME);
            assertThat(context.getBean(ScpCredentialStore.class).find("AK1")).isPresent();
            ScpVersionLifecycle lifecycle = context.getBean(ScpVersionLifecycle.class);
            assertThat(lifecycle.zone()).isEqualTo(ScpApi.NOT_BEFORE_ZONE);
            assertThat(lifecycle.servesRetired()).isFalse();
            assertThat(lifecycle.docUrl()).hasToString(ScpVersionLifecycle.DEFAULT_DOC_URL);
            assertThat(context.getBean(ScpImageApiAutoConfiguration.ERROR_PAGE_FILTER_BEAN_NAME, FilterRegistrationBean.class)
                    .determineDispatcherTypes()).containsExactly(jakarta.servlet.DispatcherType.ERROR);
        });
    }

    @Test
    void backsOffForTheApplicationsClockAndProblemHandler() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasSingleBean(Clock.class).hasSingleBean(ScpExceptionResolver.class);
            assertThat(context.getBean(Clock.class)).isSameAs(OwnBeans.CLOCK);
            assertThat(context).hasBean("myResolver").doesNotHaveBean("scpExceptionResolver");
        });
    }

    @Test
    void backsOffForBeansNamedLikeItsErrorPagesAndValve() {
        runner.withBean(ScpImageApiAutoConfiguration.ERROR_PAGE_FILTER_BEAN_NAME, String.class, () -> "mine")
                .withBean(ScpImageApiAutoConfiguration.ERROR_REPORT_VALVE_BEAN_NAME, String.class, () -> "mine too")
                .run(context -> {
                    assertThat(context.getBean(ScpImageApiAutoConfiguration.ERROR_PAGE_FILTER_BEAN_NAME)).isEqualTo("mine");
                    assertThat(context.getBean(ScpImageApiAutoConfiguration.ERROR_REPORT_VALVE_BEAN_NAME))
                            .isEqualTo("mine too");
                });
    }

    @Test
    void doesNothingOutsideAServletWebApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ScpImageApiAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ScpVersionLifecycle.class)
                        .doesNotHaveBean(ScpAuthProperties.class));
    }

    @Test
    void versionsPropertiesBind() {
        runner.withPropertyValues("scp.versions.zone=UTC", "scp.versions.serve-retired=true",
                "scp.versions.doc-url=https://example.org/versions", "scp.versions.document.enabled=false").run(context -> {
                    ScpVersionLifecycle lifecycle = context.getBean(ScpVersionLifecycle.class);
                    assertThat(lifecycle.zone()).isEqualTo(ZoneId.of("UTC"));
                    assertThat(lifecycle.servesRetired()).isTrue();
                    assertThat(lifecycle.docUrl()).hasToString("https://example.org/versions");
                    assertThat(context).doesNotHaveBean(ScpVersionsController.BEAN_NAME);
                });
        runner.run(context -> assertThat(context).hasBean(ScpVersionsController.BEAN_NAME));
    }

    @Test
    void aVersionsValueOfTheWrongTypeStopsStartUpNamingTheProperty() {
        for (String bad : List.of("scp.versions.zone=Mars/Olympus", "scp.versions.serve-retired=maybe",
                "scp.versions.document.enabled=perhaps")) {
            runner.withPropertyValues(bad).run(context -> {
                assertThat(context).as(bad).hasFailed();
                BindException failure = ScpAuthConfigurationTest.find(context.getStartupFailure(), BindException.class);
                assertThat(bad).startsWith(failure.getProperty().getName().toString() + "=");
            });
        }
    }

    /** The configuration processor's metadata: every property, typed, described in plain words. */
    @Test
    void everyPropertyIsDescribedForIdeCompletion() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.shared().readTree(in);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            names.add(property.get("name").asString());
            assertThat(property.path("description").asString()).as(property.toString()).isNotBlank()
                    .doesNotContain("{@");
            assertThat(property.path("type").asString()).as(property.toString()).isNotBlank();
        }
        assertThat(names).contains("scp.auth.enabled", "scp.auth.window", "scp.auth.credentials",
                "scp.auth.allowed-hosts", "scp.versions.zone", "scp.versions.serve-retired", "scp.versions.doc-url",
                "scp.versions.document.enabled");
        List<String> hinted = new ArrayList<>();
        metadata.get("hints").forEach(h -> hinted.add(h.get("name").asString()));
        assertThat(hinted).contains("scp.auth.enabled", "scp.versions.serve-retired");
    }
}
