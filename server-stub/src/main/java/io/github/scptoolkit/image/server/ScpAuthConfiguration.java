package io.github.scptoolkit.image.server;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Request signature checks, imported by {@link ScpImageApiConfiguration}: a servlet filter bean
 * named {@value #FILTER_BEAN_NAME} (Spring Boot registers it by itself; in a plain Spring MVC app
 * add {@code new DelegatingFilterProxy("scpSignatureFilter")}).
 *
 * <pre>
 * scp.auth.enabled=true                      # default; false behind a gateway that already verifies
 * scp.auth.window=5m                         # allowed clock difference, both ways (also PT5M)
 * scp.auth.credentials[0].access-key=test    # unless a ScpCredentialStore bean is defined
 * scp.auth.credentials[0].secret-key=test
 * scp.auth.credentials[0].account-id=a8f10467abfc4b87b64614ab36eb9ae4
 * scp.auth.allowed-hosts=virtualserver.example.com,10.0.0.5:8080   # hosts signed requests may be sent to
 * </pre>
 *
 * Only the spec's signed operations, and handlers the application marks {@link ScpSigned}, are
 * checked; anything else of the application (the unsigned
 * versions document, other controllers, documentation, health) answers without a signature. A
 * {@link ScpCredentialStore} bean replaces the properties; a {@link Clock} bean replaces the
 * system clock. With checks on and no credentials at all, the application does not start. With
 * checks on, a handler interceptor also refuses any request that reaches a signed operation
 * unverified (e.g. when the filter is not registered). Without {@value #ALLOWED_HOSTS_PROPERTY},
 * signed requests are accepted only when sent to the server directly by a loopback name or
 * {@code server.address} (see {@link ScpServedHosts}); a server that clients reach by another name
 * (a public host, a proxy) must list it, and one bound to a wildcard {@code server.address}
 * without the list does not start.
 */
@Configuration(proxyBeanMethods = false)
public class ScpAuthConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScpAuthConfiguration.class);

    /** Spring Boot's address the server binds to; part of the default {@link #ALLOWED_HOSTS_PROPERTY}. */
    static final String SERVER_ADDRESS_PROPERTY = "server.address";

    /** Name of the filter bean. */
    public static final String FILTER_BEAN_NAME = "scpSignatureFilter";
    /** Turns the checks off when {@code false}. */
    public static final String ENABLED_PROPERTY = "scp.auth.enabled";
    /** The allowed difference between the request's timestamp and the server's clock. */
    public static final String WINDOW_PROPERTY = "scp.auth.window";
    /**
     * Comma-separated {@code host} or {@code host:port} (IPv6 in brackets; {@code host} alone means
     * the scheme's default port) that signed requests may be sent to: the host part of the URLs
     * clients sign, the public one behind a proxy. Unset: the loopback names and
     * {@code server.address}, at the port the request arrived on.
     */
    public static final String ALLOWED_HOSTS_PROPERTY = "scp.auth.allowed-hosts";
    /** Default of {@link #WINDOW_PROPERTY}. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    @Bean(name = FILTER_BEAN_NAME)
    OncePerRequestFilter scpSignatureFilter(Environment environment, ObjectProvider<ScpCredentialStore> stores,
            ObjectProvider<Clock> clocks, ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
            return new PassThroughFilter();
        }
        ScpCredentialStore store = stores.getIfAvailable(() -> {
            InMemoryScpCredentialStore fromProperties = InMemoryScpCredentialStore.fromProperties(environment);
            if (fromProperties.isEmpty()) {
                throw new IllegalStateException("Request signature checks are on (" + ENABLED_PROPERTY
                        + "=true) but no credentials are configured: set "
                        + InMemoryScpCredentialStore.PROPERTY_PREFIX + "[0].access-key and .secret-key, define a "
                        + "ScpCredentialStore bean, or set " + ENABLED_PROPERTY + "=false behind a gateway that verifies.");
            }
            return fromProperties;
        });
        Duration window = window(environment.getProperty(WINDOW_PROPERTY));
        ScpServedHosts hosts = ScpServedHosts.of(environment.getProperty(ALLOWED_HOSTS_PROPERTY),
                environment.getProperty(SERVER_ADDRESS_PROPERTY));
        log.info("Signed requests are accepted for the hosts: {}", hosts.describe());
        return new ScpSignatureFilter(new ScpSignatureVerifier(store, clocks.getIfAvailable(Clock::systemUTC), window),
                hosts, ScpOperations.SPEC, new ScpSignedHandlers(() -> mappings.orderedStream().toList()));
    }

    /** With checks on, a signed operation's handler never runs for an unverified request. */
    @Bean
    WebMvcConfigurer scpSignatureGuard(Environment environment) {
        boolean enabled = environment.getProperty(ENABLED_PROPERTY, Boolean.class, true);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                if (enabled) {
                    registry.addInterceptor(new ScpSignatureGuard(ScpOperations.SPEC));
                }
            }
        };
    }

    static Duration window(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_WINDOW;
        }
        try {
            return DurationFormatterUtils.detectAndParse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(WINDOW_PROPERTY + " must be a duration such as 5m or PT5M: " + value, e);
        }
    }

    /** With checks off: requests pass unchanged and carry no {@link ScpCaller}. */
    static final class PassThroughFilter extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
            return true;
        }

        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            chain.doFilter(request, response);
        }
    }
}
