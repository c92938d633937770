package io.github.scptoolkit.image.reference;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;

import io.github.scptoolkit.image.reference.generated.iam.EndpointsApi;
import io.github.scptoolkit.image.reference.generated.iam.model.Endpoint;
import io.github.scptoolkit.image.spec.ScpApi;

/**
 * What the emulator's endpoint catalog lists and where SCP's tools find it. The emulator's own
 * entry is this service ({@link ScpApi#SERVICE}) in {@code scp.emulator.endpoints.region} at
 * {@code scp.emulator.endpoints.url}, by default the emulator's own base URL: built from the
 * configured {@code server.address} (loopback when unset or a wildcard), the port it listens on and
 * the context path, never from a request's {@code Host}. The auth URL is that base URL followed by
 * the catalog's base path from api-spec's {@code iam-endpoints.yaml}.
 *
 * <pre>
 * catalog.authUrl()    // http://127.0.0.1:8080/v1
 * catalog.entries()    // [{region: kr-west1, service_type: virtualserver, ..., url: http://127.0.0.1:8080}]
 * </pre>
 */
@Component
class EndpointCatalog {

    private final EmulatorProperties properties;
    private final Environment environment;

    EndpointCatalog(EmulatorProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The catalog's entries: the emulator's own, then the additional ones. */
    List<Endpoint> entries() {
        EmulatorProperties.Endpoints config = properties.getEndpoints();
        List<Endpoint> entries = new ArrayList<>();
        String own = config.getUrl() == null || config.getUrl().isBlank() ? baseUrl() : config.getUrl().trim();
        entries.add(new Endpoint().region(config.getRegion()).serviceType(ScpApi.SERVICE).serviceName(ScpApi.SERVICE)
                .url(own));
        for (EmulatorProperties.Entry e : config.getAdditional()) {
            String type = e.getServiceType() == null ? ScpApi.SERVICE : e.getServiceType();
            entries.add(new Endpoint().region(e.getRegion()).serviceType(type)
                    .serviceName(e.getServiceName() == null ? type : e.getServiceName()).url(e.getUrl()));
        }
        return entries;
    }

    /** The region of the emulator's own entry. */
    String region() {
        return properties.getEndpoints().getRegion();
    }

    /** The URL SCP's tools take as {@code auth-url} for this emulator. */
    String authUrl() {
        return baseUrl() + basePath(environment);
    }

    /** {@code http(s)://<server.address>:<port><context path>}. */
    String baseUrl() {
        String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return scheme + "://" + host() + ":" + port() + (contextPath.endsWith("/")
                ? contextPath.substring(0, contextPath.length() - 1) : contextPath);
    }

    /** The port the server listens on (once started), else the configured one. */
    int port() {
        Integer local = environment.getProperty("local.server.port", Integer.class);
        return local != null && local > 0 ? local : environment.getProperty("server.port", Integer.class, 8080);
    }

    private String host() {
        String address = environment.getProperty("server.address");
        if (address == null || address.isBlank()) {
            return "127.0.0.1";
        }
        try {
            InetAddress inet = InetAddress.getByName(address.trim());
            if (inet.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            return inet instanceof java.net.Inet6Address ? "[" + inet.getHostAddress() + "]" : address.trim();
        } catch (UnknownHostException unresolved) {
            return address.trim();
        }
    }

    /** The catalog's base path: the generated interface's mapping, e.g. {@code /v1}. */
    static String basePath(Environment environment) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(EndpointsApi.class, RequestMapping.class);
        String path = mapping == null || mapping.path().length == 0 ? "" : environment.resolvePlaceholders(mapping.path()[0]);
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
