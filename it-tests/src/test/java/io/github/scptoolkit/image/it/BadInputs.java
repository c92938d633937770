package io.github.scptoolkit.image.it;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.it.contract.SpecContract;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Bad input derived from the spec: its header parameters and signature headers
 * ({@link SpecContract#headerNames()}), its version values, its image_id limits and its single
 * method. Shared by {@link BadInputCorpusIT} (each case once) and {@link BadInputFuzzIT} (random
 * mixes). A request is signed with the demo key pair AFTER the mutations that target a later
 * check (version, id, method, Accept), so that it gets past the signature check; mutations of the
 * signature headers themselves are applied after signing.
 */
final class BadInputs {

    /** Show Image's path up to the id (from the spec's template). */
    static final String IMAGES = ReferenceServer.imagePath("");
    static final List<String> AUTH_HEADERS = List.of(ScpSigner.ACCESS_KEY_HEADER, ScpSigner.SIGNATURE_HEADER,
            ScpSigner.TIMESTAMP_HEADER, ScpSigner.CLIENT_TYPE_HEADER);
    static final String KB8 = "x".repeat(8 * 1024);
    /** Over Tomcat's default max-http-request-header-size (8 KB for the whole header section). */
    static final String KB20 = "y".repeat(20 * 1024);

    /**
     * Version values the server refuses (the value is exact and case-sensitive), built around the
     * spec's CURRENT version: unknown ones, malformed spellings of the CURRENT one, another
     * service's, and the versions retired today (real clock, default settings).
     */
    static final List<String> BAD_VERSIONS = badVersions();

    /** Timestamps the signature check must refuse (it signs what it is given, so only the value is wrong). */
    static final List<String> BAD_TIMESTAMPS = List.of("abc", "", "-1", "0", "1.6e12", "0x1F", "99999999999999999999",
            " 1605290625682", "1605290625682abc", "-9223372036854775808", RawHttp.utf8("１６０５"), KB8);

    /** Image ids (raw, as on the wire) the server must refuse or not find, never fail on. */
    static final List<String> BAD_IDS = List.of("", "a".repeat(256), "a".repeat(1024), "..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd",
            "%2F", "a%2Fb", "%00", "a%00b", "%0D%0A", "a%0d%0aSet-Cookie:%20x", "%C3%A9", RawHttp.utf8("é"),
            "%zz", "%", "%G0", "%C3", "%C0%AF", "%FF%FE", "a;b", "%3B", "~", "*", "%20", "%7B%7D");

    /** Methods other than the spec's GET (HEAD and OPTIONS are answered as HTTP defines). */
    static final List<String> OTHER_METHODS = List.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "FOO",
            "get");

    /** Accept values that exclude both of the API's media types. */
    // Not here: "application/json;q=0", which Spring MVC serves as JSON although q=0 means "not acceptable".
    static final List<String> BAD_ACCEPTS = List.of("text/html", "application/xml", "image/png", "text/plain",
            "application/problem+xml", "application/*+xml", "///", "text/html;q=abc");

    private final int port;

    BadInputs(int port) {
        this.port = port;
    }

    private static List<String> badVersions() {
        String service = ScpApi.SERVICE;
        String current = SpecVersions.current().getVersion();
        String major = current.substring(0, current.indexOf('.'));
        String other = SpecVersions.otherServed(Clock.systemUTC()).getVersion();
        List<String> bad = new ArrayList<>(List.of(SpecVersions.nextUnknown(), SpecVersions.UNKNOWN, SpecVersions.nextMajor(),
                "VirtualServer " + current, service.toUpperCase(Locale.ROOT) + " " + current, service + "  " + current,
                service + " 0" + current, service + " " + current + ".0", service + " " + major, service + " -" + current,
                service + " " + major + ".x", "blockstorage " + current, service, current,
                service + " " + current + "," + service + " " + other, service + " " + current + "; q=1",
                RawHttp.utf8(service + " " + fullWidth(current)), "", KB8));
        SpecVersions.retiredOn(Clock.systemUTC()).forEach(v -> bad.add(v.headerValue()));
        return List.copyOf(bad);
    }

    /** {@code 1.3} in full-width digits and dot. */
    private static String fullWidth(String version) {
        StringBuilder b = new StringBuilder();
        version.chars().forEach(c -> b.append(c == '.' ? '．' : (char) ('０' + (c - '0'))));
        return b.toString();
    }

    /** A valid request: GET of the seed image, no version header. */
    RawHttp.Request valid() {
        return new RawHttp.Request("GET", IMAGES + ReferenceServer.SEED_IMAGE_ID);
    }

    /** Adds the demo signature headers for the request's method and target (as the URL on the wire). */
    RawHttp.Request sign(RawHttp.Request request) {
        return sign(request, System.currentTimeMillis());
    }

    RawHttp.Request sign(RawHttp.Request request, long millis) {
        AUTH_HEADERS.forEach(request::remove);
        new ScpSigner(ReferenceServer.DEMO).headers(request.method, "http://127.0.0.1:" + port + request.target, millis)
                .forEach(request::header);
        return request;
    }

    RawHttp.Response send(RawHttp.Request request) {
        return RawHttp.send(port, request);
    }

    /** A named change to a request; {@code beforeSigning} ones target a check after the signature's. */
    record Mutation(String name, boolean beforeSigning, BiConsumer<RawHttp.Request, Random> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every mutation of the corpus, each of which makes the request wrong on its own. */
    static List<Mutation> corpus() {
        List<Mutation> all = new ArrayList<>();
        for (String header : AUTH_HEADERS) {
            all.add(new Mutation(header + " missing", false, (r, rnd) -> r.remove(header)));
            all.add(new Mutation(header + " empty", false, (r, rnd) -> r.set(header, "")));
            all.add(new Mutation(header + " duplicated", false, (r, rnd) -> r.header(header, "other")));
            all.add(new Mutation(header + " oversized (8 KB)", false, (r, rnd) -> r.set(header, KB8)));
            all.add(new Mutation(header + " with a NUL", false, (r, rnd) -> r.set(header, "te\0st")));
            all.add(new Mutation(header + " with a bare CR", false, (r, rnd) -> r.set(header, "te\rst")));
            all.add(new Mutation(header + " non-ASCII", false, (r, rnd) -> r.set(header, RawHttp.utf8("테스트"))));
        }
        all.add(new Mutation("Scp-Signature of another request", false,
                (r, rnd) -> r.set(ScpSigner.SIGNATURE_HEADER, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
        all.add(new Mutation("unknown access key", false, (r, rnd) -> r.set(ScpSigner.ACCESS_KEY_HEADER, "nobody")));
        for (String ts : BAD_TIMESTAMPS) {
            all.add(new Mutation("Scp-Timestamp '" + RawHttp.abbreviate(ts) + "'", false,
                    (r, rnd) -> r.set(ScpSigner.TIMESTAMP_HEADER, ts)));
        }
        for (String version : BAD_VERSIONS) {
            all.add(new Mutation("Scp-Api-Version '" + RawHttp.abbreviate(version) + "'", true,
                    (r, rnd) -> r.set("Scp-Api-Version", version)));
        }
        all.add(new Mutation("Scp-Api-Version duplicated (CURRENT and unknown)", true, (r, rnd) -> {
            r.set("Scp-Api-Version", SpecVersions.UNKNOWN);
            r.header("Scp-Api-Version", SpecVersions.current().headerValue());
        }));
        all.addAll(ambiguous());
        all.add(new Mutation("Scp-Api-Version with a NUL", true, (r, rnd) -> r.set("Scp-Api-Version",
                ScpApi.SERVICE + "\0 " + SpecVersions.current().getVersion())));
        all.add(new Mutation("Accept-Language oversized (8 KB)", true, (r, rnd) -> r.set("Accept-Language", KB8)));
        all.add(new Mutation("Accept-Language with a NUL", true, (r, rnd) -> r.set("Accept-Language", "en\0US")));
        all.add(new Mutation("Accept-Language with a bare CR", true, (r, rnd) -> r.set("Accept-Language", "en\rUS")));
        all.add(new Mutation("headers over Tomcat's limit (20 KB)", true, (r, rnd) -> r.set("X-Padding", KB20)));
        for (String id : BAD_IDS) {
            all.add(new Mutation("image_id '" + RawHttp.abbreviate(id) + "'", true, (r, rnd) -> r.target = IMAGES + id));
        }
        all.add(new Mutation("image_id of 100 KB", true, (r, rnd) -> r.target = IMAGES + "b".repeat(100 * 1024)));
        all.add(new Mutation("image_id with a raw NUL", true, (r, rnd) -> r.target = IMAGES + "a\0b"));
        all.add(new Mutation("image_id with raw CR LF", true, (r, rnd) -> r.target = IMAGES + "a\r\nb"));
        all.add(new Mutation("image_id with a raw space", true, (r, rnd) -> r.target = IMAGES + "a b"));
        all.add(new Mutation("unknown image", true, (r, rnd) -> r.target = IMAGES + "00000000-0000-0000-0000-000000000000"));
        all.add(new Mutation("path outside the API", true, (r, rnd) -> r.target = "/v1/imagez/x"));
        all.add(new Mutation("garbage request line", false, (r, rnd) -> r.rawRequestLine = "GARBAGE"));
        all.add(new Mutation("request line with a bad version", false, (r, rnd) -> r.rawRequestLine = "GET " + r.target + " HTTP/9.9"));
        all.add(new Mutation("request line with a tab in the target", false, (r, rnd) -> r.rawRequestLine = "GET /v1/images/a\tb HTTP/1.1"));
        all.add(new Mutation("request line without a version", false, (r, rnd) -> r.rawRequestLine = "GET " + r.target + " HTTP/"));
        for (String method : OTHER_METHODS) {
            all.add(new Mutation("method " + method, true, (r, rnd) -> r.method = method));
        }
        for (String accept : BAD_ACCEPTS) {
            all.add(new Mutation("Accept '" + accept + "'", true, (r, rnd) -> r.set("Accept", accept)));
        }
        return all;
    }

    /**
     * The vendor's Go SDK spells the version header its own way and always sends it with the
     * version it was built for, the oldest of the service (1.0); a user's {@code AddDefaultHeader}
     * adds a second one.
     */
    static final String GO_SDK_VERSION_HEADER = "Scp-API-Version";

    static String goSdkVersion() {
        return ScpServiceVersion.all().stream().min(Comparator.naturalOrder()).orElseThrow().headerValue();
    }

    /**
     * Every single-valued header parameter of Show Image ({@link ScpParameter#singleValued()},
     * from the spec) sent twice with different values, and as one comma-joined list of them; for
     * the version header also the Go SDK's own header plus a user's. Each name starts with the header.
     */
    static List<Mutation> ambiguous() {
        List<Mutation> all = new ArrayList<>();
        String current = SpecVersions.current().headerValue();
        String other = SpecVersions.otherServed(Clock.systemUTC()).headerValue();
        for (ScpParameter p : ScpApi.SHOW_IMAGE.parameters()) {
            if (!p.singleValued()) {
                continue;
            }
            boolean version = p.name().equalsIgnoreCase(ScpApi.VERSION_HEADER);
            String a = version ? current : "a";
            String b = version ? other : "b";
            all.add(new Mutation(p.name() + " sent twice, different values", true, (r, rnd) -> {
                r.set(p.name(), a);
                r.header(p.name(), b);
            }));
            all.add(new Mutation(p.name() + " as a comma-joined list of different values", true,
                    (r, rnd) -> r.set(p.name(), a + ", " + b)));
            if (version) {
                all.add(new Mutation(GO_SDK_VERSION_HEADER + " of the vendor Go SDK plus a user's AddDefaultHeader", true,
                        (r, rnd) -> {
                            r.remove(p.name());
                            r.header(GO_SDK_VERSION_HEADER, goSdkVersion());
                            r.header(p.name(), current);
                        }));
            }
        }
        return all;
    }

    /** Changes that keep a request valid, mixed in by the fuzzer. */
    static List<Mutation> harmless() {
        return List.of(
                new Mutation("Accept-Language ko-KR", true, (r, rnd) -> r.set("Accept-Language", "ko-KR")),
                new Mutation("Accept application/json", true, (r, rnd) -> r.set("Accept", "application/json")),
                new Mutation("Scp-Api-Version of a served version", true,
                        (r, rnd) -> r.set("Scp-Api-Version", SpecVersions.otherServed(Clock.systemUTC()).headerValue())),
                new Mutation("extra header", true, (r, rnd) -> r.header("X-Request-Id", Long.toHexString(rnd.nextLong()))),
                new Mutation("Scp-AccountId dropped", false, (r, rnd) -> r.remove(ScpSigner.ACCOUNT_ID_HEADER)));
    }

    /** Applies the mutations around signing, as each requires, and sends the request. */
    RawHttp.Response apply(RawHttp.Request request, List<Mutation> mutations, Random random) {
        mutations.stream().filter(Mutation::beforeSigning).forEach(m -> m.apply().accept(request, random));
        sign(request);
        mutations.stream().filter(m -> !m.beforeSigning()).forEach(m -> m.apply().accept(request, random));
        return send(request);
    }

    /**
     * What is wrong with a response to bad input (empty when nothing): it must be a 4xx whose body
     * is a problem with the same status and a code, valid against the spec with its headers, and a
     * 405 names the allowed methods.
     */
    static List<String> problemViolations(String method, String target, RawHttp.Response response) {
        List<String> wrong = new ArrayList<>();
        int status = response.status();
        if (status < 400 || status > 499) {
            wrong.add("status " + status + " is not a 4xx");
        }
        // An HTTP/0.9 answer has no headers: only its body can be checked.
        String type = response.http09() ? "application/problem+json" : response.first("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            wrong.add("Content-Type " + type + " is not application/problem+json");
            return wrong;
        }
        try {
            JsonNode problem = ReferenceServer.json(response.body());
            if (problem.path("status").asInt() != status) {
                wrong.add("problem status " + problem.path("status") + " differs from " + status);
            }
            if (problem.path("code").asText().isEmpty()) {
                wrong.add("problem without a code");
            }
        } catch (RuntimeException notJson) {
            wrong.add("body is not JSON: " + RawHttp.abbreviate(response.body()));
        }
        if (status == 405 && !response.http09() && response.first("Allow") == null) {
            wrong.add("405 without Allow");
        }
        Map<String, List<String>> headers = response.http09() ? Map.of("Content-Type", List.of(type)) : response.headers();
        wrong.addAll(SpecContract.validateResponse(method, target, status, headers, response.body()));
        return wrong;
    }

    static String counts(Map<Integer, Integer> byStatus) {
        return byStatus.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
