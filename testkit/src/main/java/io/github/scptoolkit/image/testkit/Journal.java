package io.github.scptoolkit.image.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests of the current test, in the order they arrived. An entry is opened when a request
 * arrives and completed when the emulator has answered it; {@link #requests} waits (a little) for
 * open entries, since a client may read an answer before the server is done with it. {@link #reset}
 * starts a new test: requests of an earlier test that complete later are dropped.
 */
final class Journal {

    /** How long {@link #requests} waits for requests still being answered. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    /** An entry: the request as recorded once answered. */
    static final class Entry {
        private final long generation;
        private ScpRecordedRequest request;

        private Entry(long generation) {
            this.generation = generation;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private long generation;
    private int open;

    synchronized Entry open() {
        Entry entry = new Entry(generation);
        entries.add(entry);
        open++;
        return entry;
    }

    synchronized void complete(Entry entry, ScpRecordedRequest request) {
        if (entry.generation != generation || entry.request != null) {
            return;
        }
        entry.request = request;
        open--;
        notifyAll();
    }

    /** The answered requests of this test; waits up to {@link #SETTLE} for those still being answered. */
    synchronized Snapshot requests() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (open > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<ScpRecordedRequest> answered = new ArrayList<>();
        for (Entry e : entries) {
            if (e.request != null) {
                answered.add(e.request);
            }
        }
        return new Snapshot(List.copyOf(answered), open);
    }

    synchronized void reset() {
        generation++;
        entries.clear();
        open = 0;
        notifyAll();
    }

    /** The answered requests, and how many were still being answered when the wait ended. */
    record Snapshot(List<ScpRecordedRequest> requests, int stillOpen) {
    }
}
