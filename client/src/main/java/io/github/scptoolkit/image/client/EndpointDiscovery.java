package io.github.scptoolkit.image.client;

import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import feign.FeignException;

import io.github.scptoolkit.image.client.generated.iam.EndpointsApi;
import io.github.scptoolkit.image.client.generated.model.Endpoint;
import io.github.scptoolkit.image.client.generated.model.EndpointList;
import io.github.scptoolkit.image.spec.ScpApi;

/**
 * Finds the service endpoint as SCP's own tools do: asks the endpoint catalog of the auth URL
 * (SCP IAM's {@code GET <auth-url>/endpoints}, the generated {@link EndpointsApi}, called with the
 * client's Feign setup: signed, same timeouts, retries and errors), keeps the entries whose
 * {@code service_type} is {@link ScpApi#SERVICE}, and takes the first by URL among those of the
 * requested region, else of the default region, else among all of them. Asked once: the first
 * success is kept for the life of the client (a failure is not, so a later call asks again).
 *
 * <pre>
 * EndpointDiscovery discovery = new EndpointDiscovery(authUrl, "kr-west1", null, url -&gt; feign.newInstance(...));
 * EndpointDiscovery.Found found = discovery.endpoint();   // url and region of the chosen entry
 * </pre>
 */
final class EndpointDiscovery {

    /** The chosen entry: its URL (normalized as endpoints are) and region. */
    record Found(String url, String region) {
    }

    private final String authUrl;
    private final String region;
    private final String defaultRegion;
    private final Function<String, EndpointsApi> catalogAt;
    private volatile Found found;

    /**
     * @param authUrl the normalized auth URL
     * @param region the requested region, or null
     * @param defaultRegion the default region, or null
     * @param catalogAt the generated catalog interface bound to an auth URL
     */
    EndpointDiscovery(String authUrl, String region, String defaultRegion, Function<String, EndpointsApi> catalogAt) {
        this.authUrl = Objects.requireNonNull(authUrl, "authUrl");
        this.region = blankToNull(region);
        this.defaultRegion = blankToNull(defaultRegion);
        this.catalogAt = Objects.requireNonNull(catalogAt, "catalogAt");
    }

    String authUrl() {
        return authUrl;
    }

    /** The region asked for, else the default region (what messages name before anything is found). */
    Optional<String> preferredRegion() {
        return Optional.ofNullable(region != null ? region : defaultRegion);
    }

    /** The endpoint; asks the catalog on the first call. */
    Found endpoint() {
        Found f = found;
        if (f == null) {
            synchronized (this) {
                f = found;
                if (f == null) {
                    f = discover();
                    found = f;
                }
            }
        }
        return f;
    }

    private Found discover() {
        EndpointList catalog;
        try {
            catalog = catalogAt.apply(authUrl).listEndpoints();
        } catch (FeignException | IllegalStateException failed) {
            throw new ScpEndpointDiscoveryException("cannot read the endpoint catalog " + where() + ": "
                    + failed.getMessage(), authUrl, region, defaultRegion, List.of(), failed);
        }
        return choose(catalog == null || catalog.getEndpoints() == null ? List.of() : catalog.getEndpoints());
    }

    /** The vendor's rule over the catalog's entries. */
    Found choose(List<Endpoint> entries) {
        List<Endpoint> candidates = entries.stream().filter(Objects::nonNull)
                .filter(e -> ScpApi.SERVICE.equals(e.getServiceType()) && e.getUrl() != null && !e.getUrl().isBlank())
                .toList();
        if (candidates.isEmpty()) {
            TreeSet<String> types = new TreeSet<>();
            entries.stream().filter(Objects::nonNull).map(Endpoint::getServiceType).filter(Objects::nonNull)
                    .forEach(types::add);
            throw new ScpEndpointDiscoveryException("the endpoint catalog " + where() + " has no endpoint of service type '"
                    + ScpApi.SERVICE + "'; service types found: " + (types.isEmpty() ? "none" : String.join(", ", types)),
                    authUrl, region, defaultRegion, List.copyOf(types), null);
        }
        List<Endpoint> inRegion = inRegion(candidates, region);
        if (inRegion.isEmpty()) {
            inRegion = inRegion(candidates, defaultRegion);
        }
        boolean fellBack = inRegion.isEmpty();
        Endpoint chosen = (fellBack ? candidates : inRegion).stream()
                .min(Comparator.comparing(Endpoint::getUrl)).orElseThrow();
        String url;
        try {
            url = ScpImageClient.normalizeEndpoint(chosen.getUrl().trim());
        } catch (IllegalArgumentException notAUrl) {
            throw new ScpEndpointDiscoveryException("the endpoint catalog " + where() + " gives " + ScpApi.SERVICE
                    + " in region " + chosen.getRegion() + " a url that is not an absolute http(s) URL",
                    authUrl, region, defaultRegion, List.of(ScpApi.SERVICE), null);
        }
        if (fellBack && preferredRegion().isPresent()) {
            DeprecationWarning.LOG.log(Level.WARNING, "the endpoint catalog " + where() + " has no " + ScpApi.SERVICE
                    + " endpoint in that region; using " + url + " (region " + chosen.getRegion() + ")");
        }
        return new Found(url, chosen.getRegion());
    }

    private static List<Endpoint> inRegion(List<Endpoint> candidates, String region) {
        return region == null ? List.of() : candidates.stream().filter(e -> region.equals(e.getRegion())).toList();
    }

    /** {@code at <auth-url> (region r, default region d)}. */
    String where() {
        return "at " + authUrl + " (" + (region == null ? "no region" : "region " + region)
                + (defaultRegion == null ? ", no default region" : ", default region " + defaultRegion) + ")";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
