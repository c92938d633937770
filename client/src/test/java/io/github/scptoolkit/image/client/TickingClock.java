package io.github.scptoolkit.image.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that starts at a fixed instant and moves on by a fixed step each time it is read. */
final class TickingClock extends Clock {

    private long millis;
    private final long step;

    TickingClock(long startMillis, long step) {
        this.millis = startMillis;
        this.step = step;
    }

    @Override
    public long millis() {
        long now = millis;
        millis += step;
        return now;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
