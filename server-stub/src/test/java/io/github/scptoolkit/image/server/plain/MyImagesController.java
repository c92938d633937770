package io.github.scptoolkit.image.server.plain;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.ImageNotFoundException;
import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.server.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** The plain application's implementation: the stub's test image, or a 404. */
@RestController
class MyImagesController implements ImagesApi {

    static final String KNOWN_ID = "70a599e0-31e7-49b7-b260-868f441e862b";

    @Override
    public ResponseEntity<Image> showImage(String imageId, ScpServiceVersion scpApiVersion, String acceptLanguage) {
        if (!imageId.equals(KNOWN_ID)) {
            throw new ImageNotFoundException(imageId);
        }
        try (var in = MyImagesController.class.getResourceAsStream("/test-image.json")) {
            return ResponseEntity.ok(tools.jackson.databind.json.JsonMapper.shared().readValue(in, Image.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
