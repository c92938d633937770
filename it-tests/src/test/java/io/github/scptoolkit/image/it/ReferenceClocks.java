package io.github.scptoolkit.image.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Fixed clocks for the reference server: the stub decides retirement with the application's Clock bean. */
final class ReferenceClocks {

    /** The instant of {@link Today}; clients sign with it so their timestamps fall in the server's window. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);
    /** The instant of {@link BeforeAnyNotBefore}. */
    static final Clock BEFORE_ANY_NOT_BEFORE = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    private ReferenceClocks() {
    }

    /** 2026-11-27 (the project's today): 1.0 and 1.1 are past their Not Before dates. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Today {
        @Bean
        Clock clock() {
            return TODAY;
        }
    }

    /** 2025-06-01: before every Not Before date, all four versions are served. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BeforeAnyNotBefore {
        @Bean
        Clock clock() {
            return BEFORE_ANY_NOT_BEFORE;
        }
    }
}
