package io.github.scptoolkit.image.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * Every version fact the integration tests use, derived from the spec (the generated
 * {@link ScpServiceVersion} and {@link ScpApi}), never written as a literal: "current" is
 * {@link ScpServiceVersion#getLatest()}, "served" and "retired" follow from each version's state and
 * Not Before date on a server's clock, "unknown" is {@link #UNKNOWN}. A spec that gains a version
 * (or loses one) changes what the tests iterate over, not the tests.
 *
 * <p>Expected bodies come from the emulator's catalog ({@code catalog.json}) projected onto a
 * version's 200 schema ({@link #shaped}); the vendor's example bodies
 * ({@code /openapi/examples/show-image-<v>.json}) exist for some versions only and are compared
 * where they exist ({@link #example}).
 *
 * <pre>
 * for (ScpServiceVersion v : SpecVersions.servedOn(ReferenceClocks.TODAY)) { ... }
 * JsonNode expected = SpecVersions.expectedSeed(ScpServiceVersion.getLatest());
 * </pre>
 */
final class SpecVersions {

    /** A version header value no spec version will have. */
    static final String UNKNOWN = ScpApi.SERVICE + " 9.9";

    /** HTTP-date (RFC 9110 IMF-fixdate), as {@code Sunset} carries it. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private SpecVersions() {
    }

    /** The CURRENT version: what a request without the header gets. */
    static ScpServiceVersion current() {
        return ScpServiceVersion.getLatest();
    }

    /** Every version a request may name (all but PLANNED ones) in which Show Image exists, oldest first. */
    static List<ScpServiceVersion> callable() {
        return ScpServiceVersion.all().stream().filter(ServiceVersion::isCallable)
                .filter(v -> ScpApi.SHOW_IMAGE.responseSchema(v).isPresent()).toList();
    }

    /** The callable versions a server with default settings serves on {@code clock}'s day, newest first. */
    static List<ScpServiceVersion> servedOn(Clock clock) {
        LocalDate today = ServiceVersion.today(clock);
        return newestFirst(callable().stream().filter(v -> v.isServedOn(today)).toList());
    }

    /** The callable versions refused on {@code clock}'s day (DEPRECATED, Not Before arrived), newest first. */
    static List<ScpServiceVersion> retiredOn(Clock clock) {
        LocalDate today = ServiceVersion.today(clock);
        return newestFirst(callable().stream().filter(v -> v.isRetiredOn(today)).toList());
    }

    /** The DEPRECATED callable versions, newest first. */
    static List<ScpServiceVersion> deprecated() {
        return newestFirst(callable().stream().filter(ServiceVersion::isDeprecated).toList());
    }

    /** What a version problem's detail lists after "Supported: ". */
    static String supportedList(List<ScpServiceVersion> served) {
        return served.stream().map(ScpServiceVersion::headerValue).collect(Collectors.joining(", "));
    }

    /** A served version other than the CURRENT one when there is one (the newest such), else the CURRENT one. */
    static ScpServiceVersion otherServed(Clock clock) {
        return servedOn(clock).stream().filter(v -> v != current()).findFirst().orElse(current());
    }

    /** Version header value one minor version past the newest version of the spec (not a version of it). */
    static String nextUnknown() {
        ScpServiceVersion newest = newestFirst(ScpServiceVersion.all()).get(0);
        return ScpApi.SERVICE + " " + major(newest) + "." + (minor(newest) + 1);
    }

    /** Version header value of the next major version (not a version of the spec). */
    static String nextMajor() {
        ScpServiceVersion newest = newestFirst(ScpServiceVersion.all()).get(0);
        return ScpApi.SERVICE + " " + (major(newest) + 1) + ".0";
    }

    /** Show Image's 200 schema in {@code version}. */
    static ScpSchema schema(ScpServiceVersion version) {
        return ScpApi.SHOW_IMAGE.responseSchema(version)
                .orElseThrow(() -> new AssertionError("Show Image has no 200 schema in " + version));
    }

    /**
     * A field some callable version sends and an older callable one does not (from the newest
     * version's schema minus the oldest one's), with the older and the newer version: what the
     * per-version contract check must tell apart. Empty when every callable version has one shape.
     */
    static Optional<FieldAddedIn> fieldAddedLater() {
        List<ScpServiceVersion> versions = callable();
        ScpServiceVersion oldest = versions.get(0);
        for (ScpServiceVersion newer : newestFirst(versions)) {
            for (ScpField field : schema(newer).fields()) {
                if (schema(oldest).field(field.name()).isEmpty()) {
                    return Optional.of(new FieldAddedIn(field, oldest, newer));
                }
            }
        }
        return Optional.empty();
    }

    /** A field that {@code newer}'s schema has and {@code older}'s has not. */
    record FieldAddedIn(ScpField field, ScpServiceVersion older, ScpServiceVersion newer) {
        /** A JSON value of the field's type (valid for it). */
        String validJsonValue() {
            return switch (field.type()) {
                case BOOLEAN -> "true";
                case INTEGER, NUMBER -> "1";
                case ARRAY -> "[]";
                case OBJECT -> "{}";
                default -> "\"1\"";
            };
        }
    }

    /** Whether {@code version}'s 200 body carries {@code field}. */
    static boolean hasField(ScpServiceVersion version, String field) {
        return schema(version).field(field).isPresent();
    }

    /** The vendor's example 200 body of {@code version}, when the api-spec jar ships one. */
    static Optional<JsonNode> example(ScpServiceVersion version) {
        try (InputStream in = SpecVersions.class.getResourceAsStream(
                "/openapi/examples/show-image-" + version.getVersion() + ".json")) {
            return in == null ? Optional.empty() : Optional.of(ReferenceServer.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The versions that have a vendor example body, oldest first. */
    static List<ScpServiceVersion> withExample() {
        return callable().stream().filter(v -> example(v).isPresent()).toList();
    }

    /** The emulator's bundled catalog ({@code catalog.json} of the reference-server jar). */
    static ArrayNode catalog() {
        try (InputStream in = SpecVersions.class.getResourceAsStream("/catalog.json")) {
            return (ArrayNode) ReferenceServer.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog's image with this id. */
    static JsonNode catalogImage(String id) {
        for (JsonNode entry : catalog()) {
            if (entry.path("image").path("id").asText().equals(id)) {
                return entry.get("image");
            }
        }
        throw new AssertionError("no image " + id + " in catalog.json");
    }

    /**
     * {@code image} (every field of every version) as {@code version} sends it, by the spec's rule:
     * exactly the fields of the version's 200 schema; a required or nullable one always (null when
     * the image has none), an optional non-nullable one only when the image has it.
     */
    static JsonNode shaped(JsonNode image, ScpServiceVersion version) {
        ObjectNode body = ReferenceServer.JSON.createObjectNode();
        for (ScpField field : schema(version).fields()) {
            JsonNode value = image.get(field.name());
            if (value != null) {
                body.set(field.name(), value.deepCopy());
            } else if (field.required() || field.nullable()) {
                body.putNull(field.name());
            }
        }
        return body;
    }

    /** The seed image (the vendor's example image, owned by the demo tenant) as {@code version} sends it. */
    static JsonNode expectedSeed(ScpServiceVersion version) {
        return shaped(catalogImage(ReferenceServer.SEED_IMAGE_ID), version);
    }

    /** {@code Sunset} of a version with a Not Before date: 00:00 of that date in the spec's zone, as an HTTP-date. */
    static String sunset(ScpServiceVersion version) {
        return HTTP_DATE.format(sunsetInstant(version));
    }

    /** The instant of {@link #sunset}. */
    static java.time.Instant sunsetInstant(ScpServiceVersion version) {
        LocalDate notBefore = version.notBefore().orElseThrow(() -> new AssertionError(version + " has no Not Before"));
        return ZonedDateTime.of(notBefore.atStartOfDay(), ScpApi.NOT_BEFORE_ZONE).toInstant();
    }

    /** The earliest Not Before date of the spec, if any version has one. */
    static Optional<LocalDate> earliestNotBefore() {
        return ScpServiceVersion.all().stream().flatMap(v -> v.notBefore().stream()).min(Comparator.naturalOrder());
    }

    static List<ScpServiceVersion> newestFirst(List<ScpServiceVersion> versions) {
        List<ScpServiceVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparingInt(SpecVersions::major).thenComparingInt(SpecVersions::minor));
        Collections.reverse(sorted);
        return sorted;
    }

    static int major(ScpServiceVersion v) {
        return Integer.parseInt(v.getVersion().substring(0, v.getVersion().indexOf('.')));
    }

    static int minor(ScpServiceVersion v) {
        return Integer.parseInt(v.getVersion().substring(v.getVersion().indexOf('.') + 1));
    }
}
