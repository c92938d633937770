package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The client's Jackson setup, lenient where the real service is: unknown fields are ignored, and
 * timestamps are read as RFC 3339 ({@code 2024-06-16T02:55:13Z}), with a space instead of the
 * {@code T} ({@code 2024-06-16 02:55:13+00:00}, as the vendor's published schema shows), or
 * without a zone ({@code 2024-06-16T02:55:13}, taken as UTC, as the vendor's SDK does). Anything
 * else, the empty string included, is a mapping error (JSON {@code null} stays {@code null}).
 *
 * <pre>
 * Image image = ScpJson.newMapper().readValue(json, Image.class);
 * </pre>
 */
public final class ScpJson {

    private ScpJson() {
    }

    /** A new mapper configured as the client's own. */
    public static ObjectMapper newMapper() {
        SimpleModule lenientTime = new SimpleModule("scp-lenient-time");
        lenientTime.addDeserializer(OffsetDateTime.class, new LenientOffsetDateTimeDeserializer());
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new JsonNullableModule())
                .registerModule(lenientTime)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Parses RFC 3339 and the service's variants; a zone-less time is UTC. */
    static OffsetDateTime parseTimestamp(String text) {
        TemporalAccessor parsed = LENIENT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime odt) {
            return odt;
        }
        return ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    }

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
            .toFormatter();

    static final class LenientOffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {
        LenientOffsetDateTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                // One rule: a timestamp is either null (where the schema allows it) or one of the forms above.
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, String.valueOf(text),
                        "empty, not an RFC 3339 timestamp");
            }
            try {
                return parseTimestamp(text);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an RFC 3339 timestamp");
            }
        }
    }
}
