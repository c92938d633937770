package io.github.scptoolkit.image.client;

import java.util.Objects;

/**
 * An SCP access key, its secret key and an optional account (project) id. {@link #toString()}
 * never shows the secret key. An account id is 32 lower-case hex characters, as SCP project ids
 * are (and as servers require: the string to sign concatenates the account id and the client
 * type without a separator, so servers accept no other spelling); anything else is refused here,
 * before a request is ever signed.
 *
 * <pre>
 * ScpCredentials credentials = ScpCredentials.of("my-access-key", "my-secret-key");
 * ScpCredentials forAccount = ScpCredentials.of("my-access-key", "my-secret-key", "a8f10467abfc4b87b64614ab36eb9ae4");
 * </pre>
 */
public final class ScpCredentials {

    private final String accessKey;
    private final String secretKey;
    private final String accountId;

    private ScpCredentials(String accessKey, String secretKey, String accountId) {
        this.accessKey = requireHeaderValue(accessKey, "accessKey");
        this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey must not be empty");
        }
        this.accountId = accountId == null ? "" : requireAccountId(accountId);
    }

    /** Credentials without an account id. */
    public static ScpCredentials of(String accessKey, String secretKey) {
        return new ScpCredentials(accessKey, secretKey, null);
    }

    /**
     * Credentials signing for {@code accountId} (sent as {@code Scp-AccountId}); null or empty means none.
     *
     * @throws IllegalArgumentException when the account id is not 32 lower-case hex characters (the
     *         message shows neither key nor the value)
     */
    public static ScpCredentials of(String accessKey, String secretKey, String accountId) {
        return new ScpCredentials(accessKey, secretKey, accountId);
    }

    /** The access key, sent as {@code Scp-Accesskey}. */
    public String accessKey() {
        return accessKey;
    }

    /** The secret key; only ever used to compute signatures, never sent. */
    public String secretKey() {
        return secretKey;
    }

    /** The account id, or {@code ""} when none (then no {@code Scp-AccountId} header is sent). */
    public String accountId() {
        return accountId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScpCredentials c && accessKey.equals(c.accessKey) && secretKey.equals(c.secretKey)
                && accountId.equals(c.accountId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, secretKey, accountId);
    }

    /** Shows the access key and account id; the secret key is always masked. */
    @Override
    public String toString() {
        return "ScpCredentials[accessKey=" + accessKey + ", secretKey=****"
                + (accountId.isEmpty() ? "" : ", accountId=" + accountId) + "]";
    }

    /** Length of an account (SCP project) id. */
    static final int ACCOUNT_ID_LENGTH = 32;

    private static String requireAccountId(String accountId) {
        if (accountId.isEmpty()) {
            return accountId;
        }
        boolean valid = accountId.length() == ACCOUNT_ID_LENGTH;
        for (int i = 0; valid && i < accountId.length(); i++) {
            char c = accountId.charAt(i);
            valid = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!valid) {
            throw new IllegalArgumentException("accountId must be " + ACCOUNT_ID_LENGTH
                    + " lower-case hexadecimal characters (an SCP project id), or empty for none");
        }
        return accountId;
    }

    private static String requireHeaderValue(String value, String name) {
        return requireHeaderValue(value, name, false);
    }

    private static String requireHeaderValue(String value, String name, boolean mayBeEmpty) {
        Objects.requireNonNull(value, name);
        if (!mayBeEmpty && value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(name + " must not contain control characters");
            }
        }
        return value;
    }
}
