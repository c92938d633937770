package io.github.scptoolkit.image.it.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Violations found by {@link ContractValidationFilter} while a test runs (the server answers on
 * its own threads), drained by {@link ContractValidationExtension} after each test. Tests run one
 * at a time in it-tests, so one global collector is enough.
 */
public final class ContractViolations {

    private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();
    private static volatile boolean checkRequests = true;
    private static volatile long exchanges;

    private ContractViolations() {
    }

    static void add(List<String> violations) {
        VIOLATIONS.addAll(violations);
    }

    static void countExchange() {
        exchanges++;
    }

    /** Exchanges the filter has checked so far (for tests that prove it is live). */
    public static long exchanges() {
        return exchanges;
    }

    static boolean checkRequests() {
        return checkRequests;
    }

    static void checkRequests(boolean on) {
        checkRequests = on;
    }

    /** Takes every violation recorded so far. */
    public static List<String> drain() {
        List<String> out = new ArrayList<>();
        for (String v; (v = VIOLATIONS.poll()) != null;) {
            out.add(v);
        }
        return out;
    }
}
