package io.github.scptoolkit.image.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.scptoolkit.image.server.ApiVersionFacts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facts about Show Image read from the spec in the api-spec jar rather than copied into code:
 * the action a caller needs ({@code x-action-id}) and the names of the fields of a schema.
 *
 * <pre>
 * SpecOperation.showImage().actionId();   // "virtualserver:ShowImage"
 * </pre>
 */
final class SpecOperation {

    static final String SPEC_RESOURCE = ApiVersionFacts.SPEC_RESOURCE;
    static final String PATH = "/v1/images/{image_id}";

    private final JsonNode spec;

    private SpecOperation(JsonNode spec) {
        this.spec = spec;
    }

    /** The spec in the api-spec jar. */
    static SpecOperation showImage() {
        try (InputStream in = SpecOperation.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " not found: is scp-image-api-spec on the classpath?");
            }
            return new SpecOperation(JsonMapper.shared().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation's {@code x-action-id}, e.g. {@code virtualserver:ShowImage}. */
    String actionId() {
        String action = spec.path("paths").path(PATH).path("get").path("x-action-id").asString("");
        if (action.isEmpty()) {
            throw new IllegalStateException("the spec gives GET " + PATH + " no x-action-id");
        }
        return action;
    }

    /** The names of the properties of {@code components/schemas/<schema>}, following {@code allOf} and local {@code $ref}s. */
    Set<String> propertyNames(String schema) {
        Set<String> names = new LinkedHashSet<>();
        collect(spec.path("components").path("schemas").path(schema), names, 0);
        return names;
    }

    private void collect(JsonNode schema, Set<String> names, int depth) {
        if (depth > 16 || schema.isMissingNode()) {
            return;
        }
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            collect(spec.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())),
                    names, depth + 1);
        }
        schema.path("properties").propertyNames().forEach(names::add);
        for (JsonNode part : schema.path("allOf")) {
            collect(part, names, depth + 1);
        }
    }
}
