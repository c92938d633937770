package io.github.scptoolkit.image.server;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

import io.github.scptoolkit.image.spec.ScpProblemCode;

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

    /** @param imageId the id that was asked for (quoted in the problem's detail) */
    public ImageNotFoundException(String imageId) {
        super(HttpStatusCode.valueOf(ScpProblemCode.IMAGE_NOT_FOUND.status()), ScpProblems.problem(
                ScpProblemCode.IMAGE_NOT_FOUND, "No image with id '" + ScpProblems.printable(imageId) + "' was found."),
                null);
    }
}
