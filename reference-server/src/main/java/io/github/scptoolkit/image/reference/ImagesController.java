package io.github.scptoolkit.image.reference;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.ImageNotFoundException;
import io.github.scptoolkit.image.server.ScpCaller;
import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.server.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.server.generated.model.ScpApiVersion;

/**
 * The whole implementation of the generated interface: look the image up, or answer 404. The
 * stub shapes the body per version, so this returns the richest model for every version. A
 * private image is visible only to its owner project (the verified caller's account id); with
 * signature checks turned off there is no caller and every image is visible.
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
        return ResponseEntity.ok(catalog.find(imageId)
                .filter(image -> visible(image, ScpCaller.current()))
                .orElseThrow(() -> new ImageNotFoundException(imageId)));
    }

    private static boolean visible(ImageShowResponse image, java.util.Optional<ScpCaller> caller) {
        boolean isPrivate = "private".equals(image.getVisibility());
        return !isPrivate || caller.isEmpty() || caller.get().accountId().filter(image.getOwner()::equals).isPresent();
    }
}
