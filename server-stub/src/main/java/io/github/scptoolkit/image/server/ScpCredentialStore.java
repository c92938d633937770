package io.github.scptoolkit.image.server;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the signature check looks up an access key's secret key and account (project) id.
 * Provide your own as a bean (a database, a secrets manager); without one,
 * {@link InMemoryScpCredentialStore} is built from the {@code scp.auth.credentials[n].*} properties.
 *
 * <pre>
 * &#64;Bean
 * ScpCredentialStore credentials(KeyRepository keys) {
 *     return accessKey -&gt; keys.find(accessKey)
 *             .map(k -&gt; new ScpCredentialStore.Credential(k.accessKey(), k.secretKey(), k.projectId()));
 * }
 * </pre>
 */
@FunctionalInterface
public interface ScpCredentialStore {

    /** The credential of {@code accessKey}, or empty when the key is unknown (or disabled). */
    Optional<Credential> find(String accessKey);

    /**
     * An access key, its secret key and the account (project) id it belongs to (null when it may
     * sign for any account). An account id is what {@code Scp-AccountId} may carry: 32 lower-case
     * hex characters (an SCP project id). {@link #toString()} never shows the secret key.
     */
    final class Credential {
        private final String accessKey;
        private final String secretKey;
        private final String accountId;

        /**
         * @param accountId the key's account (project) id, or null
         * @throws IllegalArgumentException for an empty key, or an account id that is not 32
         *         lower-case hex characters (the message never shows the secret key)
         */
        public Credential(String accessKey, String secretKey, String accountId) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            this.accountId = accountId == null || accountId.isEmpty() ? null : accountId;
            if (accessKey.isBlank() || secretKey.isEmpty()) {
                throw new IllegalArgumentException("access key and secret key must not be empty (access key '"
                        + accessKey + "')");
            }
            if (this.accountId != null && !ScpSignatureVerifier.isValidAccountId(this.accountId)) {
                throw new IllegalArgumentException("the account id of access key '" + accessKey + "' must be "
                        + ScpSignatureVerifier.ACCOUNT_ID_LENGTH + " lower-case hexadecimal characters (an SCP project id)");
            }
        }

        /** The access key. */
        public String accessKey() {
            return accessKey;
        }

        /** The secret key. */
        public String secretKey() {
            return secretKey;
        }

        /** The account (project) id the key belongs to, if it is bound to one. */
        public Optional<String> accountId() {
            return Optional.ofNullable(accountId);
        }

        @Override
        public String toString() {
            return "Credential[accessKey=" + accessKey + ", secretKey=****"
                    + (accountId == null ? "" : ", accountId=" + accountId) + "]";
        }
    }
}
