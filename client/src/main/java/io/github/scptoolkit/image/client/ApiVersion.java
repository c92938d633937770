package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The versions of Show Image. Each carries its state and Not Before date, read from the spec's
 * {@code x-api-versions} extension (in the {@code scp-image-api-spec} jar), not copied into code.
 *
 * <pre>
 * ApiVersion v = ApiVersion.latest();      // V1_3, the CURRENT version
 * v.status();                              // Status.CURRENT
 * ApiVersion.V1_0.notBefore();             // Optional[2025-12-31]
 * </pre>
 */
public enum ApiVersion {
    /** {@code virtualserver 1.0}. */
    V1_0("1.0"),
    /** {@code virtualserver 1.1}. */
    V1_1("1.1"),
    /** {@code virtualserver 1.2}. */
    V1_2("1.2"),
    /** {@code virtualserver 1.3}. */
    V1_3("1.3");

    /** Lifecycle state of a version, as the vendor documents it. */
    public enum Status { PLANNED, CURRENT, SUPPORTED, DEPRECATED }

    private final String number;
    private final String headerValue;

    ApiVersion(String number) {
        this.number = number;
        this.headerValue = "virtualserver " + number;
    }

    /** The version number, e.g. {@code "1.3"}. */
    public String number() {
        return number;
    }

    /** The {@code Scp-Api-Version} header value, e.g. {@code "virtualserver 1.3"}. */
    public String headerValue() {
        return headerValue;
    }

    /** The state the spec gives this version. */
    public Status status() {
        return Facts.of(this).status;
    }

    /** The date from which this version is no longer served, if the spec gives one. */
    public Optional<LocalDate> notBefore() {
        return Optional.ofNullable(Facts.of(this).notBefore);
    }

    /** Whether the spec marks this version DEPRECATED. */
    public boolean isDeprecated() {
        return status() == Status.DEPRECATED;
    }

    /** The zone in which the vendor's Not Before dates start (as the server stub decides by default). */
    public static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Seoul");

    /**
     * Whether this version is DEPRECATED and its Not Before date has arrived (00:00 in
     * {@link #SERVICE_ZONE}) by the clock's time: the service then refuses it with a 400
     * {@code RETIRED_API_VERSION}, unless that server keeps serving retired versions.
     */
    public boolean isRetired(Clock clock) {
        return isDeprecated() && notBefore().map(d -> !LocalDate.ofInstant(clock.instant(), SERVICE_ZONE).isBefore(d))
                .orElse(false);
    }

    /** The name of this version's 200 schema in the spec (e.g. {@code ImageShowResponseV1Dot2}). */
    String schema() {
        return Facts.of(this).schema;
    }

    /** The CURRENT version according to the spec. */
    public static ApiVersion latest() {
        for (ApiVersion v : values()) {
            if (v.status() == Status.CURRENT) {
                return v;
            }
        }
        throw new IllegalStateException("the spec names no CURRENT version");
    }

    /** The version whose header value or number is {@code value} ({@code "virtualserver 1.2"} or {@code "1.2"}). */
    public static Optional<ApiVersion> fromValue(String value) {
        for (ApiVersion v : values()) {
            if (v.headerValue().equals(value) || v.number.equals(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Facts read once from the spec. */
    static final class Facts {
        static final String SPEC_RESOURCE = "/openapi/openapi.json";
        private static final Map<String, Facts> BY_NUMBER = load();

        final Status status;
        final LocalDate notBefore;
        final String schema;

        Facts(Status status, LocalDate notBefore, String schema) {
            this.status = status;
            this.notBefore = notBefore;
            this.schema = schema;
        }

        static Facts of(ApiVersion v) {
            Facts facts = BY_NUMBER.get(v.number);
            if (facts == null) {
                throw new IllegalStateException("the spec does not document version " + v.number);
            }
            return facts;
        }

        private static Map<String, Facts> load() {
            try (InputStream in = ApiVersion.class.getResourceAsStream(SPEC_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SPEC_RESOURCE + " not found: is scp-image-api-spec on the classpath?");
                }
                JsonNode list = new ObjectMapper().readTree(in)
                        .path("paths").path("/v1/images/{image_id}").path("get").path("x-api-versions");
                Map<String, Facts> map = new HashMap<>();
                for (JsonNode v : list) {
                    JsonNode notBefore = v.path("not-before");
                    map.put(v.path("version").asText(), new Facts(
                            Status.valueOf(v.path("status").asText()),
                            notBefore.isTextual() ? LocalDate.parse(notBefore.asText()) : null,
                            v.path("schema").asText()));
                }
                return Map.copyOf(map);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
