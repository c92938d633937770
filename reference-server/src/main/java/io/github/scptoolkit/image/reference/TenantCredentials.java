package io.github.scptoolkit.image.reference;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.scptoolkit.image.server.InMemoryScpCredentialStore;
import io.github.scptoolkit.image.server.ScpCredentialStore;

/**
 * One list of keys: the emulator's tenants are the signature filter's credential store. Each
 * tenant's key is bound to its project (the project id is the key's account id), so it signs for
 * that project only ({@code Scp-AccountId} absent or equal to it) and {@code ScpCaller.accountId()}
 * is the tenant's project. Every other key is refused with a 401 by the stub's filter.
 *
 * <pre>
 * scp.emulator.tenants[0].access-key=test          # -> Credential("test", "test", "a8f10467...")
 * scp.emulator.tenants[0].secret-key=test
 * scp.emulator.tenants[0].project-id=a8f10467abfc4b87b64614ab36eb9ae4
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
class TenantCredentials {

    /** The credentials of the configured tenants and of those the test kit adds ({@link EmulatorTenants}). */
    @Bean
    ScpCredentialStore emulatorCredentials(EmulatorProperties emulator, EmulatorTenants tenants) {
        return tenants.credentials(emulatorTenantCredentials(emulator));
    }

    /**
     * Refuses, at start-up, no tenants at all, a tenant without access key, secret key or project id,
     * a project id that is not 32 lower-case hex characters, and a duplicate key.
     */
    ScpCredentialStore emulatorTenantCredentials(EmulatorProperties emulator) {
        List<ScpCredentialStore.Credential> credentials = new ArrayList<>();
        List<EmulatorProperties.Tenant> tenants = emulator.getTenants();
        if (tenants.isEmpty()) {
            throw new IllegalStateException("no tenant is configured: set scp.emulator.tenants[0].access-key, "
                    + ".secret-key, .project-id and .actions");
        }
        for (int i = 0; i < tenants.size(); i++) {
            EmulatorProperties.Tenant t = tenants.get(i);
            String prefix = "scp.emulator.tenants[" + i + "].";
            require(t.getAccessKey(), prefix + "access-key");
            require(t.getSecretKey(), prefix + "secret-key");
            require(t.getProjectId(), prefix + "project-id");
            try {
                credentials.add(new ScpCredentialStore.Credential(t.getAccessKey(), t.getSecretKey(), t.getProjectId()));
            } catch (IllegalArgumentException notAProjectId) {
                // The project id is the key's account id: 32 lower-case hex characters, as Scp-AccountId carries it.
                throw new IllegalStateException(prefix + "project-id: " + notAProjectId.getMessage(), notAProjectId);
            }
        }
        emulator.anonymousTenantKey().filter(key -> emulator.tenant(key).isEmpty()).ifPresent(key -> {
            throw new IllegalStateException("scp.emulator.anonymous-access-key '" + key + "' is not a configured tenant");
        });
        return InMemoryScpCredentialStore.of(credentials.toArray(ScpCredentialStore.Credential[]::new));
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is required");
        }
    }
}
