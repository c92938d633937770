package io.github.scptoolkit.image.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * The spec as the API console at {@code /docs} shows it: the packaged spec with three changes,
 * all derived from the spec itself and its generated facts, never from the request.
 * <ul>
 * <li>Servers: first the relative URL {@code /} ("this emulator"), then the spec's own servers.
 * OpenAPI resolves a relative server URL against the URL the document was loaded from, so the
 * page calls the origin it was served from; no URL is built from {@code Host}.</li>
 * <li>Each versioned operation's version header ({@link ScpApi#VERSION_HEADER}) becomes an inline
 * parameter whose schema lists, as an {@code enum}, the header value of every version a request
 * may name ({@link ServiceVersion#isCallable()}) in which the operation exists, with the CURRENT
 * one ({@link ScpServiceVersion#getLatest()}) as {@code default}: Swagger UI shows a drop-down
 * with it preselected.</li>
 * <li>{@code info.description} starts with a paragraph that says where "Try it out" goes and how
 * it is signed.</li>
 * </ul>
 * Everything else (paths, security, schemas, examples) is the spec as written.
 *
 * <pre>
 * ObjectNode console = ConsoleSpec.of(JsonMapper.shared().readTree(specJson));
 * console.get("servers").get(0).get("url");    // "/"
 * </pre>
 */
final class ConsoleSpec {

    /** Where the emulator serves the console's spec (beside {@code /openapi.yaml}, so relative example URLs resolve alike). */
    static final String PATH = "/openapi-console.json";

    /** The first server: the page's own origin. */
    static final String THIS_EMULATOR = "/";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String PARAMETERS_REF = "#/components/parameters/";

    private ConsoleSpec() {
    }

    /** The console's variant of {@code spec} (a copy; {@code spec} is not changed). */
    static ObjectNode of(JsonNode spec) {
        ObjectNode console = (ObjectNode) spec.deepCopy();
        emulatorFirst(console);
        versionChoices(console);
        introduction(console);
        return console;
    }

    /** The header values a request to {@code operation} may name, newest first. */
    static List<String> versionChoices(ScpOperation operation) {
        return ScpServiceVersion.all().stream().filter(ServiceVersion::isCallable)
                .filter(v -> operation.versions().contains(v)).sorted(Comparator.reverseOrder())
                .map(ScpServiceVersion::headerValue).toList();
    }

    /** The preselected version of {@code operation}: the CURRENT one, or the first choice if it lacks it. */
    static Optional<String> defaultVersion(ScpOperation operation) {
        List<String> choices = versionChoices(operation);
        String current = ScpServiceVersion.getLatest().headerValue();
        return choices.contains(current) ? Optional.of(current) : choices.stream().findFirst();
    }

    private static void emulatorFirst(ObjectNode spec) {
        ArrayNode servers = JsonNodeFactory.instance.arrayNode();
        servers.addObject().put("url", THIS_EMULATOR)
                .put("description", "This emulator (the origin this page was loaded from)");
        spec.path("servers").forEach(servers::add);
        spec.set("servers", servers);
    }

    private static void versionChoices(ObjectNode spec) {
        JsonNode components = spec.path("components").path("parameters");
        for (var path : spec.path("paths").properties()) {
            if (!(path.getValue() instanceof ObjectNode item)) {
                continue;
            }
            for (var entry : item.properties()) {
                if (!METHODS.contains(entry.getKey()) || !(entry.getValue() instanceof ObjectNode operation)) {
                    continue;
                }
                ScpApi.operation(operation.path("operationId").asString(""))
                        .filter(ScpOperation::versioned)
                        .ifPresent(facts -> inlineVersionParameter(operation, item, components, facts));
            }
        }
    }

    /**
     * Replaces the operation's version parameter (its own, or else the path item's) with an inline
     * one whose schema lists the choices. An operation-level parameter overrides the path item's
     * parameter of the same name and location, so the path item is left as it is.
     */
    private static void inlineVersionParameter(ObjectNode operation, ObjectNode item, JsonNode components,
            ScpOperation facts) {
        List<String> choices = versionChoices(facts);
        Optional<String> preselected = defaultVersion(facts);
        if (choices.isEmpty() || preselected.isEmpty()) {
            return;
        }
        ArrayNode own = operation.get("parameters") instanceof ArrayNode list ? list : operation.putArray("parameters");
        int index = indexOfVersionHeader(own, components);
        JsonNode declared = index >= 0 ? own.get(index) : versionHeader(item.path("parameters"), components);
        if (declared == null) {
            return;
        }
        ObjectNode parameter = (ObjectNode) resolve(declared, components).deepCopy();
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "string");
        choices.forEach(schema.putArray("enum")::add);
        schema.put("default", preselected.get());
        parameter.set("schema", schema);
        parameter.put("example", preselected.get());
        parameter.put("description", parameter.path("description").asString("").strip() + "\n\nIn this console: "
                + "every version a request may name, the CURRENT one (`" + ScpServiceVersion.getLatest().headerValue()
                + "`) preselected; `GET /` tells each version's state and Not Before date.");
        if (index >= 0) {
            own.set(index, parameter);
        } else {
            own.add(parameter);
        }
    }

    private static int indexOfVersionHeader(ArrayNode parameters, JsonNode components) {
        for (int i = 0; i < parameters.size(); i++) {
            if (isVersionHeader(resolve(parameters.get(i), components))) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode versionHeader(JsonNode parameters, JsonNode components) {
        for (JsonNode parameter : parameters) {
            if (isVersionHeader(resolve(parameter, components))) {
                return parameter;
            }
        }
        return null;
    }

    private static boolean isVersionHeader(JsonNode parameter) {
        return "header".equals(parameter.path("in").asString(""))
                && ScpApi.VERSION_HEADER.equalsIgnoreCase(parameter.path("name").asString(""));
    }

    /** A parameter, or the component a local {@code $ref} names (a missing one resolves to an empty node). */
    private static JsonNode resolve(JsonNode parameter, JsonNode components) {
        String ref = parameter.path("$ref").asString("");
        return ref.startsWith(PARAMETERS_REF) ? components.path(ref.substring(PARAMETERS_REF.length())) : parameter;
    }

    private static void introduction(ObjectNode spec) {
        if (!(spec.get("info") instanceof ObjectNode info)) {
            return;
        }
        List<String> signed = new ArrayList<>();
        List<String> unsigned = new ArrayList<>();
        for (ScpOperation operation : ScpApi.operations()) {
            (operation.signed() ? signed : unsigned).add("`" + operation.method().toUpperCase(Locale.ROOT) + " "
                    + operation.path() + "`");
        }
        String intro = "**API console of the local emulator.** \"Try it out\" calls this emulator (the first "
                + "server). Press **Authorize** and give an access key and secret key (the emulator's demo tenants "
                + "are offered): every request to a signed operation ("
                + String.join(", ", signed) + ") is then signed in this page with Web Crypto, fresh for each request; "
                + (unsigned.isEmpty() ? "" : String.join(", ", unsigned) + " needs no signature. ")
                + "The secret key stays in this page's memory: it is never sent, stored or put in a URL. "
                + "The spec as published: [/openapi.yaml](/openapi.yaml).\n\n";
        info.put("description", intro + info.path("description").asString(""));
    }
}
