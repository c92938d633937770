package io.github.scptoolkit.image.client;

import java.util.List;
import java.util.Optional;

/**
 * The client could not find its service endpoint in the endpoint catalog of its auth URL
 * ({@code GET <auth-url>/endpoints}): the call failed (the cause is the client's usual exception:
 * a {@code RetryableException} when no answer came, a {@link ScpProblemException} such as
 * {@link ScpUnauthorizedException} for a refusal, a {@code DecodeException} for a body that is not
 * a catalog), or the catalog has no entry of the service's type. The message names the auth URL,
 * the regions asked for and the service types the catalog has.
 *
 * <pre>
 * try {
 *     client.showImage(id);
 * } catch (ScpEndpointDiscoveryException e) {
 *     log.error("check auth-url {} (service types found: {})", e.authUrl(), e.serviceTypes(), e);
 * }
 * </pre>
 */
public class ScpEndpointDiscoveryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String authUrl;
    private final String region;
    private final String defaultRegion;
    private final List<String> serviceTypes;

    ScpEndpointDiscoveryException(String message, String authUrl, String region, String defaultRegion,
            List<String> serviceTypes, Throwable cause) {
        super(message, cause);
        this.authUrl = authUrl;
        this.region = region;
        this.defaultRegion = defaultRegion;
        this.serviceTypes = List.copyOf(serviceTypes);
    }

    /** The auth URL whose catalog was asked. */
    public String authUrl() {
        return authUrl;
    }

    /** The region asked for, if any. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The default region, if any. */
    public Optional<String> defaultRegion() {
        return Optional.ofNullable(defaultRegion);
    }

    /** The service types the catalog lists (sorted); empty when the catalog could not be read. */
    public List<String> serviceTypes() {
        return serviceTypes;
    }
}
