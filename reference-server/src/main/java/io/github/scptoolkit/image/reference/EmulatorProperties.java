package io.github.scptoolkit.image.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The emulator's tenants: who may call it (access key, secret key), for which project, with
 * which actions. Configured under {@code scp.emulator}; the bundled demo tenants are in
 * {@code application.properties}.
 *
 * <pre>
 * scp.emulator.tenants[0].access-key=scp-demo-access-key
 * scp.emulator.tenants[0].secret-key=scp-demo-secret-key
 * scp.emulator.tenants[0].project-id=a8f10467abfc4b87b64614ab36eb9ae4
 * scp.emulator.tenants[0].actions=virtualserver:ShowImage
 * </pre>
 */
@ConfigurationProperties("scp.emulator")
public class EmulatorProperties {

    private List<Tenant> tenants = new ArrayList<>();

    // TODO(merge-signing): only used while no signature filter sets the caller's identity; once
    // signing is wired in, an unsigned request never reaches the controller and this goes away.
    private String anonymousAccessKey = "scp-demo-access-key";

    /** The configured tenants, in order. */
    public List<Tenant> getTenants() {
        return tenants;
    }

    public void setTenants(List<Tenant> tenants) {
        this.tenants = tenants;
    }

    /** Access key of the tenant a request without a verified identity acts as (temporary, see TODO). */
    public String getAnonymousAccessKey() {
        return anonymousAccessKey;
    }

    public void setAnonymousAccessKey(String anonymousAccessKey) {
        this.anonymousAccessKey = anonymousAccessKey;
    }

    /** The tenant with {@code accessKey}, if configured. */
    public Optional<Tenant> tenant(String accessKey) {
        return tenants.stream().filter(t -> t.getAccessKey() != null && t.getAccessKey().equals(accessKey)).findFirst();
    }

    /** One tenant: a key pair acting for one project with a set of allowed actions. */
    public static class Tenant {
        private String accessKey;
        private String secretKey;
        private String projectId;
        private Set<String> actions = new LinkedHashSet<>();

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        /** The secret key; never logged, never in {@link #toString()}. */
        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public String getProjectId() {
            return projectId;
        }

        public void setProjectId(String projectId) {
            this.projectId = projectId;
        }

        /** Actions this key may perform, e.g. {@code virtualserver:ShowImage}. */
        public Set<String> getActions() {
            return actions;
        }

        public void setActions(Set<String> actions) {
            this.actions = actions;
        }

        /** Whether this key may perform {@code action}. */
        public boolean allows(String action) {
            return actions.contains(action);
        }

        @Override
        public String toString() {
            return "Tenant[accessKey=" + accessKey + ", projectId=" + projectId + ", actions=" + actions
                    + ", secretKey=***]";
        }
    }
}
