package io.github.scptoolkit.image.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Checks one request's signature:
 * {@code Base64(HMAC-SHA256(secretKey, METHOD + URL + Scp-Timestamp + Scp-Accesskey + accountId + Scp-ClientType))}.
 *
 * <p>The string to sign is a plain concatenation without separators, so a field that could be
 * spelled in more than one way would let characters move between neighbouring fields under the
 * same signature (a trailing {@code 0} of the URL into a leading zero of the timestamp, the account
 * id into the client type). Before any HMAC is computed, every field must therefore be in its one
 * canonical form, each failure with a code of its own: each header exactly once; the timestamp the
 * canonical decimal form of a non-negative epoch-millisecond value ({@link #isCanonicalTimestamp});
 * the client type exactly {@value #CLIENT_TYPE_VALUE}; the account id absent, empty or 32
 * lower-case hex characters ({@link #isValidAccountId}); the request sent to a host this server
 * serves. Then the timestamp must lie within {@code window} of the clock (both ways, bounds
 * included). An unknown access key and a wrong signature give the same answer after the same work:
 * an HMAC is computed for unknown keys too (with a random key), and signatures are compared in
 * constant time. A refusal names the spec's problem code for its reason ({@link #REJECTIONS}).
 */
final class ScpSignatureVerifier {

    static final String ACCESS_KEY = "Scp-Accesskey";
    static final String TIMESTAMP = "Scp-Timestamp";
    static final String CLIENT_TYPE = "Scp-ClientType";
    static final String SIGNATURE = "Scp-Signature";
    static final String ACCOUNT_ID = "Scp-AccountId";
    /** The only client type: what the vendor's SDK and this toolkit's client send. */
    static final String CLIENT_TYPE_VALUE = "Openapi";
    /** Length of an account (SCP project) id: 32 lower-case hex characters. */
    static final int ACCOUNT_ID_LENGTH = 32;

    private static final List<String> REQUIRED = List.of(ACCESS_KEY, TIMESTAMP, CLIENT_TYPE, SIGNATURE);

    /** Every code a refusal may carry (all 401s of the spec's {@code x-problem-codes}). */
    static final Set<ScpProblemCode> REJECTIONS = Collections.unmodifiableSet(EnumSet.of(
            ScpProblemCode.MISSING_AUTH_HEADERS, ScpProblemCode.REPEATED_AUTH_HEADERS,
            ScpProblemCode.MALFORMED_TIMESTAMP, ScpProblemCode.INVALID_CLIENT_TYPE, ScpProblemCode.INVALID_ACCOUNT_ID,
            ScpProblemCode.HOST_NOT_SERVED, ScpProblemCode.TIMESTAMP_OUT_OF_WINDOW, ScpProblemCode.INVALID_SIGNATURE));

    /**
     * The refusals about a field's spelling (or repetition) or the host, made before any key is
     * looked up or HMAC computed.
     */
    static final Set<ScpProblemCode> BEFORE_THE_HMAC = Collections.unmodifiableSet(EnumSet.of(
            ScpProblemCode.REPEATED_AUTH_HEADERS, ScpProblemCode.MALFORMED_TIMESTAMP,
            ScpProblemCode.INVALID_CLIENT_TYPE, ScpProblemCode.INVALID_ACCOUNT_ID, ScpProblemCode.HOST_NOT_SERVED));

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
     * @param hostServed whether the request was sent to a host this server serves (see
     *        {@link ScpServedHosts}); {@code url} is the URL it was sent to
     * @param headers all values of a header, looked up case-insensitively (as
     *        {@code HttpServletRequest.getHeaders} does)
     */
    Outcome verify(String method, String url, boolean hostServed, Function<String, List<String>> headers) {
        // Each header is read once: REQUIRED's order (access key, timestamp, client type, signature).
        String[] values = new String[REQUIRED.size()];
        // Allocated only for a request that is refused.
        List<String> missing = List.of();
        List<String> repeated = List.of();
        for (int i = 0; i < values.length; i++) {
            String name = REQUIRED.get(i);
            List<String> sent = headers.apply(name);
            if (sent.isEmpty()) {
                missing = added(missing, name);
            } else if (sent.size() > 1) {
                repeated = added(repeated, name);
            } else {
                values[i] = sent.get(0);
            }
        }
        List<String> accountValues = headers.apply(ACCOUNT_ID);
        if (accountValues.size() > 1) {
            repeated = added(repeated, ACCOUNT_ID);
        }
        if (!missing.isEmpty()) {
            return reject(ScpProblemCode.MISSING_AUTH_HEADERS, "Signed requests carry Scp-Accesskey, Scp-Timestamp, "
                    + "Scp-ClientType and Scp-Signature, each exactly once; missing: " + String.join(", ", missing)
                    + (repeated.isEmpty() ? "" : "; repeated: " + String.join(", ", repeated)) + ".");
        }
        if (!repeated.isEmpty()) {
            // Two values, equal or not, leave open which one was signed: never guess.
            return reject(ScpProblemCode.REPEATED_AUTH_HEADERS, "Scp-Accesskey, Scp-Timestamp, Scp-ClientType, "
                    + "Scp-Signature and Scp-AccountId may each appear only once; repeated: "
                    + String.join(", ", repeated) + ".");
        }
        String accessKey = values[0];
        String timestamp = values[1];
        String clientType = values[2];
        String signature = values[3];
        String accountId = accountValues.isEmpty() ? "" : accountValues.get(0);

        // Canonical forms first: the string to sign has no separators (see the class comment).
        if (!isCanonicalTimestamp(timestamp)) {
            return reject(ScpProblemCode.MALFORMED_TIMESTAMP, "Scp-Timestamp must be the signing time in epoch "
                    + "milliseconds, in canonical form: ASCII digits only, no sign, no leading zeros.");
        }
        if (!CLIENT_TYPE_VALUE.equals(clientType)) {
            return reject(ScpProblemCode.INVALID_CLIENT_TYPE, "Scp-ClientType must be exactly '" + CLIENT_TYPE_VALUE + "'.");
        }
        if (!accountId.isEmpty() && !isValidAccountId(accountId)) {
            return reject(ScpProblemCode.INVALID_ACCOUNT_ID, "Scp-AccountId, when present and not empty, must be "
                    + ACCOUNT_ID_LENGTH + " lower-case hexadecimal characters (an SCP project id).");
        }
        if (!hostServed) {
            return reject(ScpProblemCode.HOST_NOT_SERVED, "This server does not serve the host the request was sent to; "
                    + "a request is only accepted by the host it was signed for.");
        }
        long millis = Long.parseLong(timestamp);
        long skew = Math.abs(clock.millis() - millis);
        if (skew > window.toMillis()) {
            return reject(ScpProblemCode.TIMESTAMP_OUT_OF_WINDOW, "Scp-Timestamp is more than " + window.toSeconds()
                    + " seconds away from the server's time; sign the request again with the current time.");
        }

        Optional<ScpCredentialStore.Credential> credential = store.find(accessKey);
        Object key = credential.isPresent() ? credential.get().secretKey() : unknownKeySecret;
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

    /**
     * Whether {@code timestamp} is the canonical decimal form of a non-negative {@code long}: ASCII
     * digits, no sign, no leading zero ({@code "0"} itself is canonical), no overflow. Exactly the
     * strings {@code Long.toString(millis)} gives for {@code millis >= 0}.
     */
    static boolean isCanonicalTimestamp(String timestamp) {
        int length = timestamp.length();
        if (length == 0 || length > 19 || (timestamp.charAt(0) == '0' && length > 1)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = timestamp.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        // 19 digits may still be over Long.MAX_VALUE.
        return length < 19 || timestamp.compareTo(Long.toString(Long.MAX_VALUE)) <= 0;
    }

    /** Whether {@code accountId} is an SCP project id: exactly 32 characters {@code 0-9 a-f}. */
    static boolean isValidAccountId(String accountId) {
        if (accountId.length() != ACCOUNT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ACCOUNT_ID_LENGTH; i++) {
            char c = accountId.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static Outcome reject(ScpProblemCode rejection, String detail) {
        return new Outcome(null, rejection, detail);
    }

    private static List<String> added(List<String> names, String name) {
        List<String> list = new ArrayList<>(names);
        list.add(name);
        return list;
    }

    /**
     * One Mac per thread ({@code Mac.getInstance}, a provider look-up, is dearer than the HMAC
     * itself), kept initialised with the key it was last used with: {@code doFinal} resets it to
     * that key, so a thread serving the same tenant again skips the key set-up. The key is
     * recognised by identity (the credential store's own secret string, or the random key for
     * unknown access keys), never by comparing secrets.
     */
    private static final ThreadLocal<KeyedMac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return new KeyedMac(Mac.getInstance("HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private static final class KeyedMac {
        final Mac mac;
        Object key;

        KeyedMac(Mac mac) {
            this.mac = mac;
        }
    }

    /** {@code key} is a secret key string or the random key's bytes. */
    private static byte[] hmacBase64(Object key, String data) {
        try {
            KeyedMac keyed = MAC.get();
            if (keyed.key != key) {
                keyed.key = null;   // not usable until init succeeds
                byte[] bytes = key instanceof String secret ? secret.getBytes(StandardCharsets.UTF_8) : (byte[]) key;
                keyed.mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
                keyed.key = key;
            }
            return Base64.getEncoder().encode(keyed.mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
