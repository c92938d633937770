package io.github.scptoolkit.image.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes SCP request signatures exactly as the vendor's SDK does:
 * <pre>
 * Scp-Signature = Base64(HMAC-SHA256(secretKey,
 *         METHOD + URL + Scp-Timestamp + Scp-Accesskey + accountId + Scp-ClientType))
 * </pre>
 * a plain concatenation, where URL is the full URL as sent on the wire (scheme, host, port if any,
 * percent-encoded path, {@code ?query} if any), the timestamp is epoch milliseconds in canonical
 * decimal form ({@code Long.toString}, never negative), accountId is empty when not used (else 32
 * lower-case hex characters, see {@link ScpCredentials}) and the client type is
 * {@value #CLIENT_TYPE}. Having no separators, the concatenation is unambiguous only because every
 * field has exactly one spelling, which is what servers check before the HMAC.
 *
 * <p>Thread-safe and cheap to call: the key is set up once and each signature clones a prepared
 * {@link Mac}. The client signs for you; use this for raw HTTP calls or to check a signature.
 *
 * <pre>
 * ScpSigner signer = new ScpSigner(ScpCredentials.of("my-access-key", "my-secret-key"));
 * Map&lt;String, String&gt; headers = signer.headers("GET",
 *         "http://127.0.0.1:8080/v1/images/70a599e0-31e7-49b7-b260-868f441e862b", System.currentTimeMillis());
 * headers.forEach(httpRequestBuilder::header);
 * </pre>
 */
public final class ScpSigner {

    /** The client type the vendor's SDK sends and signs. */
    public static final String CLIENT_TYPE = "Openapi";
    /** Header with the access key (the vendor's SDK spells it {@code Scp-AccessKey}; names are case-insensitive). */
    public static final String ACCESS_KEY_HEADER = "Scp-Accesskey";
    /** Header with the signing time in epoch milliseconds. */
    public static final String TIMESTAMP_HEADER = "Scp-Timestamp";
    /** Header with the client type. */
    public static final String CLIENT_TYPE_HEADER = "Scp-ClientType";
    /** Header with the signature. */
    public static final String SIGNATURE_HEADER = "Scp-Signature";
    /** Header with the account id, sent only when the credentials have one. */
    public static final String ACCOUNT_ID_HEADER = "Scp-AccountId";

    private static final String ALGORITHM = "HmacSHA256";

    private final ScpCredentials credentials;
    private final Mac prototype;
    private final boolean cloneable;

    /** A signer for {@code credentials}. */
    public ScpSigner(ScpCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.prototype = newMac(credentials.secretKey());
        this.cloneable = canClone(prototype);
    }

    /** The credentials this signer signs with. */
    public ScpCredentials credentials() {
        return credentials;
    }

    /**
     * The {@code Scp-Signature} value for a request.
     *
     * @throws IllegalArgumentException when {@code timestampMillis} is negative
     */
    public String signature(String method, String url, long timestampMillis) {
        return sign(method + url + timestamp(timestampMillis) + credentials.accessKey() + credentials.accountId()
                + CLIENT_TYPE);
    }

    /** The canonical {@code Scp-Timestamp}: decimal digits, no sign, no leading zeros. */
    private static String timestamp(long timestampMillis) {
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("the timestamp must not be negative: " + timestampMillis);
        }
        return Long.toString(timestampMillis);
    }

    /**
     * All authentication headers for a request, in a stable order: {@code Scp-Accesskey},
     * {@code Scp-Timestamp}, {@code Scp-ClientType}, {@code Scp-AccountId} (only with an account
     * id) and {@code Scp-Signature}.
     */
    public Map<String, String> headers(String method, String url, long timestampMillis) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ACCESS_KEY_HEADER, credentials.accessKey());
        headers.put(TIMESTAMP_HEADER, timestamp(timestampMillis));
        headers.put(CLIENT_TYPE_HEADER, CLIENT_TYPE);
        if (!credentials.accountId().isEmpty()) {
            headers.put(ACCOUNT_ID_HEADER, credentials.accountId());
        }
        headers.put(SIGNATURE_HEADER, signature(method, url, timestampMillis));
        return headers;
    }

    @Override
    public String toString() {
        return "ScpSigner[" + credentials + "]";
    }

    private String sign(String stringToSign) {
        Mac mac = mac();
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        if (cloneable) {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // checked in the constructor; fall through
            }
        }
        return newMac(credentials.secretKey());
    }

    private static Mac newMac(String secretKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java platform must support HmacSHA256; the message never contains the key.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean canClone(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }
}
