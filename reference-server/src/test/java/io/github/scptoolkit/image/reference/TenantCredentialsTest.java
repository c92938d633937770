package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.server.ScpCredentialStore;

/** The tenants are the signature filter's credentials: each key bound to its project; bad lists stop start-up. */
class TenantCredentialsTest {

    static final String PROJECT_A = "a8f10467abfc4b87b64614ab36eb9ae4";
    static final String PROJECT_B = "3c9d2e71b5a84f0e9d6c1a2b7e4f8d05";

    static EmulatorProperties.Tenant tenant(String key, String secret, String project) {
        EmulatorProperties.Tenant t = new EmulatorProperties.Tenant();
        t.setAccessKey(key);
        t.setSecretKey(secret);
        t.setProjectId(project);
        t.setActions(Set.of("virtualserver:ShowImage"));
        return t;
    }

    static EmulatorProperties emulator(EmulatorProperties.Tenant... tenants) {
        EmulatorProperties p = new EmulatorProperties();
        p.setTenants(List.of(tenants));
        return p;
    }

    @Test
    void eachTenantKeyIsACredentialBoundToItsProject() {
        ScpCredentialStore store = new TenantCredentials().emulatorTenantCredentials(
                emulator(tenant("test", "test", PROJECT_A), tenant("test-b", "test-b", PROJECT_B)));

        assertThat(store.find("test")).hasValueSatisfying(c -> {
            assertThat(c.secretKey()).isEqualTo("test");
            assertThat(c.accountId()).contains(PROJECT_A);
        });
        assertThat(store.find("test-b").flatMap(ScpCredentialStore.Credential::accountId)).contains(PROJECT_B);
        assertThat(store.find("anyone")).isEmpty();
    }

    @Test
    void theAnonymousTenantDefaultsToTheFirstAndMustExist() {
        EmulatorProperties twoTenants = emulator(tenant("test", "test", PROJECT_A), tenant("test-b", "test-b", PROJECT_B));
        assertThat(twoTenants.anonymousTenantKey()).contains("test");

        twoTenants.setAnonymousAccessKey("test-b");
        assertThat(twoTenants.anonymousTenantKey()).contains("test-b");

        twoTenants.setAnonymousAccessKey("nobody");
        assertThatThrownBy(() -> new TenantCredentials().emulatorTenantCredentials(twoTenants))
                .hasMessageContaining("scp.emulator.anonymous-access-key 'nobody' is not a configured tenant");
    }

    @Test
    void incompleteOrDuplicateTenantsStopStartUpWithoutShowingSecrets() {
        TenantCredentials config = new TenantCredentials();

        assertThatThrownBy(() -> config.emulatorTenantCredentials(emulator()))
                .hasMessageContaining("no tenant is configured");
        assertThatThrownBy(() -> config.emulatorTenantCredentials(emulator(tenant("k", "s3cr3t", null))))
                .hasMessage("scp.emulator.tenants[0].project-id is required");
        assertThatThrownBy(() -> config.emulatorTenantCredentials(emulator(tenant("k", "s", PROJECT_A), tenant("k2", null, PROJECT_A))))
                .hasMessage("scp.emulator.tenants[1].secret-key is required");
        assertThatThrownBy(() -> config.emulatorTenantCredentials(emulator(tenant("k", "s3cr3t", PROJECT_A), tenant("k", "other", PROJECT_B))))
                .hasMessageContaining("'k' is configured twice").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aProjectIdThatCannotBeAnAccountIdStopsStartUpWithoutShowingTheSecret() {
        assertThatThrownBy(() -> new TenantCredentials().emulatorTenantCredentials(
                emulator(tenant("test", "test", PROJECT_A), tenant("k", "s3cr3t", "project-b"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("scp.emulator.tenants[1].project-id: ")
                .hasMessageContaining("32 lower-case hexadecimal").hasMessageNotContaining("s3cr3t");
    }
}
