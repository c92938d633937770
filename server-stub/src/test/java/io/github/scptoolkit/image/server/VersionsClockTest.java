package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.scptoolkit.image.spec.ScpApi;

/**
 * The {@value ScpImageApiConfiguration#VERSIONS_CLOCK_BEAN_NAME} bean moves the service's date (which
 * versions are served) and nothing else: signatures are still checked against the application's clock.
 */
class VersionsClockTest {

    static final long NOW = ScpSignatureVerifierTest.NOW;
    static final Instant LATER = TestSpec.afterEveryNotBefore();

    static class ApplicationClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        }
    }

    static class VersionsClock {
        @Bean(name = ScpImageApiConfiguration.VERSIONS_CLOCK_BEAN_NAME, defaultCandidate = false)
        Clock versionsClock() {
            return Clock.fixed(LATER, ZoneOffset.UTC);
        }
    }

    /** Plain Spring MVC: the settings are a bean. */
    static class Credentials {
        @Bean
        ScpAuthProperties scpAuthProperties() {
            return ScpAuthProperties.of(new ScpAuthProperties.Credential("AK", "secret", null));
        }
    }

    private static AnnotationConfigApplicationContext context(MockEnvironment env, Class<?>... configurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setEnvironment(env);
        context.register(ScpImageApiConfiguration.class, Credentials.class);
        context.register(configurations);
        context.refresh();
        return context;
    }

    private static MockEnvironment credentials() {
        return new MockEnvironment();
    }

    @Test
    void theVersionsClockDecidesTheServicesDateWhileSignaturesKeepTheApplicationClock() throws Exception {
        try (var context = context(credentials(), ApplicationClock.class, VersionsClock.class)) {
            ScpVersionLifecycle lifecycle = context.getBean(ScpVersionLifecycle.class);
            Filter filter = context.getBean(ScpAuthConfiguration.FILTER_BEAN_NAME, Filter.class);
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(ScpSignatureFilterTest.signedRequest("Scp-Accesskey", "AK", "secret", NOW), response,
                    new MockFilterChain());

            assertThat(lifecycle.today()).isEqualTo(LocalDate.ofInstant(LATER, ScpApi.NOT_BEFORE_ZONE));
            assertThat(lifecycle.retired()).containsExactlyElementsOf(TestSpec.deprecatedWithNotBefore().stream()
                    .sorted(java.util.Comparator.reverseOrder()).toList());
            assertThat(response.getStatus()).as("a request signed at the application clock's time").isEqualTo(200);
        }
    }

    @Test
    void withoutAVersionsClockTheApplicationClockDecides() {
        try (var context = context(credentials(), ApplicationClock.class)) {
            assertThat(context.getBean(ScpVersionLifecycle.class).today())
                    .isEqualTo(LocalDate.ofInstant(Instant.ofEpochMilli(NOW), ScpApi.NOT_BEFORE_ZONE));
        }
    }

    @Test
    void serveRetiredIsReadPerCallFromTheEnvironment() {
        MockEnvironment env = credentials();
        try (var context = context(env, VersionsClock.class)) {
            ScpVersionLifecycle lifecycle = context.getBean(ScpVersionLifecycle.class);
            assertThat(lifecycle.retired()).isNotEmpty();

            env.setProperty(ScpVersionLifecycle.SERVE_RETIRED_PROPERTY, "true");

            assertThat(lifecycle.servesRetired()).isTrue();
            assertThat(lifecycle.retired()).isEmpty();
            assertThat(lifecycle.served()).containsExactlyElementsOf(TestSpec.callableNewestFirst());
        }
    }
}
