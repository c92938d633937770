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
    /**
     * The instant of {@link BeforeAnyNotBefore}: a month before the earliest Not Before date of the
     * spec (00:00 UTC), so that every version is served.
     */
    static final Clock BEFORE_ANY_NOT_BEFORE = Clock.fixed(SpecVersions.earliestNotBefore()
            .map(d -> d.minusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(TODAY.instant()), ZoneOffset.UTC);

    private ReferenceClocks() {
    }

    /** 2026-11-27 (the project's today): which versions are past their Not Before dates is {@link SpecVersions#retiredOn}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Today {
        @Bean
        Clock clock() {
            return TODAY;
        }
    }

    /** Before every Not Before date of the spec: every callable version is served. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BeforeAnyNotBefore {
        @Bean
        Clock clock() {
            return BEFORE_ANY_NOT_BEFORE;
        }
    }
}
