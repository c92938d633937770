package io.github.scptoolkit.image.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * <b>Internal: the hooks of the test kit</b> ({@code scp-image-testkit}), which runs this emulator
 * inside a test and changes its state between tests. Not an API for applications: nothing in the
 * emulator calls it and no endpoint exposes it, so a running emulator is changed only by code in
 * its own JVM. What the kit relies on, and nothing more:
 * <ul>
 * <li>{@link #putImage}: add or replace a catalog entry, validated against the spec as a catalog
 * file's entries are;</li>
 * <li>{@link #putTenant}: add or replace a tenant (a key pair, its project and actions), which the
 * signature check accepts at once;</li>
 * <li>{@link #reset}: back to the catalog and tenants the emulator started with;</li>
 * <li>{@link #demoTenant}, {@link #seedImageJson}, {@link #bundledResource}: the bundled demo
 * tenant, seed image and configuration;</li>
 * <li>{@link #authUrl}, {@link #region}: where SCP's tools find this emulator (its endpoint
 * catalog), as its banner prints them.</li>
 * </ul>
 * The kit moves the service's date with the stub's {@code scpVersionsClock} bean and serves retired
 * versions with the {@code scp.versions.serve-retired} property (read per request).
 *
 * <pre>
 * EmulatorControl control = EmulatorControl.of(context);
 * control.putImage("{\"id\": \"my-image\", ...}", List.of());
 * control.reset();
 * </pre>
 */
@Component
public final class EmulatorControl {

    /** The bundled catalog, in the reference-server jar. */
    static final String CATALOG = "catalog.json";

    private final ImageCatalog catalog;
    private final EmulatorTenants tenants;
    private final EmulatorProperties configured;
    private final JsonMapper mapper;
    private final EndpointCatalog endpoints;

    EmulatorControl(ImageCatalog catalog, EmulatorTenants tenants, EmulatorProperties configured, JsonMapper mapper,
            EndpointCatalog endpoints) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.configured = configured;
        this.mapper = mapper;
        this.endpoints = endpoints;
    }

    /** The URL SCP's tools take as {@code auth-url} for this emulator: its endpoint catalog's base. */
    public String authUrl() {
        return endpoints.authUrl();
    }

    /** The region of the emulator's own entry in its endpoint catalog ({@code default-region}). */
    public String region() {
        return endpoints.region();
    }

    /** The control of the emulator running in {@code context}. */
    public static EmulatorControl of(ApplicationContext context) {
        return context.getBean(EmulatorControl.class);
    }

    /**
     * Adds an image, or replaces the one with its id, for the requests that follow.
     *
     * @param imageJson a Show Image body with the fields of any version of the spec (the catalog
     *        file's {@code image})
     * @param members the projects a {@code shared} image is shared with
     * @throws IllegalArgumentException naming every field that is not valid against the spec
     */
    public void putImage(String imageJson, Collection<String> members) {
        JsonNode image;
        try {
            image = mapper.readTree(Objects.requireNonNull(imageJson, "imageJson"));
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("The image is not JSON: " + e.getOriginalMessage(), e);
        }
        ObjectNode entry = mapper.createObjectNode();
        entry.set("image", image);
        entry.set("members", mapper.valueToTree(List.copyOf(members)));
        catalog.put(entry);
    }

    /**
     * Adds a tenant, or replaces the one with {@code accessKey}, for the requests that follow.
     *
     * @throws IllegalArgumentException for a blank key, secret or project id (never showing the secret)
     */
    public void putTenant(String accessKey, String secretKey, String projectId, Set<String> actions) {
        tenants.put(accessKey, secretKey, projectId, actions);
    }

    /** Back to the catalog and tenants the emulator started with. */
    public void reset() {
        catalog.reset();
        tenants.reset();
    }

    /** A copy of the first configured tenant: the demo key pair of the bundled configuration ({@code test}). */
    public EmulatorProperties.Tenant demoTenant() {
        EmulatorProperties.Tenant first = configured.getTenants().get(0);
        EmulatorProperties.Tenant copy = new EmulatorProperties.Tenant();
        copy.setAccessKey(first.getAccessKey());
        copy.setSecretKey(first.getSecretKey());
        copy.setProjectId(first.getProjectId());
        copy.setActions(Set.copyOf(first.getActions()));
        return copy;
    }

    /**
     * The seed image: the first image of the bundled catalog (the vendor's example image, owned by
     * the demo tenant's project), as JSON.
     */
    public static String seedImageJson() {
        try (InputStream in = bundledResource(CATALOG).openStream()) {
            JsonNode catalog = JsonMapper.shared().readTree(in);
            return JsonMapper.shared().writeValueAsString(catalog.get(0).get("image"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A resource of the reference server's own jar (or classes directory), e.g.
     * {@code application.properties} or {@code catalog.json}: never a resource of that name that
     * an application or a test puts earlier on the class path.
     *
     * @throws IllegalStateException when the reference server has no such resource
     */
    public static URL bundledResource(String name) {
        CodeSource source = EmulatorControl.class.getProtectionDomain().getCodeSource();
        try {
            Enumeration<URL> candidates = EmulatorControl.class.getClassLoader().getResources(name);
            String base = source == null ? null : source.getLocation().toURI().toString();
            URL first = null;
            while (candidates.hasMoreElements()) {
                URL url = candidates.nextElement();
                first = first == null ? url : first;
                String text = url.toURI().toString();
                if (base != null && (text.startsWith(base) || text.startsWith("jar:" + base))) {
                    return url;
                }
            }
            if (base == null && first != null) {
                return first;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the reference server has no resource " + name);
    }
}
