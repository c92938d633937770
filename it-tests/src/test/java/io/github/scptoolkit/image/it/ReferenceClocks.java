package io.github.scptoolkit.image.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Fixed clocks for the reference server: the stub decides retirement with the application's Clock bean. */
final class ReferenceClocks {

    private ReferenceClocks() {
    }

    /** 2026-11-27 (the project's today): 1.0 and 1.1 are past their Not Before dates. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Today {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);
        }
    }

    /** 2025-06-01: before every Not Before date, all four versions are served. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BeforeAnyNotBefore {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        }
    }
}
