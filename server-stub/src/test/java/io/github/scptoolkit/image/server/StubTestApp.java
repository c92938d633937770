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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.server.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.server.generated.model.ImageShowResponseV1Dot2;
import io.github.scptoolkit.image.server.generated.model.ScpApiVersion;
import tools.jackson.databind.json.JsonMapper;

/** A minimal app for the stub's MockMvc tests: the configuration, a settable clock, one image. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ScpImageApiConfiguration.class, StubTestApp.TestImages.class})
class StubTestApp {

    static final String KNOWN_ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String FAILING_ID = "fails";

    @Bean
    SettableClock clock() {
        return new SettableClock();
    }

    /** A clock the tests move between requests; the stub must read it per request. */
    static final class SettableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-06-01T00:00:00Z");

        void set(String instant) {
            now = Instant.parse(instant);
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

        private volatile ScpApiVersion lastVersion;

        /** The version the last call received (a method: the bean may be a validation proxy). */
        ScpApiVersion lastVersion() {
            return lastVersion;
        }

        @Override
        public ResponseEntity<ImageShowResponse> showImage(String imageId, ScpApiVersion scpApiVersion,
                String acceptLanguage) {
            lastVersion = scpApiVersion;
            if (FAILING_ID.equals(imageId)) {
                throw new IllegalStateException("secret internal state at jdbc:postgresql://db.internal/images");
            }
            if (!KNOWN_ID.equals(imageId)) {
                throw new ImageNotFoundException(imageId);
            }
            try (InputStream in = StubTestApp.class.getResourceAsStream("/openapi/examples/show-image-1.3.json")) {
                return ResponseEntity.ok(JsonMapper.shared().readValue(in, ImageShowResponseV1Dot2.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Only here to provoke Spring's own 415 (Show Image has no request body). */
        @PostMapping(path = "/test/json-only", consumes = "application/json")
        Map<String, Object> jsonOnly(@RequestBody Map<String, Object> body) {
            return body;
        }
    }
}
