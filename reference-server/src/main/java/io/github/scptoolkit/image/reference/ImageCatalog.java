package io.github.scptoolkit.image.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.github.scptoolkit.image.server.generated.model.ImageShowResponseV1Dot2;
import tools.jackson.databind.json.JsonMapper;

/** The images the reference server knows, loaded once from a JSON array (default: the bundled catalog). */
@Component
class ImageCatalog {

    private final Map<String, ImageShowResponseV1Dot2> images = new LinkedHashMap<>();

    ImageCatalog(@Value("${scp.catalog:classpath:catalog.json}") Resource catalog, JsonMapper mapper) {
        try (InputStream in = catalog.getInputStream()) {
            for (ImageShowResponseV1Dot2 image : mapper.readValue(in, ImageShowResponseV1Dot2[].class)) {
                images.put(image.getId(), image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image catalog " + catalog, e);
        }
    }

    Optional<ImageShowResponseV1Dot2> find(String id) {
        return Optional.ofNullable(images.get(id));
    }

    int size() {
        return images.size();
    }
}
