package io.github.scptoolkit.image.it.readme;

// README.md's "Implement the server interface" example, verbatim (ReadmeTest checks it; the same file is
// examples/server-boot-app's); run by ReadmeServerExampleIT.

import java.time.OffsetDateTime;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.ImageNotFoundException;
import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.server.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

@RestController
class MyImagesController implements ImagesApi {

    @Override
    public ResponseEntity<Image> showImage(String imageId, ScpServiceVersion scpApiVersion, String acceptLanguage) {
        if (!imageId.equals("70a599e0-31e7-49b7-b260-868f441e862b")) {
            throw new ImageNotFoundException(imageId);              // answered as a 404 problem
        }
        Image image = new Image()              // one model: every field of every version
                .id(imageId)
                .name("imagename")
                .status("active")
                .visibility("private")
                .owner("a8f10467abfc4b87b64614ab36eb9ae4")
                .containerFormat("bare")
                .diskFormat("qcow2")
                .file("/v2/images/" + imageId + "/file")
                .minDisk(100)
                .minRam(0)
                .osHidden(false)
                ._protected(false)
                .createdAt(OffsetDateTime.parse("2025-07-22T09:00:00Z"))
                .updatedAt(OffsetDateTime.parse("2025-07-26T12:00:00Z"))
                .scpGpuDriver("535.183.06");   // every field the spec requires, or the 200 breaks it
        return ResponseEntity.ok(image);       // each version gets exactly its own schema's fields
    }
}
