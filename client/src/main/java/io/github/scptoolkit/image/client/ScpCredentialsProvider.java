package io.github.scptoolkit.image.client;

import java.util.Map;
import java.util.Objects;

/**
 * Supplies the credentials that sign each request; asked once per attempt, so an implementation
 * may rotate keys. Out of the box: fixed credentials, or the environment variables
 * {@code SCP_ACCESS_KEY}, {@code SCP_SECRET_KEY} and (optional) {@code SCP_ACCOUNT_ID}.
 *
 * <pre>
 * ScpCredentialsProvider fixed = ScpCredentialsProvider.of(ScpCredentials.of("my-access-key", "my-secret-key"));
 * ScpCredentialsProvider env = ScpCredentialsProvider.environment();
 * </pre>
 */
@FunctionalInterface
public interface ScpCredentialsProvider {

    /** Environment variable with the access key. */
    String ACCESS_KEY_VARIABLE = "SCP_ACCESS_KEY";
    /** Environment variable with the secret key. */
    String SECRET_KEY_VARIABLE = "SCP_SECRET_KEY";
    /** Environment variable with the account id (optional). */
    String ACCOUNT_ID_VARIABLE = "SCP_ACCOUNT_ID";

    /**
     * The credentials to sign the next request with.
     *
     * @throws IllegalStateException when none are available (the request is then not sent)
     */
    ScpCredentials credentials();

    /** Always {@code credentials}. */
    static ScpCredentialsProvider of(ScpCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new ScpCredentialsProvider() {
            @Override
            public ScpCredentials credentials() {
                return credentials;
            }

            @Override
            public String toString() {
                return "ScpCredentialsProvider.of(" + credentials + ")";
            }
        };
    }

    /** Reads {@code SCP_ACCESS_KEY}, {@code SCP_SECRET_KEY} and {@code SCP_ACCOUNT_ID} on each request. */
    static ScpCredentialsProvider environment() {
        return fromVariables(System.getenv());
    }

    /** Like {@link #environment()}, over the given variables (for tests and other sources). */
    static ScpCredentialsProvider fromVariables(Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        return new ScpCredentialsProvider() {
            @Override
            public ScpCredentials credentials() {
                String accessKey = variables.get(ACCESS_KEY_VARIABLE);
                String secretKey = variables.get(SECRET_KEY_VARIABLE);
                if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isEmpty()) {
                    throw new IllegalStateException("No SCP credentials: set the environment variables "
                            + ACCESS_KEY_VARIABLE + " and " + SECRET_KEY_VARIABLE
                            + " or configure ScpImageClient.builder().credentials(...)");
                }
                return ScpCredentials.of(accessKey, secretKey, variables.get(ACCOUNT_ID_VARIABLE));
            }

            @Override
            public String toString() {
                return "ScpCredentialsProvider.environment()";
            }
        };
    }
}
