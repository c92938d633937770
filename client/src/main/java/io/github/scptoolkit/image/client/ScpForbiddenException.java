package io.github.scptoolkit.image.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import feign.FeignException;
import feign.Request;

import io.github.scptoolkit.image.client.generated.model.Problem;

/**
 * 403 Forbidden: the caller may not perform the action. Carries the server's problem; still a {@code FeignException.Forbidden}.
 *
 * <pre>
 * catch (ScpForbiddenException e) {
 *     log.warn("{} {}", e.code(), e.detail());
 * }
 * </pre>
 */
public final class ScpForbiddenException extends FeignException.Forbidden implements ScpProblemException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ScpForbiddenException(String message, Request request, byte[] body, Map<String, Collection<String>> headers,
            Problem problem) {
        super(message, request, body, headers);
        this.problem = problem;
    }

    @Override
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }
}
