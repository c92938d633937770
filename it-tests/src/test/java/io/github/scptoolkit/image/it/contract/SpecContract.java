package io.github.scptoolkit.image.it.contract;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The spec as a contract: validates requests and responses against
 * {@code /openapi/virtualserver-show-image.yaml} from the api-spec jar with Atlassian's
 * swagger-request-validator. Each check returns the violations as readable lines (empty when the
 * exchange conforms).
 *
 * <p>A response is checked as a response of the operation whose path template its path matches
 * ({@link ScpApi#operations()}: Show Image, the versions document {@code GET /}, any other the
 * spec gains), whatever the method was: whatever the server answers on its API (a 405 for POST, a
 * 400 from the HTTP server itself) must be one of that operation's documented responses. A path
 * that matches no template (an unknown path, an empty id) is checked against the operation whose
 * path shares the longest prefix with it. A versioned operation's 200 body is checked against the
 * schema of the version that served it (the {@code Scp-Api-Version} echo; the CURRENT version
 * without one), from the operation's {@code x-version-schemas}. Paths outside the API
 * ({@link #isApiPath}) are not checked.
 *
 * <pre>
 * List&lt;String&gt; violations = SpecContract.check(httpResponse);   // java.net.http response
 * </pre>
 */
public final class SpecContract {

    /** The spec as packaged by api-spec. */
    public static final String SPEC = ScpApi.SPEC_YAML;
    /** IAM's endpoint catalog as packaged by api-spec (the emulator serves it at its auth URL). */
    public static final String IAM_SPEC = "/openapi/iam-endpoints.yaml";

    /** Served by the application but not part of this API (health, served docs). */
    private static final List<String> NON_API_PREFIXES = List.of("/actuator", "/docs", "/openapi", "/examples", "/v3/api-docs",
            "/swagger-ui", "/webjars", "/favicon.ico");

    /** Requests, and responses that are not 200s of a versioned operation: the spec as written. */
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createFor(parse()).build();
    /** 200 responses of versioned operations, per served version: the spec with that version's 200 schemas. */
    private static final Map<ScpServiceVersion, OpenApiInteractionValidator> BY_VERSION = perVersionValidators();
    /** Each operation's path template as a pattern (a parameter is one non-empty segment). */
    private static final Map<ScpOperation, Pattern> TEMPLATES = templates();
    /** Exchanges of the endpoint catalog, checked against {@link #IAM_SPEC}. */
    private static final OpenApiInteractionValidator IAM_VALIDATOR = OpenApiInteractionValidator.createFor(parse(IAM_SPEC))
            .build();
    /** The catalog's paths as served: the server URL's path (the auth URL's) followed by each path of {@link #IAM_SPEC}. */
    private static final Set<String> IAM_PATHS = iamPaths();

    private SpecContract() {
    }

    /** Whether {@code path} (raw request URI) belongs to the API, i.e. its exchanges are checked. */
    public static boolean isApiPath(String path) {
        return NON_API_PREFIXES.stream().noneMatch(path::startsWith);
    }

    /** Whether {@code path} is one of the endpoint catalog's (IAM's API, not this spec's). */
    public static boolean isIamPath(String path) {
        return IAM_PATHS.contains(path);
    }

    private static Set<String> iamPaths() {
        OpenAPI iam = parse(IAM_SPEC);
        String base = java.net.URI.create(iam.getServers().get(0).getUrl()).getPath();
        return iam.getPaths().keySet().stream().map(p -> base + p).collect(Collectors.toSet());
    }

    /** Violations of the request: path, method, parameters (headers included) and security headers. */
    public static List<String> validateRequest(String method, String path, String query,
            Map<String, List<String>> headers) {
        Request.Method known = method(method);
        if (known == null) {
            return List.of("request " + method + " " + path + ": method " + method + " is not in the spec");
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(known, path);
        headers.forEach(request::withHeader);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                request.withQueryParam(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return lines("request " + method + " " + path,
                (isIamPath(path) ? IAM_VALIDATOR : VALIDATOR).validateRequest(request.build()), Set.of());
    }

    /** Violations of a response (status, Content-Type, documented headers, body schema) to {@code method}. */
    public static List<String> validateResponse(String method, String path, int status,
            Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        headers.forEach(response::withHeader);
        boolean head = "HEAD".equalsIgnoreCase(method);
        if (!head && body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        Set<String> ignored = head ? Set.of("validation.response.body.missing") : Set.of();
        if (isIamPath(path)) {
            return lines("response " + status + " to " + method + " " + path,
                    IAM_VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build()), ignored);
        }
        ScpOperation op = operationFor(path);
        String what = "response " + status + " to " + method + " " + path;
        List<String> violations = new ArrayList<>();
        OpenApiInteractionValidator validator = VALIDATOR;
        if (op.versioned()) {
            List<String> served = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(ScpApi.VERSION_HEADER))
                    .flatMap(e -> e.getValue().stream()).toList();
            Optional<ScpServiceVersion> version = served.isEmpty() ? Optional.of(ScpServiceVersion.getLatest())
                    : ScpServiceVersion.fromHeaderValue(served.get(0));
            if (version.isPresent() && BY_VERSION.containsKey(version.get())) {
                validator = BY_VERSION.get(version.get());
            } else if (status == 200) {
                violations.add(what + ": served version '" + served.get(0) + "' is not one of x-api-versions"
                        + " with a 200 schema for " + op.operationId());
            }
        }
        violations.addAll(lines(what, validator.validateResponse(concretePath(op),
                Request.Method.valueOf(op.method()), response.build()), ignored));
        return violations;
    }

    /** Violations of a response received by a test (java.net.http), against the spec. */
    public static List<String> check(HttpResponse<String> response) {
        String method = response.request().method();
        return validateResponse(method, response.uri().getRawPath(), response.statusCode(),
                response.headers().map(), response.body());
    }

    /** Every request header the spec names: header parameters of every operation and apiKey security schemes in a header. */
    public static Set<String> headerNames() {
        OpenAPI api = parse();
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().stream().filter(p -> "header".equals(p.getIn())).forEach(p -> names.add(p.getName()));
            }
        }));
        api.getComponents().getSecuritySchemes().values().stream()
                .filter(s -> s.getIn() != null && "header".equals(s.getIn().toString())).forEach(s -> names.add(s.getName()));
        return names;
    }

    /** The operation whose path template matches {@code path}, else the one sharing the longest prefix with it. */
    static ScpOperation operationFor(String path) {
        for (Map.Entry<ScpOperation, Pattern> t : TEMPLATES.entrySet()) {
            if (t.getValue().matcher(path).matches()) {
                return t.getKey();
            }
        }
        ScpOperation best = null;
        int longest = -1;
        for (ScpOperation op : ScpApi.operations()) {
            String literal = op.path().contains("{") ? op.path().substring(0, op.path().indexOf('{')) : op.path();
            int common = 0;
            while (common < Math.min(literal.length(), path.length()) && literal.charAt(common) == path.charAt(common)) {
                common++;
            }
            if (common > longest) {
                best = op;
                longest = common;
            }
        }
        return best;
    }

    /** The operation's path template with every parameter set (responses do not depend on it; the raw path may not even parse). */
    private static String concretePath(ScpOperation op) {
        return op.path().replaceAll("\\{[^}]+}", "contract-check");
    }

    private static Map<ScpOperation, Pattern> templates() {
        Map<ScpOperation, Pattern> templates = new LinkedHashMap<>();
        for (ScpOperation op : ScpApi.operations()) {
            StringBuilder regex = new StringBuilder();
            for (String part : op.path().split("(?=\\{)|(?<=})")) {
                regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            templates.put(op, Pattern.compile(regex.toString()));
        }
        return templates;
    }

    private static OpenAPI parse() {
        return parse(SPEC);
    }

    private static OpenAPI parse(String spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(SpecContract.class.getResource(spec).toString(), null, options);
        if (api == null) {
            throw new IllegalStateException("cannot parse " + spec);
        }
        // The validator checks an operation's own security only; the spec declares it once, at the root.
        api.getPaths().values().forEach(path -> path.readOperations().stream().filter(op -> op.getSecurity() == null)
                .forEach(op -> op.setSecurity(api.getSecurity())));
        return api;
    }

    /**
     * One validator per version whose 200 schema, for every versioned operation, is that version's
     * (the spec declares a common schema on the 200 response and names each version's schema in the
     * operation's x-version-schemas), so that a body carrying a field of a later version, or
     * lacking one of its own, is caught. Versions with the same schemas share a validator.
     */
    private static Map<ScpServiceVersion, OpenApiInteractionValidator> perVersionValidators() {
        Map<ScpServiceVersion, OpenApiInteractionValidator> validators = new LinkedHashMap<>();
        Map<List<String>, OpenApiInteractionValidator> bySchemas = new HashMap<>();
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            List<ScpOperation> versioned = ScpApi.operations().stream().filter(ScpOperation::versioned)
                    .filter(op -> op.responseSchema(version).isPresent()).toList();
            if (versioned.isEmpty()) {
                continue;
            }
            List<String> schemas = versioned.stream()
                    .map(op -> op.operationId() + "=" + op.responseSchema(version).orElseThrow().name()).toList();
            validators.put(version, bySchemas.computeIfAbsent(schemas, key -> {
                OpenAPI api = parse();
                for (ScpOperation op : versioned) {
                    Operation operation = api.getPaths().get(op.path()).readOperationsMap()
                            .get(PathItem.HttpMethod.valueOf(op.method()));
                    Schema<?> schema = api.getComponents().getSchemas().get(op.responseSchema(version).orElseThrow().name());
                    operation.getResponses().get("200").getContent().get("application/json")
                            .setSchema(flatten(schema, api.getComponents().getSchemas()));
                }
                return OpenApiInteractionValidator.createFor(api).build();
            }));
        }
        return validators;
    }

    /**
     * An allOf merged into one object schema (properties and required lists joined): the validator
     * forbids properties a schema does not name, which no single allOf part could then pass.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> flatten(Schema<?> schema, Map<String, Schema> components) {
        if (schema.get$ref() != null) {
            return flatten(components.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)), components);
        }
        if (schema.getAllOf() == null) {
            return schema;
        }
        ObjectSchema merged = new ObjectSchema();
        Map<String, Schema> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Schema part : schema.getAllOf()) {
            Schema<?> flat = flatten(part, components);
            if (flat.getProperties() != null) {
                properties.putAll(flat.getProperties());
            }
            if (flat.getRequired() != null) {
                flat.getRequired().stream().filter(r -> !required.contains(r)).forEach(required::add);
            }
        }
        merged.setProperties(properties);
        merged.setRequired(required);
        return merged;
    }

    private static Request.Method method(String method) {
        try {
            return Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> lines(String what, ValidationReport report, Set<String> ignored) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !ignored.contains(m.getKey()))
                .map(m -> what + ": [" + m.getKey() + "] " + m.getMessage())
                .collect(Collectors.toList());
    }
}
