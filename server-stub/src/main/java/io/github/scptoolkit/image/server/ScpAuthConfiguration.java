package io.github.scptoolkit.image.server;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Request signature checks, imported by {@link ScpImageApiConfiguration} and by the Spring Boot
 * auto-configuration: a servlet filter bean named {@value #FILTER_BEAN_NAME} (Spring Boot registers
 * it by itself; in a plain Spring MVC app add {@code new DelegatingFilterProxy("scpSignatureFilter")}).
 * Settings: the {@link ScpAuthProperties} bean ({@code scp.auth.*}, bound by Spring Boot; without
 * one, checks are on with the default window and no credentials).
 *
 * <pre>
 * scp.auth.credentials[0].access-key=my-access-key
 * scp.auth.credentials[0].secret-key=my-secret-key
 * scp.auth.allowed-hosts=virtualserver.example.com
 * </pre>
 *
 * Only the spec's signed operations, and handlers the application marks {@link ScpSigned}, are
 * checked; anything else of the application (the unsigned
 * versions document, other controllers, documentation, health) answers without a signature. A
 * {@link ScpCredentialStore} bean replaces the properties' credentials; a {@link Clock} bean
 * replaces the system clock. With checks on and no credentials at all, the application does not
 * start; with checks off ({@code scp.auth.enabled=false}) it logs a warning at start-up. With
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
    public static final String ENABLED_PROPERTY = ScpAuthProperties.PREFIX + ".enabled";
    /** The allowed difference between the request's timestamp and the server's clock. */
    public static final String WINDOW_PROPERTY = ScpAuthProperties.PREFIX + ".window";
    /**
     * Comma-separated {@code host} or {@code host:port} (IPv6 in brackets; {@code host} alone means
     * the scheme's default port) that signed requests may be sent to: the host part of the URLs
     * clients sign, the public one behind a proxy. Unset: the loopback names and
     * {@code server.address}, at the port the request arrived on.
     */
    public static final String ALLOWED_HOSTS_PROPERTY = ScpAuthProperties.PREFIX + ".allowed-hosts";
    /** Default of {@link #WINDOW_PROPERTY}. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    @Bean(name = FILTER_BEAN_NAME)
    OncePerRequestFilter scpSignatureFilter(ObjectProvider<ScpAuthProperties> properties,
            ObjectProvider<ScpCredentialStore> stores, ObjectProvider<Clock> clocks, Environment environment,
            ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        ScpAuthProperties auth = properties.getIfAvailable(ScpAuthProperties::of);
        if (!auth.enabled()) {
            log.warn("""

                    ******************************************************************************************
                    * SIGNATURE CHECKS ARE OFF ({}=false): every request to the API's signed operations
                    * is accepted without a signature and with no verified caller. Run like this only behind
                    * a gateway that verifies SCP signatures itself, never exposed to clients directly.
                    ******************************************************************************************""",
                    ENABLED_PROPERTY);
            return new PassThroughFilter();
        }
        ScpCredentialStore store = stores.getIfAvailable(() -> InMemoryScpCredentialStore.fromProperties(auth));
        if (store instanceof InMemoryScpCredentialStore fixed && fixed.isEmpty()) {
            throw new ScpConfigurationException(InMemoryScpCredentialStore.PROPERTY_PREFIX, "Request signature "
                    + "checks are on (" + ENABLED_PROPERTY + "=true) but no credentials are configured.", "Set "
                    + InMemoryScpCredentialStore.PROPERTY_PREFIX + "[0].access-key and .secret-key, define a "
                    + "ScpCredentialStore bean, or set " + ENABLED_PROPERTY + "=false behind a gateway that verifies.");
        }
        ScpServedHosts hosts = ScpServedHosts.of(auth.allowedHosts(), environment.getProperty(SERVER_ADDRESS_PROPERTY));
        log.info("Signed requests are accepted for the hosts: {}", hosts.describe());
        return new ScpSignatureFilter(new ScpSignatureVerifier(store, clocks.getIfAvailable(Clock::systemUTC),
                auth.window()), hosts, ScpOperations.SPEC, new ScpSignedHandlers(() -> mappings.orderedStream().toList()));
    }

    /** With checks on, a signed operation's handler never runs for an unverified request. */
    @Bean
    WebMvcConfigurer scpSignatureGuard(ObjectProvider<ScpAuthProperties> properties) {
        boolean enabled = properties.getIfAvailable(ScpAuthProperties::of).enabled();
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                if (enabled) {
                    registry.addInterceptor(new ScpSignatureGuard(ScpOperations.SPEC));
                }
            }
        };
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
