package io.github.scptoolkit.image.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.PropertyResolver;

/**
 * A fixed set of credentials, by default read from properties:
 * <pre>
 * scp.auth.credentials[0].access-key=test
 * scp.auth.credentials[0].secret-key=test
 * scp.auth.credentials[0].account-id=a8f10467abfc4b87b64614ab36eb9ae4   # optional
 * </pre>
 * or built in code:
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
     * Reads {@code scp.auth.credentials[0].access-key}, {@code .secret-key} and (optional)
     * {@code .account-id}, then index 1, 2, ... up to the first index without an access key.
     */
    public static InMemoryScpCredentialStore fromProperties(PropertyResolver properties) {
        List<Credential> credentials = new java.util.ArrayList<>();
        for (int i = 0; ; i++) {
            String prefix = PROPERTY_PREFIX + "[" + i + "].";
            String accessKey = properties.getProperty(prefix + "access-key");
            if (accessKey == null) {
                break;
            }
            String secretKey = properties.getProperty(prefix + "secret-key");
            if (secretKey == null || secretKey.isEmpty()) {
                throw new IllegalStateException(prefix + "secret-key is required (access key '" + accessKey + "')");
            }
            credentials.add(new Credential(accessKey, secretKey, properties.getProperty(prefix + "account-id")));
        }
        return new InMemoryScpCredentialStore(credentials);
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
