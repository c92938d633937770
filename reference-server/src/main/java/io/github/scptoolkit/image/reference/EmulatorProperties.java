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
 * {@code application.properties}. They are also the signature filter's only credentials (see
 * {@link TenantCredentials}): each key signs for its own project.
 *
 * <pre>
 * scp.emulator.tenants[0].access-key=test
 * scp.emulator.tenants[0].secret-key=test
 * scp.emulator.tenants[0].project-id=a8f10467abfc4b87b64614ab36eb9ae4
 * scp.emulator.tenants[0].actions=virtualserver:ShowImage
 * scp.emulator.tenants[0].demo=true        # a documented demo key pair: the /docs console offers it
 * scp.emulator.anonymous-access-key=test    # only with scp.auth.enabled=false; default: the first tenant
 * </pre>
 */
@ConfigurationProperties("scp.emulator")
public class EmulatorProperties {

    private List<Tenant> tenants = new ArrayList<>();

    private String anonymousAccessKey;

    private final Endpoints endpoints = new Endpoints();

    /** The endpoint catalog the emulator serves at its auth URL ({@code scp.emulator.endpoints.*}). */
    public Endpoints getEndpoints() {
        return endpoints;
    }

    /** The configured tenants, in order. */
    public List<Tenant> getTenants() {
        return tenants;
    }

    public void setTenants(List<Tenant> tenants) {
        this.tenants = tenants;
    }

    /**
     * Access key of the tenant every request acts as when signature checks are off
     * ({@code scp.auth.enabled=false}, e.g. for plain curl): there is no verified caller then.
     * Unset means the first tenant. Never used while signatures are checked.
     */
    public String getAnonymousAccessKey() {
        return anonymousAccessKey;
    }

    public void setAnonymousAccessKey(String anonymousAccessKey) {
        this.anonymousAccessKey = anonymousAccessKey;
    }

    /** The access key unsigned requests act as with checks off: {@link #getAnonymousAccessKey()}, else the first tenant's. */
    public Optional<String> anonymousTenantKey() {
        if (anonymousAccessKey != null && !anonymousAccessKey.isBlank()) {
            return Optional.of(anonymousAccessKey);
        }
        return tenants.stream().map(Tenant::getAccessKey).findFirst();
    }

    /** The tenant with {@code accessKey}, if configured. */
    public Optional<Tenant> tenant(String accessKey) {
        return tenants.stream().filter(t -> t.getAccessKey() != null && t.getAccessKey().equals(accessKey)).findFirst();
    }

    /**
     * The emulator's endpoint catalog: its own entry (this service in {@link #getRegion()}, at
     * {@link #getUrl()}, by default the emulator's own URL from {@code server.address} and its port)
     * and any {@link #getAdditional()} entries (other regions or services, to emulate a larger
     * catalog).
     *
     * <pre>
     * scp.emulator.endpoints.region=kr-west1
     * scp.emulator.endpoints.url=http://127.0.0.1:8080        # default: the emulator's own URL
     * scp.emulator.endpoints.additional[0].region=kr-east1
     * scp.emulator.endpoints.additional[0].service-type=virtualserver
     * scp.emulator.endpoints.additional[0].url=http://127.0.0.1:9090
     * </pre>
     */
    public static class Endpoints {
        private String region = "kr-west1";
        private String url;
        private List<Entry> additional = new ArrayList<>();

        /** The region of the emulator's own entry (default {@code kr-west1}). */
        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        /** The URL of the emulator's own entry; unset means the emulator's own URL. */
        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        /** More entries, after the emulator's own. */
        public List<Entry> getAdditional() {
            return additional;
        }

        public void setAdditional(List<Entry> additional) {
            this.additional = additional;
        }
    }

    /** One more entry of the catalog; the service name defaults to the service type. */
    public static class Entry {
        private String region;
        private String serviceType;
        private String serviceName;
        private String url;

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public String getServiceType() {
            return serviceType;
        }

        public void setServiceType(String serviceType) {
            this.serviceType = serviceType;
        }

        public String getServiceName() {
            return serviceName;
        }

        public void setServiceName(String serviceName) {
            this.serviceName = serviceName;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }

    /** One tenant: a key pair acting for one project with a set of allowed actions. */
    public static class Tenant {
        private String accessKey;
        private String secretKey;
        private String projectId;
        private Set<String> actions = new LinkedHashSet<>();
        private boolean demo;

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

        /**
         * Whether this is a documented demo tenant, whose keys are public: the API console at
         * {@code /docs} offers its key pair to anyone who opens the page. Off unless set, so a
         * tenant list of your own never reaches the page.
         */
        public boolean isDemo() {
            return demo;
        }

        public void setDemo(boolean demo) {
            this.demo = demo;
        }

        /** Whether this key may perform {@code action}. */
        public boolean allows(String action) {
            return actions.contains(action);
        }

        @Override
        public String toString() {
            return "Tenant[accessKey=" + accessKey + ", projectId=" + projectId + ", actions=" + actions
                    + (demo ? ", demo" : "") + ", secretKey=***]";
        }
    }
}
