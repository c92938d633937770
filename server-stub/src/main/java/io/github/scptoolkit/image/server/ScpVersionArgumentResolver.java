package io.github.scptoolkit.image.server;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.web.accept.ApiVersionHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Gives a controller's {@link ScpServiceVersion} parameter (the generated interfaces' version
 * header) the version Spring's API versioning resolved: the header's version, or the CURRENT one
 * when the request has none (the header binding alone would give {@code null}). Outside a
 * versioned operation it is the header's version if it names one, else {@code null}. It must come
 * before Spring's {@code @RequestHeader} resolver, so {@link #first()} puts it first in the
 * handler adapter's list.
 */
final class ScpVersionArgumentResolver implements HandlerMethodArgumentResolver {

    private final String header;

    ScpVersionArgumentResolver(String header) {
        this.header = header;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ScpServiceVersion.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request != null && request.getAttribute(HandlerMapping.API_VERSION_ATTRIBUTE) instanceof ApiVersionHolder holder
                && holder.getVersionIfPresent() instanceof ScpServiceVersion resolved) {
            return resolved;
        }
        return ScpServiceVersion.fromHeaderValue(webRequest.getHeader(header)).orElse(null);
    }

    /** Puts a resolver of {@code header} before the handler adapter's own resolvers. */
    static BeanPostProcessor first(String header) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
                    List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
                    resolvers.add(new ScpVersionArgumentResolver(header));
                    resolvers.addAll(adapter.getArgumentResolvers());
                    adapter.setArgumentResolvers(resolvers);
                }
                return bean;
            }
        };
    }
}
