package io.github.scptoolkit.image.reference;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.spec.ScpApi;

/** {@code GET /openapi.yaml}: the spec exactly as packaged in the api-spec jar. */
@RestController
class ApiSpecController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @GetMapping("/openapi.yaml")
    ResponseEntity<Resource> spec() {
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource(ScpApi.SPEC_YAML));
    }
}
