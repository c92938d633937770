package io.github.scptoolkit.image.example;

import java.util.Objects;
import java.util.Optional;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpNotFoundException;
import io.github.scptoolkit.image.client.generated.model.Image;

/**
 * Code of an application that calls SCP through the client, as the test kit's users write it: an
 * image by id, or empty when SCP has none the caller may see. Everything else (a retired version,
 * an unauthorized key, a service that stays down) reaches the caller as the client's exception.
 *
 * <pre>
 * ImageLookup lookup = new ImageLookup(ScpImageClient.builder().endpoint(endpoint).build());
 * lookup.find("70a599e0-31e7-49b7-b260-868f441e862b").map(Image::getName);
 * </pre>
 */
public final class ImageLookup {

    private final ScpImageClient images;

    /** Looks images up with {@code images}. */
    public ImageLookup(ScpImageClient images) {
        this.images = Objects.requireNonNull(images, "images");
    }

    /** The image with {@code imageId}; empty when there is none the caller may see (a 404). */
    public Optional<Image> find(String imageId) {
        try {
            return Optional.of(images.showImage(imageId));
        } catch (ScpNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
