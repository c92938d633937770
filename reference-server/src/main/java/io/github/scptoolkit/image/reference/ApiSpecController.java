package io.github.scptoolkit.image.reference;

import java.io.IOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.spec.ScpApi;

/**
 * {@code GET /openapi.yaml}: the spec exactly as packaged in the api-spec jar, always whole: a
 * {@code Range} header is ignored (as a {@code Resource} body, Spring would answer a Range it cannot
 * satisfy with a 416 that still carries the whole file).
 */
@RestController
class ApiSpecController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @GetMapping("/openapi.yaml")
    ResponseEntity<byte[]> spec() throws IOException {
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource(ScpApi.SPEC_YAML).getContentAsByteArray());
    }
}
