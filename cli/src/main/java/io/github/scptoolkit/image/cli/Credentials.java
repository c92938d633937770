package io.github.scptoolkit.image.cli;

import java.util.Map;
import java.util.Optional;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpCredentialsProvider;

/**
 * Finds the caller's SCP credentials: options first, then the standard environment variables
 * {@code SCP_ACCESS_KEY}, {@code SCP_SECRET_KEY}, {@code SCP_ACCOUNT_ID} (the client's own names).
 * Messages never show a key.
 *
 * <pre>
 * Optional&lt;ScpCredentials&gt; c = Credentials.resolve(null, null, null, System.getenv());
 * </pre>
 */
final class Credentials {

    static final String ACCESS_KEY_ENV = ScpCredentialsProvider.ACCESS_KEY_VARIABLE;
    static final String SECRET_KEY_ENV = ScpCredentialsProvider.SECRET_KEY_VARIABLE;
    static final String ACCOUNT_ID_ENV = ScpCredentialsProvider.ACCOUNT_ID_VARIABLE;

    private Credentials() {
    }

    /**
     * Credentials from options (null when not given) or {@code env}; empty when neither key is set.
     *
     * @throws IllegalArgumentException when only one of the access key and the secret key is set
     */
    static Optional<ScpCredentials> resolve(String accessKey, String secretKey, String accountId, Map<String, String> env) {
        String key = firstNonBlank(accessKey, env.get(ACCESS_KEY_ENV));
        String secret = firstNonBlank(secretKey, env.get(SECRET_KEY_ENV));
        String account = firstNonBlank(accountId, env.get(ACCOUNT_ID_ENV));
        if (key == null && secret == null) {
            return Optional.empty();
        }
        if (key == null || secret == null) {
            throw new IllegalArgumentException("give both an access key and a secret key (--access-key/--secret-key or "
                    + ACCESS_KEY_ENV + "/" + SECRET_KEY_ENV + "), or neither");
        }
        return Optional.of(ScpCredentials.of(key, secret, account));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
