package io.github.scptoolkit.image.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.server.ScpCaller;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;

/**
 * What the journal and the faults know of a request: the spec's operation its method and path name
 * (matched with the spec's path templates, as Spring MVC matches them), the signing headers as sent,
 * a fingerprint of the signature (never the signature) and whether the stub's check accepted it.
 */
final class RequestFacts {

    private record Template(ScpOperation operation, PathPattern pattern) {
    }

    private static final List<Template> TEMPLATES = ScpApi.operations().stream()
            .map(op -> new Template(op, PathPatternParser.defaultInstance.parse(op.path()))).toList();

    private RequestFacts() {
    }

    /** The request as recorded, answered with {@code status} (0: no answer) and {@code fault}, if any. */
    static ScpRecordedRequest record(HttpServletRequest request, Instant receivedAt, int status, ScpFault fault) {
        String path = request.getRequestURI();
        Optional<String> operationId = Optional.empty();
        Map<String, String> parameters = Map.of();
        PathContainer parsed = parse(path);
        if (parsed != null) {
            for (Template t : TEMPLATES) {
                PathPattern.PathMatchInfo match = t.operation().method().equalsIgnoreCase(request.getMethod())
                        ? t.pattern().matchAndExtract(parsed) : null;
                if (match != null) {
                    operationId = Optional.of(t.operation().operationId());
                    parameters = match.getUriVariables();
                    break;
                }
            }
        }
        Optional<String> signature = header(request, ScpSigner.SIGNATURE_HEADER);
        return new ScpRecordedRequest(receivedAt, request.getMethod(), path, operationId, parameters,
                header(request, ScpApi.VERSION_HEADER), header(request, ScpSigner.ACCESS_KEY_HEADER),
                header(request, ScpSigner.TIMESTAMP_HEADER), signature.map(RequestFacts::fingerprint),
                ScpCaller.from(request).isPresent(), status, Optional.ofNullable(fault));
    }

    private static Optional<String> header(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    private static PathContainer parse(String path) {
        try {
            return path == null ? null : PathContainer.parsePath(path);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** SHA-256 of the signature, hex: tells signatures apart, reveals nothing that signs. */
    static String fingerprint(String signature) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signature.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
