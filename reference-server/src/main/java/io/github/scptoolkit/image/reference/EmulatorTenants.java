package io.github.scptoolkit.image.reference;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.github.scptoolkit.image.server.ScpCredentialStore;

/**
 * The tenants requests act as: the configured ones ({@link EmulatorProperties}) and those the test
 * kit adds or replaces while the emulator runs ({@link #put}; {@link #reset} drops them between
 * tests). A tenant put with a configured access key replaces that tenant (its secret key, project
 * and actions). The signature check sees the same list ({@link #credentials}).
 *
 * <pre>
 * tenants.tenant("test").map(EmulatorProperties.Tenant::getProjectId);   // Optional[a8f10467...]
 * </pre>
 */
@Component
class EmulatorTenants {

    private final EmulatorProperties configured;
    private final Map<String, EmulatorProperties.Tenant> added = new ConcurrentHashMap<>();

    EmulatorTenants(EmulatorProperties configured) {
        this.configured = configured;
    }

    /** The tenant with {@code accessKey}: an added one first, else a configured one. */
    Optional<EmulatorProperties.Tenant> tenant(String accessKey) {
        if (accessKey == null) {
            return Optional.empty();
        }
        EmulatorProperties.Tenant tenant = added.get(accessKey);
        return tenant != null ? Optional.of(tenant) : configured.tenant(accessKey);
    }

    /** See {@link EmulatorProperties#anonymousTenantKey()}. */
    Optional<String> anonymousTenantKey() {
        return configured.anonymousTenantKey();
    }

    /**
     * Adds a tenant, or replaces the one with its access key.
     *
     * @throws IllegalArgumentException for a blank key, secret or project id, or a project id the
     *         signature check refuses as an account id (the message never shows the secret key)
     */
    void put(String accessKey, String secretKey, String projectId, Set<String> actions) {
        // The credential's own checks: what the signature check would refuse, refused now.
        new ScpCredentialStore.Credential(accessKey, secretKey, require(projectId, "projectId"));
        EmulatorProperties.Tenant tenant = new EmulatorProperties.Tenant();
        tenant.setAccessKey(accessKey);
        tenant.setSecretKey(secretKey);
        tenant.setProjectId(projectId);
        tenant.setActions(Set.copyOf(Objects.requireNonNull(actions, "actions")));
        added.put(accessKey, tenant);
    }

    /** Drops the tenants {@link #put} added: back to the configured ones. */
    void reset() {
        added.clear();
    }

    /**
     * The credentials of every tenant: an added tenant's key pair first, else {@code configured}
     * (the configured tenants' store, checked at start-up), each key bound to its project.
     */
    ScpCredentialStore credentials(ScpCredentialStore configuredCredentials) {
        return accessKey -> {
            EmulatorProperties.Tenant tenant = accessKey == null ? null : added.get(accessKey);
            return tenant != null
                    ? Optional.of(new ScpCredentialStore.Credential(tenant.getAccessKey(), tenant.getSecretKey(),
                            tenant.getProjectId()))
                    : configuredCredentials.find(accessKey);
        };
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
