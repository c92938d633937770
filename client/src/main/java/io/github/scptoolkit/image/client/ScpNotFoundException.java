package io.github.scptoolkit.image.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import feign.FeignException;
import feign.Request;

import io.github.scptoolkit.image.client.generated.model.Problem;

/**
 * 404 Not Found: no image with the id is visible to the caller (code IMAGE_NOT_FOUND). Carries the server's problem; still a {@code FeignException.NotFound}.
 *
 * <pre>
 * catch (ScpNotFoundException e) {
 *     log.warn("{} {}", e.code(), e.detail());
 * }
 * </pre>
 */
public final class ScpNotFoundException extends FeignException.NotFound implements ScpProblemException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ScpNotFoundException(String message, Request request, byte[] body, Map<String, Collection<String>> headers,
            Problem problem) {
        super(message, request, body, headers);
        this.problem = problem;
    }

    @Override
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }
}
