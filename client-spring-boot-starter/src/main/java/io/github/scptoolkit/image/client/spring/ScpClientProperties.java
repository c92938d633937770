package io.github.scptoolkit.image.client.spring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The client's settings, {@code scp.client.*}. Unset values keep the client builder's defaults;
 * {@link #toString()} never shows the secret key.
 *
 * <pre>
 * scp.client.endpoint=https://virtualserver.example.com
 * scp.client.read-timeout=10s
 * scp.client.retry.max-attempts=5
 * </pre>
 *
 * @param endpoint Base URL of the service (http or https, no user info), such as
 *        http://127.0.0.1:8080 for the local emulator. Unset: the auth URL's endpoint catalog, else
 *        the client's own chain (SCP_ENDPOINT, then ~/.scpconf's endpoint-override).
 * @param authUrl IAM URL whose endpoint catalog names the endpoint (used when no endpoint is set), such
 *        as http://127.0.0.1:8080/v1 for the local emulator. Unset: the client's own chain
 *        (SCP_AUTH_URL, SCP_TF_AUTH_URL, then ~/.scpconf's auth-url).
 * @param region Region whose endpoint discovery prefers, such as kr-west1. Unset: the client's own
 *        chain (SCP_REGION, then ~/.scpconf's default-region).
 * @param version Version of the API the client calls, in any spelling the header allows (the number, with a leading v, or the whole header value). Default:
 *        the CURRENT version of the spec the client was built from.
 * @param connectTimeout Time allowed to connect. Default: 5s.
 * @param readTimeout Time allowed to wait for a response. Default: 30s.
 * @param retry Retries of I/O errors and 429/502/503/504 answers.
 * @param accessKey Access key that signs requests. Unset: the client's own chain (SCP_ACCESS_KEY and
 *        SCP_SECRET_KEY, SCP_TF_ACCESS_KEY and SCP_TF_SECRET_KEY, then ~/.scpconf/credentials.json).
 * @param secretKey Secret key of the access key; never logged or shown.
 * @param accountId Account (SCP project) id the key signs for, 32 lower-case hex characters; optional.
 */
@ConfigurationProperties(ScpClientProperties.PREFIX)
public record ScpClientProperties(
        String endpoint,
        String authUrl,
        String region,
        ScpServiceVersion version,
        Duration connectTimeout,
        Duration readTimeout,
        @DefaultValue Retry retry,
        String accessKey,
        String secretKey,
        String accountId) {

    /** The properties' prefix. */
    public static final String PREFIX = "scp.client";

    /**
     * Normalizes and checks what the builder cannot: positive timeouts.
     *
     * @throws IllegalArgumentException for a timeout that is zero or negative
     */
    public ScpClientProperties {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        retry = retry == null ? new Retry(null, null, null, null) : retry;
    }

    /** Whether the properties name a key pair (else the client's own credentials chain applies). */
    public boolean hasCredentials() {
        return (accessKey != null && !accessKey.isBlank()) || (secretKey != null && !secretKey.isEmpty());
    }

    /** Shows every setting but the secret key. */
    @Override
    public String toString() {
        return "ScpClientProperties[endpoint=" + endpoint + ", authUrl=" + authUrl + ", region=" + region
                + ", version=" + version + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", retry=" + retry + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey == null ? null : "****") + ", accountId=" + accountId + "]";
    }

    /**
     * Retries, {@code scp.client.retry.*}; unset values keep the client's defaults.
     *
     * @param maxAttempts Attempts per call in all, retries included; 1 means no retry. Default: 3.
     * @param initialBackoff Wait before the first retry, doubled per retry. Default: 100ms.
     * @param maxBackoff Longest wait between two attempts. Default: 2s.
     * @param maxRetryAfter Longest Retry-After the client waits; a server asking for longer gets the
     *        error back at once. Default: 30s.
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException for fewer than one attempt or a negative duration
         */
        public Retry {
            if (maxAttempts != null && maxAttempts < 1) {
                throw new IllegalArgumentException("retry.max-attempts must be at least 1 (1 means no retry): "
                        + maxAttempts);
            }
            for (Duration d : new Duration[] {initialBackoff, maxBackoff, maxRetryAfter}) {
                if (d != null && d.isNegative()) {
                    throw new IllegalArgumentException("retry durations must not be negative: " + d);
                }
            }
        }
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException(name + " must be positive (e.g. 5s): " + timeout);
        }
    }
}
