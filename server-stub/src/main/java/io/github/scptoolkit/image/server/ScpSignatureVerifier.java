package io.github.scptoolkit.image.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Checks one request's signature:
 * {@code Base64(HMAC-SHA256(secretKey, METHOD + URL + Scp-Timestamp + Scp-Accesskey + accountId + Scp-ClientType))}.
 * The timestamp must lie within {@code window} of the clock (both ways, bounds included). An
 * unknown access key and a wrong signature give the same answer after the same work: an HMAC is
 * computed for unknown keys too (with a random key), and signatures are compared in constant time.
 * A refusal names the spec's problem code for its reason.
 */
final class ScpSignatureVerifier {

    static final String ACCESS_KEY = "Scp-Accesskey";
    static final String TIMESTAMP = "Scp-Timestamp";
    static final String CLIENT_TYPE = "Scp-ClientType";
    static final String SIGNATURE = "Scp-Signature";
    static final String ACCOUNT_ID = "Scp-AccountId";

    private static final List<String> REQUIRED = List.of(ACCESS_KEY, TIMESTAMP, CLIENT_TYPE, SIGNATURE);

    /** The result: a caller, or a rejection with its detail. */
    record Outcome(ScpCaller caller, ScpProblemCode rejection, String detail) {
        boolean accepted() {
            return caller != null;
        }
    }

    private final ScpCredentialStore store;
    private final Clock clock;
    private final Duration window;
    private final byte[] unknownKeySecret = new byte[32];

    ScpSignatureVerifier(ScpCredentialStore store, Clock clock, Duration window) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("the timestamp window must not be negative: " + window);
        }
        new SecureRandom().nextBytes(unknownKeySecret);
    }

    Duration window() {
        return window;
    }

    /**
     * @param headers all values of a header, looked up case-insensitively (as
     *        {@code HttpServletRequest.getHeaders} does)
     */
    Outcome verify(String method, String url, Function<String, List<String>> headers) {
        // Each header is read once: REQUIRED's order (access key, timestamp, client type, signature).
        String[] values = new String[REQUIRED.size()];
        List<String> missing = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String name = REQUIRED.get(i);
            List<String> sent = headers.apply(name);
            if (sent.isEmpty()) {
                missing.add(name);
            } else if (sent.size() > 1) {
                repeated.add(name);
            } else {
                values[i] = sent.get(0);
            }
        }
        List<String> accountValues = headers.apply(ACCOUNT_ID);
        if (accountValues.size() > 1) {
            repeated.add(ACCOUNT_ID);
        }
        if (!missing.isEmpty() || !repeated.isEmpty()) {
            return reject(ScpProblemCode.MISSING_AUTH_HEADERS, "Signed requests carry Scp-Accesskey, Scp-Timestamp, "
                    + "Scp-ClientType and Scp-Signature, each exactly once"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (repeated.isEmpty() ? "" : "; repeated: " + String.join(", ", repeated)) + ".");
        }
        String accessKey = values[0];
        String timestamp = values[1];
        String clientType = values[2];
        String signature = values[3];
        String accountId = accountValues.isEmpty() ? "" : accountValues.get(0);

        if (timestamp.isEmpty() || timestamp.length() > 18 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return reject(ScpProblemCode.MALFORMED_TIMESTAMP,
                    "Scp-Timestamp must be the signing time in epoch milliseconds (digits only).");
        }
        long millis = Long.parseLong(timestamp);
        long skew = Math.abs(clock.millis() - millis);
        if (skew > window.toMillis()) {
            return reject(ScpProblemCode.TIMESTAMP_OUT_OF_WINDOW, "Scp-Timestamp is more than " + window.toSeconds()
                    + " seconds away from the server's time; sign the request again with the current time.");
        }

        Optional<ScpCredentialStore.Credential> credential = store.find(accessKey);
        byte[] key = credential.map(c -> c.secretKey().getBytes(StandardCharsets.UTF_8)).orElse(unknownKeySecret);
        byte[] expected = hmacBase64(key, method + url + timestamp + accessKey + accountId + clientType);
        boolean matches = MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
        boolean accountAllowed = credential.flatMap(ScpCredentialStore.Credential::accountId)
                .map(bound -> accountId.isEmpty() || bound.equals(accountId)).orElse(true);
        if (!matches || credential.isEmpty() || !accountAllowed) {
            return reject(ScpProblemCode.INVALID_SIGNATURE,
                    "The signature does not match the request, or the access key is not valid for it.");
        }
        String callerAccount = accountId.isEmpty() ? credential.get().accountId().orElse(null) : accountId;
        return new Outcome(new ScpCaller(accessKey, callerAccount), null, null);
    }

    private static Outcome reject(ScpProblemCode rejection, String detail) {
        return new Outcome(null, rejection, detail);
    }

    /** One Mac per thread: {@code Mac.getInstance} (a provider look-up) is dearer than the HMAC itself. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private static byte[] hmacBase64(byte[] key, String data) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encode(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
