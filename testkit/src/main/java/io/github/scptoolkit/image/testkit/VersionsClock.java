package io.github.scptoolkit.image.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's {@code scpVersionsClock}: the system clock until a test sets another, read on
 * every request by the stub's version lifecycle (and by nothing else: signatures keep the real time).
 */
final class VersionsClock extends Clock {

    private volatile Clock current = Clock.systemUTC();

    void set(Clock clock) {
        current = clock;
    }

    void reset() {
        current = Clock.systemUTC();
    }

    Clock current() {
        return current;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }
}
