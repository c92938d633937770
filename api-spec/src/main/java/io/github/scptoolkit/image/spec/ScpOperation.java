package io.github.scptoolkit.image.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of the spec, with what the toolkit's machinery needs to handle it: how it is
 * called (method, path template), whether it is signed ({@code security} not empty) and
 * versioned (takes the version header), its parameters, the model its 200 body binds to, and the
 * 200 schema of each version it exists in (from {@code x-version-schemas}).
 *
 * <pre>
 * ScpOperation op = ScpApi.operation("showImage").orElseThrow();
 * op.signed();                                              // true
 * op.responseSchema(ScpServiceVersion.getLatest());         // the CURRENT version's 200 schema
 * </pre>
 *
 * @param operationId the spec's {@code operationId}, also the generated method's name
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /v1/images/{image_id}}
 * @param signed whether requests carry the SCP signature
 * @param versioned whether requests carry the version header and answers differ by version
 * @param actionId the action a caller needs ({@code x-action-id}), or null
 * @param resource the name of the model a versioned operation's 200 body binds to
 *        ({@code x-resource}), or null
 * @param parameters the parameters, path-level first
 * @param responseSchemas for a versioned operation, the 200 schema of every version it exists in
 * @param responseModel the schema the 200 body binds to (for a versioned operation, the union
 *        of its versions' schemas), or null when it has none
 */
public record ScpOperation(String operationId, String method, String path, boolean signed, boolean versioned,
        String actionId, String resource, List<ScpParameter> parameters,
        Map<ScpServiceVersion, ScpSchema> responseSchemas, ScpSchema responseModel) {

    public ScpOperation {
        parameters = List.copyOf(parameters);
        responseSchemas = Map.copyOf(responseSchemas);
    }

    /** The 200 schema of {@code version}; empty when the operation does not exist in that version. */
    public Optional<ScpSchema> responseSchema(ScpServiceVersion version) {
        return Optional.ofNullable(responseSchemas.get(version));
    }

    /** The versions this operation exists in. */
    public Set<ScpServiceVersion> versions() {
        return responseSchemas.keySet();
    }

    /**
     * The operation id's hash. Operations are map keys on every request (the server's parameter
     * check and shaping); the record's own hash code would hash every component, schemas and fields
     * included, each time. Consistent with {@link #equals}: equal operations have the same id.
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(operationId);
    }

    /** The parameter named {@code name} (a header's name compared case-insensitively). */
    public Optional<ScpParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.in() == ScpParameter.In.HEADER ? p.name().equalsIgnoreCase(name)
                : p.name().equals(name)).findFirst();
    }
}
