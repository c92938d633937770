package io.github.scptoolkit.image.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The faults injected in the current test, first injected first: each answers its matching requests until used up. */
final class Faults {

    private static final class Active {
        private final ScpFault fault;
        private int left;

        private Active(ScpFault fault) {
            this.fault = fault;
            this.left = fault.count().orElse(-1);
        }
    }

    private final List<Active> active = new ArrayList<>();

    synchronized void add(ScpFault fault) {
        active.add(new Active(fault));
    }

    /** The fault that answers {@code request}, used once; empty when none matches. */
    synchronized Optional<ScpFault> take(ScpRecordedRequest request) {
        for (Iterator<Active> it = active.iterator(); it.hasNext();) {
            Active a = it.next();
            if (a.fault.pattern().test(request)) {
                if (a.left > 0 && --a.left == 0) {
                    it.remove();
                }
                return Optional.of(a.fault);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        active.clear();
    }
}
