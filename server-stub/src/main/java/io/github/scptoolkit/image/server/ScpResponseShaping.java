package io.github.scptoolkit.image.server;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.accept.ApiVersionHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * Sends, for each request to one of the spec's operations, exactly the 200 schema of the
 * version it asked for ({@link ScpOperation#responseSchema}; the operation's single schema when
 * it is unversioned), from the one model object the implementation returns. The shapes are made
 * once at start-up from the spec's field rules ({@link Shape}); per response this advice only
 * wraps the body so that Jackson writes it with the version's shape, through the application's
 * own message converter and configuration: no copy, no JSON tree, nothing cached per response.
 * Responses of any other controller are left alone.
 */
@ControllerAdvice
final class ScpResponseShaping implements ResponseBodyAdvice<Object> {

    private final ScpOperations operations;
    /** Per versioned operation, the shape of each version it exists in. */
    private final Map<ScpOperation, Map<ScpServiceVersion, Shape>> versioned = new HashMap<>();
    /** Per unversioned operation with a body model, its shape. */
    private final Map<ScpOperation, Shape> unversioned = new HashMap<>();

    ScpResponseShaping(ScpOperations operations) {
        this.operations = operations;
        Map<String, Shape> bySchema = new HashMap<>();
        for (ScpOperation op : operations.operations()) {
            if (op.versioned()) {
                Map<ScpServiceVersion, Shape> shapes = new EnumMap<>(ScpServiceVersion.class);
                op.responseSchemas().forEach((version, schema) -> shapes.put(version, shape(schema, bySchema)));
                versioned.put(op, shapes);
            } else if (op.responseModel() != null) {
                unversioned.put(op, shape(op.responseModel(), bySchema));
            }
        }
    }

    private static Shape shape(ScpSchema schema, Map<String, Shape> bySchema) {
        return bySchema.computeIfAbsent(schema.name(), name -> Shape.of(schema, ScpApi::schema));
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return operations.forMethod(returnType.getMethod()).isPresent();
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null) {
            return null;
        }
        Shape shape = shapeFor(operations.forMethod(returnType.getMethod()).orElseThrow(), request);
        return shape == null ? body : new Shaped(body, shape);
    }

    /** The shape of {@code op}'s body for this request's version (resolved by Spring; CURRENT when absent). */
    Shape shapeFor(ScpOperation op, ServerHttpRequest request) {
        if (!op.versioned()) {
            return unversioned.get(op);
        }
        ScpServiceVersion version = ScpServiceVersion.getLatest();
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(HandlerMapping.API_VERSION_ATTRIBUTE) instanceof ApiVersionHolder h
                && h.getVersionIfPresent() instanceof ScpServiceVersion resolved) {
            version = resolved;
        }
        return versioned.get(op).get(version);
    }

    /** A body and the shape to write it in; Jackson writes it through {@link JacksonSerializable}. */
    record Shaped(Object value, Shape shape) implements JacksonSerializable {

        @Override
        public void serialize(JsonGenerator g, SerializationContext ctxt) {
            shape.writeValue(value, g, ctxt);
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
            serialize(g, ctxt);
        }
    }
}
