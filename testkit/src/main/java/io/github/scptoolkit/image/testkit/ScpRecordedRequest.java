package io.github.scptoolkit.image.testkit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * One request the emulator received, as its journal keeps it ({@link ScpEmulator#requests()}): what
 * a test asserts about the calls of the code under test. Never the secret key (the emulator never
 * receives it) and never the signature itself: only a SHA-256 fingerprint of {@code Scp-Signature},
 * enough to tell whether two attempts were signed apart, useless for signing anything.
 *
 * <pre>
 * ScpRecordedRequest first = emulator.requests().get(0);
 * first.operationId();          // Optional[showImage]
 * first.signatureVerified();    // the emulator's signature check accepted it
 * first.accessKey();            // Optional[test]: which tenant's key signed it
 * first.fault();                // the injected fault that answered it, if any
 * </pre>
 *
 * @param receivedAt when the emulator received it (its system clock)
 * @param method the HTTP method
 * @param path the path as sent (percent-encoded), without the query
 * @param operationId the spec's operation that method and path name ({@code ScpOperation.operationId()}), if any
 * @param pathParameters that operation's path parameters, decoded (e.g. {@code image_id})
 * @param versionHeader {@code Scp-Api-Version} as sent, if sent
 * @param accessKey {@code Scp-Accesskey} as sent, if sent
 * @param timestamp {@code Scp-Timestamp} as sent, if sent
 * @param signatureFingerprint SHA-256 (hex) of {@code Scp-Signature} as sent, if sent
 * @param signatureVerified whether the emulator's signature check accepted the request (always
 *        false for what it does not check: unsigned operations, other paths, checks turned off)
 * @param status the status answered; 0 when the connection was closed without an answer
 * @param fault the fault {@link ScpEmulator#inject injected} into the answer, if one was
 */
public record ScpRecordedRequest(Instant receivedAt, String method, String path, Optional<String> operationId,
        Map<String, String> pathParameters, Optional<String> versionHeader, Optional<String> accessKey,
        Optional<String> timestamp, Optional<String> signatureFingerprint, boolean signatureVerified, int status,
        Optional<ScpFault> fault) {

    public ScpRecordedRequest {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operationId, "operationId");
        pathParameters = Map.copyOf(pathParameters);
        Objects.requireNonNull(versionHeader, "versionHeader");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signatureFingerprint, "signatureFingerprint");
        Objects.requireNonNull(fault, "fault");
    }

    /** Whether the request carried a signature ({@code Scp-Signature}), verified or not. */
    public boolean signed() {
        return signatureFingerprint.isPresent();
    }

    /** The version {@link #versionHeader()} names; empty without the header or for a value naming no version of the spec. */
    public Optional<ScpServiceVersion> version() {
        return versionHeader.flatMap(ScpServiceVersion::fromHeaderValue);
    }

    /** When the client says it signed the request ({@link #timestamp()} as epoch milliseconds), if it is one. */
    public Optional<Instant> signedAt() {
        return timestamp.flatMap(t -> {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(t.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * One line: method, path, version, key, signature state and fingerprint prefix, status, fault;
     * e.g. {@code GET /v1/images/x [virtualserver 1.3] key test, signature verified (sha256 3f2a9c01…,
     * Scp-Timestamp 1764201600000) -> 503, fault serviceUnavailable}.
     */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(method).append(' ').append(path);
        versionHeader.ifPresent(v -> line.append(" [").append(v).append(']'));
        accessKey.ifPresent(k -> line.append(" key ").append(k));
        line.append(signed() ? (signatureVerified ? ", signature verified" : ", signature NOT verified")
                : ", unsigned");
        signatureFingerprint.ifPresent(f -> line.append(" (sha256 ").append(f, 0, Math.min(8, f.length())).append('…')
                .append(timestamp.map(t -> ", " + ScpSigner.TIMESTAMP_HEADER + " " + t).orElse("")).append(')'));
        line.append(" -> ").append(status == 0 ? "no answer" : String.valueOf(status));
        fault.ifPresent(f -> line.append(", fault ").append(f.describe()));
        return line.toString();
    }
}
