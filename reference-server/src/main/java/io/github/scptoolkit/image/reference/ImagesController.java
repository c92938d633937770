package io.github.scptoolkit.image.reference;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.ImageNotFoundException;
import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.server.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.server.generated.model.ScpApiVersion;

/**
 * The whole implementation of the generated interface: look the image up, or answer 404. The
 * stub shapes the body per version, so this returns the richest model for every version.
 */
@RestController
class ImagesController implements ImagesApi {

    private final ImageCatalog catalog;

    ImagesController(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ResponseEntity<ImageShowResponse> showImage(String imageId, ScpApiVersion scpApiVersion,
            String acceptLanguage) {
        return ResponseEntity.ok(catalog.find(imageId).orElseThrow(() -> new ImageNotFoundException(imageId)));
    }
}
