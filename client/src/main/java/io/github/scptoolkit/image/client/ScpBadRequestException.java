package io.github.scptoolkit.image.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import feign.FeignException;
import feign.Request;

import io.github.scptoolkit.image.client.generated.model.Problem;

/**
 * 400 Bad Request: malformed input, or an unknown, unsupported or retired version (the {@link io.github.scptoolkit.image.spec.ScpProblemCode}s with status 400). Carries the server's problem; still a {@code FeignException.BadRequest}.
 *
 * <pre>
 * catch (ScpBadRequestException e) {
 *     log.warn("{} {}", e.code(), e.detail());
 * }
 * </pre>
 */
public final class ScpBadRequestException extends FeignException.BadRequest implements ScpProblemException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ScpBadRequestException(String message, Request request, byte[] body, Map<String, Collection<String>> headers,
            Problem problem) {
        super(message, request, body, headers);
        this.problem = problem;
    }

    @Override
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }
}
