package io.github.scptoolkit.image.client;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import feign.Logger;

/**
 * A Feign {@link Logger} that never writes a signature or a credential, at any level (also
 * {@code FULL}): the values of {@code Scp-Signature}, {@code Authorization} and
 * {@code Proxy-Authorization} are replaced by {@code <redacted>}. Lines go to a sink of your
 * choice, or to {@code java.util.logging}.
 *
 * <pre>
 * ScpImageClient.builder()
 *         .endpoint("http://127.0.0.1:8080")
 *         .logger(ScpMaskingLogger.to(line -&gt; slf4jLogger.debug(line)))
 *         .logLevel(feign.Logger.Level.FULL)
 *         .build();
 * </pre>
 */
public final class ScpMaskingLogger extends Logger {

    /** What a masked header value is replaced with. */
    public static final String REDACTED = "<redacted>";

    private static final Set<String> MASKED = Set.of(
            ScpSigner.SIGNATURE_HEADER.toLowerCase(Locale.ROOT), "authorization", "proxy-authorization");

    private final Consumer<String> sink;

    private ScpMaskingLogger(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Writes each (masked) line to {@code sink}. */
    public static ScpMaskingLogger to(Consumer<String> sink) {
        return new ScpMaskingLogger(sink);
    }

    /** Writes each (masked) line to the {@code java.util.logging} logger {@code io.github.scptoolkit.image.client} at FINE. */
    public static ScpMaskingLogger javaUtilLogging() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.github.scptoolkit.image.client");
        return new ScpMaskingLogger(line -> jul.log(java.util.logging.Level.FINE, line));
    }

    /** Whether a header's value is never logged. */
    static boolean isMasked(String header) {
        return header != null && MASKED.contains(header.toLowerCase(Locale.ROOT));
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        Object[] shown = args;
        // Feign logs each header as log(key, "%s: %s", name, value).
        if (args != null && args.length == 2 && args[0] instanceof String name && isMasked(name)) {
            shown = new Object[] {name, REDACTED};
        }
        sink.accept(methodTag(configKey) + String.format(format, shown));
    }
}
