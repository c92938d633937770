package io.github.scptoolkit.image.client;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * What a response says about its version: the version that served it ({@code Scp-Api-Version}),
 * and for a deprecated version RFC 9745 {@code Deprecation}, RFC 8594 {@code Sunset} and the
 * {@code Link rel="deprecation"} target. Values the server did not send, or sent malformed, are
 * empty.
 *
 * <pre>
 * ScpResponse&lt;Image&gt; r = images.showImageWithResponse(id);
 * if (r.metadata().isDeprecated()) {
 *     log.warn("{} is deprecated; sunset {}", r.metadata().servedVersion(), r.metadata().sunset());
 * }
 * </pre>
 */
public final class ResponseMetadata {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;(.*)");
    private static final Pattern EPOCH = Pattern.compile("@(-?\\d{1,15})");

    private final int status;
    private final Map<String, List<String>> headers;

    private ResponseMetadata(int status, Map<String, List<String>> headers) {
        this.status = status;
        this.headers = headers;
    }

    /** Metadata of a response with this status and these headers (names in any case). */
    public static ResponseMetadata of(int status, Map<String, ? extends Collection<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        copy.replaceAll((name, values) -> List.copyOf(values));
        return new ResponseMetadata(status, java.util.Collections.unmodifiableMap(copy));
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** All response headers, names case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
    }

    /**
     * The version that served the response, from its {@code Scp-Api-Version} header; empty when the
     * header is absent or names a version this build of the spec does not know (the raw value is
     * in {@link #header(String)}).
     */
    public Optional<ScpServiceVersion> servedVersion() {
        return header(ScpApi.VERSION_HEADER).flatMap(v -> ScpServiceVersion.fromHeaderValue(v.trim()));
    }

    /** Whether the response carries a {@code Deprecation} header. */
    public boolean isDeprecated() {
        return header("Deprecation").isPresent();
    }

    /** The RFC 9745 {@code Deprecation} date ({@code @<epoch seconds>}). */
    public Optional<Instant> deprecation() {
        return header("Deprecation").map(v -> EPOCH.matcher(v.trim())).filter(Matcher::matches)
                .map(m -> Instant.ofEpochSecond(Long.parseLong(m.group(1))));
    }

    /** The RFC 8594 {@code Sunset} date (an HTTP-date): when the version stops being served. */
    public Optional<Instant> sunset() {
        return header("Sunset").flatMap(v -> {
            try {
                return Optional.of(ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException malformed) {
                return Optional.empty();
            }
        });
    }

    /** The target of {@code Link: <...>; rel="deprecation"}: documentation of the deprecation. */
    public Optional<URI> deprecationLink() {
        for (String value : headers.getOrDefault("Link", List.of())) {
            for (String link : value.split(",(?=\\s*<)")) {
                Matcher m = LINK.matcher(link.trim());
                if (m.matches() && hasRel(m.group(2), "deprecation")) {
                    try {
                        return Optional.of(URI.create(m.group(1).trim()));
                    } catch (IllegalArgumentException malformed) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasRel(String params, String rel) {
        for (String param : params.split(";")) {
            String[] kv = param.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("rel")) {
                for (String r : kv[1].trim().replace("\"", "").split("\\s+")) {
                    if (r.equalsIgnoreCase(rel)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ResponseMetadata[status=" + status + ", servedVersion=" + header(ScpApi.VERSION_HEADER).orElse(null)
                + ", deprecation=" + header("Deprecation").orElse(null) + ", sunset=" + header("Sunset").orElse(null) + "]";
    }
}
