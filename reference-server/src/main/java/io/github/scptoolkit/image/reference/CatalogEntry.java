package io.github.scptoolkit.image.reference;

import java.util.List;

import io.github.scptoolkit.image.server.generated.model.Image;

/**
 * One image of the emulator's catalog: its API body ({@code image}, exactly what Show Image
 * answers, in the model with every field of every version) and emulator metadata the API never shows ({@code members}: the
 * projects a {@code shared} image is shared with, as Glance's image members).
 *
 * <pre>
 * { "image": { "id": "...", "owner": "...", "visibility": "shared", ... },
 *   "members": ["0b3c6a9e2f1d4c8b9a7e5d3c1b2a4f6e"] }
 * </pre>
 */
record CatalogEntry(Image image, List<String> members) {

    CatalogEntry {
        members = members == null ? List.of() : List.copyOf(members);
    }

    String id() {
        return image.getId();
    }
}
