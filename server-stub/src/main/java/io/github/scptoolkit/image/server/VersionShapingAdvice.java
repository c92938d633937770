package io.github.scptoolkit.image.server;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import io.github.scptoolkit.image.server.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.server.generated.model.ImageShowResponseV1Dot2;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives each version its own 200 shape from the one object an implementation returns: 1.0 and
 * 1.1 never carry {@code scp_gpu_driver}; 1.2 and 1.3 always do (null when the image has none).
 * Which shape a version has comes from the spec's version facts.
 */
@RestControllerAdvice
class VersionShapingAdvice implements ResponseBodyAdvice<Object> {

    private final ApiVersionFacts facts;
    private final JsonMapper mapper = JsonMapper.shared();

    VersionShapingAdvice(ApiVersionFacts facts) {
        this.facts = facts;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof ImageShowResponse image) || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        ApiVersionFacts.Version version = RequestedVersion.of(servlet.getServletRequest(), facts);
        if (version.hasGpuDriver()) {
            return image instanceof ImageShowResponseV1Dot2 ? image : mapper.convertValue(image, ImageShowResponseV1Dot2.class);
        }
        return image.getClass() == ImageShowResponse.class ? image : mapper.convertValue(image, ImageShowResponse.class);
    }

    /** The version Spring's API versioning resolved for a request (the CURRENT one when absent). */
    static final class RequestedVersion {
        private RequestedVersion() {
        }

        static ApiVersionFacts.Version of(HttpServletRequest request, ApiVersionFacts facts) {
            Object attribute = request.getAttribute(org.springframework.web.servlet.HandlerMapping.API_VERSION_ATTRIBUTE);
            if (attribute instanceof org.springframework.web.accept.ApiVersionHolder holder) {
                attribute = holder.getVersionIfPresent();
            }
            return attribute instanceof Comparable<?> parsed ? facts.findParsed(parsed).orElse(facts.current())
                    : facts.current();
        }
    }
}
