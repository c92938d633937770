package io.github.scptoolkit.image.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * A duration option ({@code --timeout}, {@code --connect-timeout}): a number of seconds
 * ({@code 10}), with a unit ({@code 500ms}, {@code 10s}, {@code 2m}) or ISO-8601 ({@code PT10S});
 * more than zero.
 *
 * <pre>
 * scp-image show &lt;id&gt; --timeout 10s --connect-timeout 500ms
 * </pre>
 */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = WITH_UNIT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } else {
            try {
                d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException notADuration) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 10, 10s, 500ms, 2m)");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be more than zero");
        }
        return d;
    }

    /** {@code 10s}, {@code 500ms}: a duration as the options take it. */
    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
