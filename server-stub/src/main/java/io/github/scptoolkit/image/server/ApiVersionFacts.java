package io.github.scptoolkit.image.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The version facts of Show Image (state, Not Before date, 200 schema), read from the spec's
 * {@code x-api-versions} extension in the {@code scp-image-api-spec} jar, never copied into code.
 *
 * <pre>
 * ApiVersionFacts facts = ApiVersionFacts.fromSpec();
 * facts.current().headerValue();   // "virtualserver 1.3"
 * facts.find("1.0").get().notBefore(); // 2025-12-31
 * </pre>
 */
public final class ApiVersionFacts {

    /** Classpath location of the spec (as JSON, with its extensions) inside the api-spec jar. */
    public static final String SPEC_RESOURCE = "/openapi/openapi.json";

    /** Service name that prefixes every version in the {@code Scp-Api-Version} header. */
    public static final String SERVICE = "virtualserver";

    /** Lifecycle state of a version, as the vendor documents it. */
    public enum Status { PLANNED, CURRENT, SUPPORTED, DEPRECATED }

    /**
     * One version: {@code version} is {@code "1.3"}; {@code notBefore} is the date from which a
     * deprecated version is no longer served (null when none); {@code schema} is the name of its
     * 200 schema; {@code example} the name of its 200 example.
     */
    public record Version(String version, Status status, LocalDate notBefore, String schema, String example) {

        /** The header value that selects this version, e.g. {@code "virtualserver 1.3"}. */
        public String headerValue() {
            return SERVICE + " " + version;
        }

        /** Whether its 200 body carries {@code scp_gpu_driver} ({@code ImageShowResponseV1Dot2}). */
        public boolean hasGpuDriver() {
            return "ImageShowResponseV1Dot2".equals(schema);
        }
    }

    private final List<Version> versions;
    private final Version current;
    private final List<Version> callable;
    /** By number ({@code "1.3"}). */
    private final Map<String, Version> byNumber;
    /** By number and by Spring's parsed form ({@code "1.3"}, {@code "1.3.0"}); asked on every request. */
    private final Map<String, Version> byParsed;

    ApiVersionFacts(List<Version> versions) {
        this.versions = List.copyOf(versions);
        List<Version> currents = this.versions.stream().filter(v -> v.status() == Status.CURRENT).toList();
        if (currents.size() != 1) {
            throw new IllegalStateException("the spec must name exactly one CURRENT version: " + versions);
        }
        this.current = currents.get(0);
        this.callable = this.versions.stream().filter(v -> v.status() != Status.PLANNED).toList();
        Map<String, Version> numbers = new HashMap<>();
        Map<String, Version> parsed = new HashMap<>();
        for (Version v : this.versions) {
            numbers.putIfAbsent(v.version(), v);
            parsed.putIfAbsent(v.version(), v);
        }
        for (Version v : this.versions) {
            parsed.putIfAbsent(v.version() + ".0", v);
        }
        this.byNumber = Map.copyOf(numbers);
        this.byParsed = Map.copyOf(parsed);
    }

    /** Reads the facts from the spec on the classpath. */
    public static ApiVersionFacts fromSpec() {
        try (InputStream in = ApiVersionFacts.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " not found: is scp-image-api-spec on the classpath?");
            }
            return parse(JsonMapper.shared().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiVersionFacts parse(JsonNode spec) {
        JsonNode list = spec.path("paths").path("/v1/images/{image_id}").path("get").path("x-api-versions");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException("the spec has no x-api-versions on GET /v1/images/{image_id}");
        }
        List<Version> versions = new ArrayList<>();
        for (JsonNode v : list) {
            JsonNode notBefore = v.path("not-before");
            versions.add(new Version(
                    v.path("version").asString(),
                    Status.valueOf(v.path("status").asString()),
                    notBefore.isMissingNode() || notBefore.isNull() ? null : LocalDate.parse(notBefore.asString()),
                    v.path("schema").asString(),
                    v.path("example").asString()));
        }
        return new ApiVersionFacts(versions);
    }

    /** All versions the spec documents, newest first (as in the spec). */
    public List<Version> all() {
        return versions;
    }

    /** The CURRENT version, which serves requests without a version header. */
    public Version current() {
        return current;
    }

    /** The version {@code "1.x"}, if the spec documents it. */
    public Optional<Version> find(String version) {
        return Optional.ofNullable(byNumber.get(version));
    }

    /**
     * The version a version parsed by Spring's API versioning stands for ({@code 1.3.0}, whose
     * {@code toString()} is {@code "1.3.0"}; {@code "1.3"} works too), if the spec documents it.
     */
    Optional<Version> findParsed(Comparable<?> parsed) {
        return parsed == null ? Optional.empty() : Optional.ofNullable(byParsed.get(parsed.toString()));
    }

    /** Versions that can be called at all (every state but PLANNED). */
    public List<Version> callable() {
        return callable;
    }
}
