package io.github.scptoolkit.image.it.readme;

// docs/client-spring.md's example, verbatim (ReadmeTest checks it); run by ReadmeClientSpringBootIT.

import org.springframework.stereotype.Service;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.generated.model.Image;

@Service
class ImageNames {

    private final ScpImageClient images;

    ImageNames(ScpImageClient images) {
        this.images = images;
    }

    String nameOf(String imageId) {
        Image image = images.showImage(imageId);
        return image.getName();
    }
}
