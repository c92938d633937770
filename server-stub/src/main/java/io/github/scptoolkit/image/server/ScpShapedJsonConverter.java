package io.github.scptoolkit.image.server;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import io.github.scptoolkit.image.server.ScpResponseShaping.Shaped;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.databind.exc.InvalidDefinitionException;

/**
 * Spring's JSON converter, with the application's own mapper, for the response models of the
 * spec's operations only: a body that {@link ScpResponseShaping} shaped is serialized per request
 * into one byte array and sent with {@code Content-Length}, in one write, instead of being streamed
 * (Spring's converter flushes while writing, so the servlet container sends it chunked). Everything
 * else stays as Spring's converter does it: content negotiation (the same media types, before
 * Spring's own JSON converter in the list), the mapper's configuration (dates, inclusion, indent),
 * other charsets, JSON views and filters (streamed by Spring's code), and every type that is no
 * operation's model, which this converter does not claim at all.
 *
 * <p>The models are the return types ({@code ResponseEntity<T>} unwrapped) of the handler methods
 * that implement a spec operation ({@link ScpOperations#forMethod}), read from Spring MVC's request
 * mappings on the first response and kept; a model for which the application registered mappers of
 * its own on Spring's converter is left to that converter.
 *
 * <pre>
 * ScpShapedJsonConverter.insertBeforeJson(converters, ScpOperations.SPEC, () -&gt; mappings.orderedStream().toList());
 * </pre>
 */
final class ScpShapedJsonConverter extends JacksonJsonHttpMessageConverter {

    private final JacksonJsonHttpMessageConverter json;
    private final ScpOperations operations;
    private final Supplier<List<RequestMappingInfoHandlerMapping>> mappings;
    private volatile Set<Class<?>> models;

    private ScpShapedJsonConverter(JacksonJsonHttpMessageConverter json, ScpOperations operations,
            Supplier<List<RequestMappingInfoHandlerMapping>> mappings) {
        super(json.getMapper());
        setSupportedMediaTypes(json.getSupportedMediaTypes());
        setDefaultCharset(json.getDefaultCharset());
        this.json = json;
        this.operations = operations;
        this.mappings = mappings;
    }

    /**
     * Inserts the converter just before the list's Spring JSON converter, sharing its mapper. A
     * list without one, or whose JSON converter is the application's own subclass (whose extra
     * behaviour this one could not repeat), is left as it is.
     */
    static void insertBeforeJson(List<HttpMessageConverter<?>> converters, ScpOperations operations,
            Supplier<List<RequestMappingInfoHandlerMapping>> mappings) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof JacksonJsonHttpMessageConverter json) {
                if (json.getClass() == JacksonJsonHttpMessageConverter.class) {
                    converters.add(i, new ScpShapedJsonConverter(json, operations, mappings));
                }
                return;
            }
        }
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return false;   // writes responses only
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return models().contains(valueClass) && super.canWrite(type, valueClass, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return models().contains(clazz) && super.canWrite(clazz, mediaType);
    }

    @Override
    protected void writeInternal(Object body, ResolvableType type, HttpOutputMessage output,
            Map<String, Object> hints) throws IOException, HttpMessageNotWritableException {
        if (!(body instanceof Shaped) || (hints != null && !hints.isEmpty())
                || getJsonEncoding(output.getHeaders().getContentType()) != JsonEncoding.UTF8) {
            super.writeInternal(body, type, output, hints);
            return;
        }
        byte[] bytes;
        try {
            bytes = getMapper().writeValueAsBytes(body);   // Jackson's recycled buffers, then one exact copy
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (JacksonException e) {
            throw new HttpMessageNotWritableException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
        output.getHeaders().setContentLength(bytes.length);
        output.getBody().write(bytes);
    }

    /** The response models of the operations' handler methods (computed once, when first asked). */
    Set<Class<?>> models() {
        Set<Class<?>> m = models;
        if (m == null) {
            Set<Class<?>> found = new HashSet<>();
            for (RequestMappingInfoHandlerMapping mapping : mappings.get()) {
                for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
                    if (operations.forMethod(handler.getMethod()).isPresent()) {
                        model(handler).filter(type -> json.getMappersForType(type).isEmpty()).ifPresent(found::add);
                    }
                }
            }
            m = Set.copyOf(found);
            models = m;
        }
        return m;
    }

    /** The class a handler method's body is declared as ({@code ResponseEntity<T>}: {@code T}), unless too general. */
    private static Optional<Class<?>> model(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod(), handler.getBeanType());
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> model = type.resolve();
        return model == null || model == Object.class || model == Void.class || model == void.class
                || HttpEntity.class.isAssignableFrom(model) ? Optional.empty() : Optional.of(model);
    }
}
