package io.github.scptoolkit.image.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The caller's SCP credentials as the CLI found them: options first, then the standard
 * environment variables {@code SCP_ACCESS_KEY}, {@code SCP_SECRET_KEY}, {@code SCP_ACCOUNT_ID}.
 * The secret key never appears in {@link #toString()}.
 */
final class Credentials {

    static final String ACCESS_KEY_ENV = "SCP_ACCESS_KEY";
    static final String SECRET_KEY_ENV = "SCP_SECRET_KEY";
    static final String ACCOUNT_ID_ENV = "SCP_ACCOUNT_ID";

    private final String accessKey;
    private final String secretKey;
    private final String accountId;

    private Credentials(String accessKey, String secretKey, String accountId) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.accountId = accountId;
    }

    /** Credentials from options (null when not given) or {@code env}; empty when neither key is set. */
    static Optional<Credentials> resolve(String accessKey, String secretKey, String accountId, Map<String, String> env) {
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
        return Optional.of(new Credentials(key, secret, account));
    }

    String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    @Override
    public String toString() {
        return "Credentials[accessKey=" + accessKey + ", accountId=" + accountId + ", secretKey=***]";
    }
}
