package io.github.scptoolkit.image.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed set of credentials, by default those of the properties ({@link ScpAuthProperties}):
 * <pre>
 * scp.auth.credentials[0].access-key=test
 * scp.auth.credentials[0].secret-key=test
 * scp.auth.credentials[0].account-id=a8f10467abfc4b87b64614ab36eb9ae4
 * </pre>
 * ({@code account-id} is optional) or built in code:
 * <pre>
 * ScpCredentialStore store = InMemoryScpCredentialStore.of(
 *         new ScpCredentialStore.Credential("test", "test", "a8f10467abfc4b87b64614ab36eb9ae4"));
 * </pre>
 */
public final class InMemoryScpCredentialStore implements ScpCredentialStore {

    /** Prefix of the indexed credential properties. */
    public static final String PROPERTY_PREFIX = "scp.auth.credentials";

    private final Map<String, Credential> byAccessKey;

    private InMemoryScpCredentialStore(List<Credential> credentials) {
        Map<String, Credential> map = new LinkedHashMap<>();
        for (Credential c : credentials) {
            if (map.put(c.accessKey(), c) != null) {
                throw new IllegalArgumentException("access key '" + c.accessKey() + "' is configured twice");
            }
        }
        this.byAccessKey = Map.copyOf(map);
    }

    /** A store holding exactly {@code credentials}. */
    public static InMemoryScpCredentialStore of(Credential... credentials) {
        return new InMemoryScpCredentialStore(List.of(credentials));
    }

    /**
     * The credentials of {@code scp.auth.credentials} ({@link ScpAuthProperties#credentials()}).
     *
     * @throws ScpConfigurationException for a credential without access or secret key, with an
     *         account id that is not 32 lower-case hex characters, or an access key given twice
     *         (the message names the entry, never its secret key)
     */
    public static InMemoryScpCredentialStore fromProperties(ScpAuthProperties properties) {
        List<Credential> credentials = new ArrayList<>();
        List<ScpAuthProperties.Credential> configured = properties.credentials();
        for (int i = 0; i < configured.size(); i++) {
            ScpAuthProperties.Credential c = configured.get(i);
            String property = PROPERTY_PREFIX + "[" + i + "]";
            if (c.accessKey() == null || c.accessKey().isBlank() || c.secretKey() == null || c.secretKey().isEmpty()) {
                throw new ScpConfigurationException(property, property + " needs both access-key and secret-key.",
                        "Set " + property + ".access-key and " + property + ".secret-key.");
            }
            try {
                credentials.add(new Credential(c.accessKey(), c.secretKey(), c.accountId()));
            } catch (IllegalArgumentException invalid) {
                throw new ScpConfigurationException(property, property + ": " + invalid.getMessage() + ".",
                        "Set " + property + ".account-id to the key's SCP project id, or remove it.");
            }
        }
        try {
            return new InMemoryScpCredentialStore(credentials);
        } catch (IllegalArgumentException twice) {
            throw new ScpConfigurationException(PROPERTY_PREFIX, PROPERTY_PREFIX + ": " + twice.getMessage() + ".",
                    "Give each access key once.");
        }
    }

    @Override
    public Optional<Credential> find(String accessKey) {
        return Optional.ofNullable(byAccessKey.get(accessKey));
    }

    /** Whether no credential is configured. */
    public boolean isEmpty() {
        return byAccessKey.isEmpty();
    }

    @Override
    public String toString() {
        return "InMemoryScpCredentialStore" + byAccessKey.keySet();
    }
}
