package io.github.scptoolkit.image.it.contract;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * The spec as a contract: validates requests and responses against
 * {@code /openapi/virtualserver-show-image.yaml} from the api-spec jar with Atlassian's
 * swagger-request-validator. Each check returns the violations as readable lines (empty when the
 * exchange conforms).
 *
 * <p>Responses are checked as responses of the spec's only operation, {@code GET
 * /v1/images/{image_id}}, whatever the method and path were: whatever the server answers on its API
 * (a 405 for POST, a 404 for an unknown path, a 400 from the HTTP server itself) must be one of
 * that operation's documented responses. Paths outside the API ({@link #isApiPath}) are not checked.
 *
 * <pre>
 * List&lt;String&gt; violations = SpecContract.check(httpResponse);   // java.net.http response
 * </pre>
 */
public final class SpecContract {

    /** The spec as packaged by api-spec. */
    public static final String SPEC = "/openapi/virtualserver-show-image.yaml";
    /** The path every response is checked against (any id: responses do not depend on it). */
    static final String OPERATION_PATH = "/v1/images/contract-check";

    /** Served by the application but not part of this API (health, served docs). */
    private static final List<String> NON_API_PREFIXES = List.of("/actuator", "/docs", "/openapi", "/examples", "/v3/api-docs",
            "/swagger-ui", "/webjars", "/favicon.ico");

    /** Requests, and responses other than 200: the spec as written. */
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createFor(parse()).build();
    /** 200 responses, per served version ("1.0" ...): the spec with that version's x-api-versions schema. */
    private static final Map<String, OpenApiInteractionValidator> BY_VERSION = perVersionValidators();
    private static final String CURRENT = currentVersion();

    private SpecContract() {
    }

    /** Whether {@code path} (raw request URI) belongs to the API, i.e. its exchanges are checked. */
    public static boolean isApiPath(String path) {
        return NON_API_PREFIXES.stream().noneMatch(path::startsWith);
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
        return lines("request " + method + " " + path, VALIDATOR.validateRequest(request.build()), Set.of());
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
        List<String> served = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Scp-Api-Version"))
                .flatMap(e -> e.getValue().stream()).toList();
        String version = served.isEmpty() ? CURRENT : served.get(0).replace("virtualserver ", "");
        OpenApiInteractionValidator validator = BY_VERSION.getOrDefault(version, VALIDATOR);
        List<String> violations = new ArrayList<>(lines("response " + status + " to " + method + " " + path,
                validator.validateResponse(OPERATION_PATH, Request.Method.GET, response.build()), ignored));
        if (status == 200 && !BY_VERSION.containsKey(version)) {
            violations.add("response 200 to " + method + " " + path + ": served version '" + version
                    + "' is not one of x-api-versions");
        }
        return violations;
    }

    /** Violations of a response received by a test (java.net.http), against the spec. */
    public static List<String> check(HttpResponse<String> response) {
        String method = response.request().method();
        return validateResponse(method, response.uri().getRawPath(), response.statusCode(),
                response.headers().map(), response.body());
    }

    /** Every request header the spec names: header parameters and apiKey security schemes in a header. */
    public static java.util.Set<String> headerNames() {
        OpenAPI api = parse();
        java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        api.getPaths().get("/v1/images/{image_id}").getGet().getParameters().stream()
                .filter(p -> "header".equals(p.getIn())).forEach(p -> names.add(p.getName()));
        api.getComponents().getSecuritySchemes().values().stream()
                .filter(s -> s.getIn() != null && "header".equals(s.getIn().toString())).forEach(s -> names.add(s.getName()));
        return names;
    }

    /** The operation's x-api-versions entries (version, status, schema, ...), as written in the spec. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> apiVersions(OpenAPI api) {
        return (List<Map<String, Object>>) api.getPaths().get("/v1/images/{image_id}").getGet().getExtensions()
                .get("x-api-versions");
    }

    private static OpenAPI parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(SpecContract.class.getResource(SPEC).toString(), null, options);
        if (api == null) {
            throw new IllegalStateException("cannot parse " + SPEC);
        }
        // The validator checks an operation's own security only; the spec declares it once, at the root.
        api.getPaths().values().forEach(path -> path.readOperations().stream().filter(op -> op.getSecurity() == null)
                .forEach(op -> op.setSecurity(api.getSecurity())));
        return api;
    }

    /**
     * One validator per version whose 200 schema is that version's (the spec declares the common
     * parent on the 200 response and names each version's schema in x-api-versions), so that a
     * 1.0 body with 1.2's {@code scp_gpu_driver}, or a 1.3 body without it, is caught.
     */
    private static Map<String, OpenApiInteractionValidator> perVersionValidators() {
        Map<String, OpenApiInteractionValidator> validators = new LinkedHashMap<>();
        for (Map<String, Object> entry : apiVersions(parse())) {
            OpenAPI api = parse();
            String schema = (String) entry.get("schema");
            api.getPaths().get("/v1/images/{image_id}").getGet().getResponses().get("200").getContent()
                    .get("application/json").setSchema(flatten(api.getComponents().getSchemas().get(schema), api.getComponents().getSchemas()));
            validators.put(String.valueOf(entry.get("version")), OpenApiInteractionValidator.createFor(api).build());
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

    private static String currentVersion() {
        return apiVersions(parse()).stream().filter(e -> "CURRENT".equals(e.get("status")))
                .map(e -> String.valueOf(e.get("version"))).findFirst().orElseThrow();
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
