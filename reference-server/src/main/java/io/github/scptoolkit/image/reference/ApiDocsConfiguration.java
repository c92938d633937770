package io.github.scptoolkit.image.reference;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the API's own description, everything from the jars (no CDN): the spec at
 * {@code /openapi.yaml}, its example bodies at {@code /examples/*.json} (the spec's
 * {@code externalValue}s are relative to it), and the API console at {@code /docs} (Swagger UI
 * from its WebJar, {@code static/docs/}, over {@link ConsoleSpec}; docs/console.md). The
 * {@code /docs} redirect is relative ({@code Location: /docs/index.html}), never built from the
 * request's {@code Host}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/examples/*.json").addResourceLocations("classpath:/openapi/examples/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // With a status set, RedirectView writes Location as given instead of calling sendRedirect,
        // which Tomcat (with Spring Boot's default) turns into an absolute URL from the Host header.
        registry.addRedirectViewController("/docs", "/docs/index.html").setStatusCode(HttpStatus.FOUND);
    }
}
