package io.github.scptoolkit.image.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.server.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal Spring Boot host application for the stub's tests: no {@code @Import}, the stub's
 * auto-configuration does it; a settable clock, one image, and a controller of the host's own
 * ({@link HostController}) that the stub must leave alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({StubTestApp.TestImages.class, StubTestApp.HostController.class})
class StubTestApp {

    static final String KNOWN_ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String FAILING_ID = "fails";

    @Bean
    SettableClock clock() {
        return new SettableClock();
    }

    /** Header that makes {@code failingFilter} throw, on any path: a failure outside Spring MVC. */
    static final String FAIL_IN_FILTER = "X-Test-Fail-In-Filter";

    /**
     * A filter of the host application, first in the chain, that fails when asked to (its error goes
     * to the servlet error page).
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> failingFilter() {
        jakarta.servlet.Filter filter = (request, response, chain) -> {
            if (((jakarta.servlet.http.HttpServletRequest) request).getHeader(FAIL_IN_FILTER) != null) {
                throw new IllegalStateException("the host's filter failed");
            }
            chain.doFilter(request, response);
        };
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The image the implementation answers with (the union model, every field it sets). */
    static Image image() {
        try (InputStream in = StubTestApp.class.getResourceAsStream("/test-image.json")) {
            return JsonMapper.shared().readValue(in, Image.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock the tests move between requests; the stub must read it per request. */
    static final class SettableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-06-01T00:00:00Z");

        void set(String instant) {
            set(Instant.parse(instant));
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The implementation under test: one image, a 404 for others, a bug for {@link #FAILING_ID}. */
    @RestController
    static class TestImages implements ImagesApi {

        private volatile ScpServiceVersion lastVersion;

        /** The version the last call received (a method: the bean may be a validation proxy). */
        ScpServiceVersion lastVersion() {
            return lastVersion;
        }

        @Override
        public ResponseEntity<Image> showImage(String imageId, ScpServiceVersion scpApiVersion, String acceptLanguage) {
            lastVersion = scpApiVersion;
            if (FAILING_ID.equals(imageId)) {
                throw new IllegalStateException("secret internal state at jdbc:postgresql://db.internal/images");
            }
            if (!KNOWN_ID.equals(imageId)) {
                throw new ImageNotFoundException(imageId);
            }
            return ResponseEntity.ok(image());
        }
    }

    /** A controller of the host application, not of the spec: the stub must not touch it. */
    @RestController
    static class HostController {

        @GetMapping("/hello")
        Map<String, Object> hello() {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("greeting", "hello");
            body.put("nothing", null);
            return body;
        }

        @GetMapping("/hello/fail")
        Map<String, Object> fail() {
            throw new IllegalStateException("the host's own failure");
        }

        @GetMapping("/hello/conflict")
        Map<String, Object> conflict() {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the host's own conflict");
        }

        @PostMapping(path = "/hello/json-only", consumes = "application/json")
        Map<String, Object> jsonOnly(@RequestBody Map<String, Object> body) {
            return body;
        }
    }
}
