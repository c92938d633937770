package io.github.scptoolkit.image.server;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.github.scptoolkit.image.server.generated.api.VersionsApi;
import io.github.scptoolkit.image.server.generated.model.ApiVersionDetail;
import io.github.scptoolkit.image.server.generated.model.ApiVersionLink;
import io.github.scptoolkit.image.server.generated.model.ApiVersionList;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The versions document ({@code GET /}, the generated {@link VersionsApi}), served by the stub
 * with no code from the implementation: every version of the spec, newest first, with its id
 * ({@code v<major>.<minor>}), state, Not Before date (null when none) and a {@code self} link to
 * the service's base URL. Unsigned and unversioned, as the spec says. Registered by
 * {@link #registrar} unless the application has its own {@link VersionsApi} bean or, with Spring
 * Boot, sets {@value #ENABLED_PROPERTY}{@code =false} (e.g. when it maps {@code GET /} itself).
 */
@RestController
class ScpVersionsController implements VersionsApi {

    /** {@code false} leaves {@code GET /} to the application. */
    static final String ENABLED_PROPERTY = ScpVersionsProperties.PREFIX + ".document.enabled";

    /** Whether Spring Boot's binder is there to read {@link ScpVersionsProperties} this early. */
    private static final boolean BOOT = ClassUtils.isPresent("org.springframework.boot.context.properties.bind.Binder",
            ScpVersionsController.class.getClassLoader());

    static final String BEAN_NAME = "scpVersionsController";

    @Override
    public ResponseEntity<ApiVersionList> listVersions() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        return ResponseEntity.ok(document(ServiceBaseUrl.of(request)));
    }

    /** The versions document with {@code self} links to {@code base}. */
    static ApiVersionList document(java.net.URI base) {
        List<ApiVersionDetail> versions = ScpVersionLifecycle.newestFirst().stream()
                .map(v -> new ApiVersionDetail().id(v.id()).status(v.status().name())
                        .notBefore(v.notBefore().orElse(null))
                        .links(List.of(new ApiVersionLink().href(base).rel("self"))))
                .toList();
        return new ApiVersionList().versions(versions);
    }

    /**
     * Registers the controller once every other bean definition is known, unless the application
     * implements {@link VersionsApi} itself (its own {@code GET /} then wins, no ambiguous mapping)
     * or, with Spring Boot, {@value #ENABLED_PROPERTY} is {@code false} (bound by Boot's binder here,
     * before any bean exists, as {@link ScpVersionsProperties} is bound later).
     */
    static BeanDefinitionRegistryPostProcessor registrar(Environment environment) {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
                boolean enabled = !BOOT || BootProperties.versions(environment).document().enabled();
                if (enabled
                        && registry instanceof ConfigurableListableBeanFactory beans
                        && beans.getBeanNamesForType(VersionsApi.class, true, false).length == 0
                        && !registry.containsBeanDefinition(BEAN_NAME)) {
                    registry.registerBeanDefinition(BEAN_NAME, new RootBeanDefinition(ScpVersionsController.class));
                }
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                // Nothing to change.
            }
        };
    }
}
