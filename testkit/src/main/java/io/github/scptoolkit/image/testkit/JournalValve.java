package io.github.scptoolkit.image.testkit;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.time.Instant;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * The kit's outermost hook, a Tomcat engine valve: records every request the emulator answers in
 * the {@link Journal} (after every filter, handler and error page, so with its final status), and
 * drops the connection when a fault asks for it ({@link FaultFilter} cannot reach the connection).
 */
final class JournalValve extends ValveBase {

    /** Request attribute: when the request arrived. */
    static final String RECEIVED_AT = JournalValve.class.getName() + ".receivedAt";
    /** Request attribute: a {@link Drop} to apply once the request has been handled. */
    static final String DROP = JournalValve.class.getName() + ".drop";

    /** What happens to the connection. */
    enum Drop {
        /** Closed at once with TCP RST (SO_LINGER 0) where the socket can be reached, else closed. */
        RESET,
        /** Closed at once, after what was written. */
        CLOSE
    }

    private final Journal journal;

    JournalValve(Journal journal) {
        super(true);
        this.journal = journal;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Instant receivedAt = Instant.now();
        Journal.Entry entry = journal.open();
        request.setAttribute(RECEIVED_AT, receivedAt);
        try {
            getNext().invoke(request, response);
        } finally {
            Drop drop = request.getAttribute(DROP) instanceof Drop d ? d : null;
            if (drop == Drop.RESET) {
                lingerZero(request);
            }
            if (drop != null) {
                response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
            }
            int status = drop == Drop.RESET ? 0 : response.getStatus();
            journal.complete(entry, RequestFacts.record(request, receivedAt, status,
                    request.getAttribute(FaultFilter.FAULT) instanceof ScpFault f ? f : null));
        }
    }

    /**
     * Makes closing the connection send a TCP reset (SO_LINGER 0), as a peer that crashed does.
     * Tomcat does not expose the socket, so this reads it from the processor; if that fails (another
     * Tomcat), the connection is merely closed, which clients also see as an I/O error.
     */
    private static void lingerZero(Request request) {
        try {
            Field hook = org.apache.coyote.Request.class.getDeclaredField("hook");
            hook.setAccessible(true);
            if (hook.get(request.getCoyoteRequest()) instanceof AbstractProcessor processor) {
                Field wrapper = AbstractProcessor.class.getDeclaredField("socketWrapper");
                wrapper.setAccessible(true);
                if (wrapper.get(processor) instanceof SocketWrapperBase<?> socket
                        && socket.getSocket() instanceof NioChannel channel && channel.getIOChannel() != null) {
                    channel.getIOChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            // A plain close instead of a reset.
        }
    }
}
