package io.github.scptoolkit.image.reference;

import java.util.Locale;

/**
 * Who may see an image, as in OpenStack Glance (which SCP's image model follows): {@code private}
 * → the owner project only; {@code shared} → the owner and the member projects;
 * {@code public} and {@code community} → every project. An unknown visibility value is treated
 * as {@code private} (fail closed).
 *
 * <pre>
 * Visibility.isVisible(entry, "a8f10467abfc4b87b64614ab36eb9ae4");   // true for the owner
 * </pre>
 */
final class Visibility {

    private Visibility() {
    }

    /** Whether a caller acting for {@code projectId} may see the image of {@code entry}. */
    static boolean isVisible(CatalogEntry entry, String projectId) {
        String visibility = entry.image().getVisibility() == null ? ""
                : entry.image().getVisibility().toLowerCase(Locale.ROOT);
        boolean owner = projectId != null && projectId.equals(entry.image().getOwner());
        return switch (visibility) {
            case "public", "community" -> true;
            case "shared" -> owner || (projectId != null && entry.members().contains(projectId));
            default -> owner;
        };
    }
}
