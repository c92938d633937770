package io.github.scptoolkit.image.server;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by an implementation when no image with the id is visible to the caller; answered as a
 * 404 problem with code {@code IMAGE_NOT_FOUND}.
 *
 * <pre>
 * return catalog.find(imageId).map(ResponseEntity::ok)
 *         .orElseThrow(() -&gt; new ImageNotFoundException(imageId));
 * </pre>
 */
public class ImageNotFoundException extends ErrorResponseException {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** @param imageId the id that was asked for (quoted in the problem's detail) */
    public ImageNotFoundException(String imageId) {
        super(HttpStatus.NOT_FOUND, ScpProblems.problem(HttpStatus.NOT_FOUND, "IMAGE_NOT_FOUND", "Image not found",
                "No image with id '" + printable(imageId) + "' was found."), null);
    }

    /** Keeps the detail short and free of control characters, whatever the caller sent. */
    static String printable(String id) {
        String shown = id.length() > 64 ? id.substring(0, 64) + "..." : id;
        return CONTROL.matcher(shown).replaceAll("?");
    }
}
