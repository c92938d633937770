package io.github.scptoolkit.image.server;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request signature checks, {@code scp.auth.*}: bound by Spring Boot (with the stub's
 * auto-configuration), or built in code for plain Spring MVC. The credentials are checked where
 * they are used, at start-up ({@link InMemoryScpCredentialStore#fromProperties}: both keys given, the
 * account id's syntax, no access key twice), with or without Bean Validation on the class path.
 * {@link #toString()} never shows a secret key.
 *
 * <pre>
 * scp.auth.credentials[0].access-key=my-access-key
 * scp.auth.credentials[0].secret-key=my-secret-key
 * scp.auth.window=5m
 * </pre>
 * or, without Spring Boot:
 * <pre>
 * &#64;Bean
 * ScpAuthProperties scpAuthProperties() {
 *     return ScpAuthProperties.of(new ScpAuthProperties.Credential("my-access-key", "my-secret-key", null));
 * }
 * </pre>
 *
 * @param enabled Whether requests of the API's signed operations must carry a valid SCP signature.
 *        Off only behind a gateway that verifies signatures itself (logged as a warning at start-up).
 * @param window Allowed difference between a request's Scp-Timestamp and the server's clock, both
 *        ways, such as 5m or PT5M.
 * @param credentials Key pairs (access-key, secret-key, optional account-id) that may sign
 *        requests, unless the application defines a ScpCredentialStore bean.
 * @param allowedHosts Hosts (host or host:port, IPv6 in brackets) signed requests may be sent to:
 *        the host part of the URLs clients sign, the public one behind a proxy. Unset: the
 *        loopback names and server.address, at the server's own port.
 */
@ConfigurationProperties(ScpAuthProperties.PREFIX)
public record ScpAuthProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(ScpAuthProperties.DEFAULT_WINDOW_TEXT) Duration window,
        List<Credential> credentials,
        List<String> allowedHosts) {

    /** The properties' prefix. */
    public static final String PREFIX = "scp.auth";

    /** Default of {@code window}, as a property value. */
    static final String DEFAULT_WINDOW_TEXT = "5m";

    /**
     * Normalizes: no credentials or hosts given means empty lists, no window the default.
     *
     * @throws IllegalArgumentException for a window that is zero or negative
     */
    public ScpAuthProperties {
        window = window == null ? ScpAuthConfiguration.DEFAULT_WINDOW : window;
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive (e.g. 5m or PT5M): " + window);
        }
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    /** Checks on, the default window, these credentials, the default hosts. */
    public static ScpAuthProperties of(Credential... credentials) {
        return new ScpAuthProperties(true, null, List.of(credentials), null);
    }

    /**
     * One key pair, {@code scp.auth.credentials[n].*}.
     *
     * @param accessKey The access key (Scp-Accesskey).
     * @param secretKey Its secret key, never logged or shown.
     * @param accountId The account (SCP project) id the key signs for, 32 lower-case hex
     *        characters; empty or absent means any.
     */
    public record Credential(
            String accessKey,
            String secretKey,
            String accountId) {

        /** Shows the access key and account id, never the secret key. */
        @Override
        public String toString() {
            return "Credential[accessKey=" + accessKey + ", secretKey=****"
                    + (accountId == null || accountId.isEmpty() ? "" : ", accountId=" + accountId) + "]";
        }
    }
}
