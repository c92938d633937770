/*
 * Build-time generation step of the api-spec module, run by exec-maven-plugin as a Java
 * single-file program (see api-spec/pom.xml); it is not part of any jar.
 *
 * Why it exists: openapi-generator turns the spec into the Feign client and the Spring
 * interface, but it cannot (1) turn the spec's x- extensions (the service's versions and their
 * lifecycle, each operation's 200 schema per version, the problem codes) into typed constants,
 * nor (2) merge an operation's per-version 200 schemas into the one model per resource that
 * clients and servers use. This step reads the same file and writes, under target/:
 *
 *  - generated-sources/spec-facts: ScpServiceVersion (one constant per version), ScpProblemCode
 *    (one constant per code) and ScpApi (operations, parameters, per-version field rules), all
 *    plain Java data compiled into the api-spec jar for the client, the stub, the emulator and
 *    the CLI;
 *  - generated-resources/spec-facts/openapi/openapi.json: the spec as JSON, unchanged, for
 *    run-time readers without a YAML parser;
 *  - generated-resources/spec-facts/openapi/openapi-codegen.json: the spec as the client and
 *    stub generators read it: each versioned operation's 200 body is one schema named by its
 *    x-resource (the union of its versions' schemas), and components nothing refers to any more
 *    are dropped.
 *
 * It checks the spec's own consistency first and fails the build with a message naming the
 * problem (exactly one CURRENT version, schemas that exist, codes that are unique, ...).
 *
 * Usage: java GenerateSpecFacts.java <spec.yaml> <sources dir> <resources dir>
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

public final class GenerateSpecFacts {

    static final String PACKAGE = "io.github.scptoolkit.image.spec";
    static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final Set<String> STATUSES = Set.of("PLANNED", "CURRENT", "SUPPORTED", "DEPRECATED");
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    static final String SCHEMAS = "#/components/schemas/";

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateSpecFacts <spec.yaml> <sources dir> <resources dir>");
        }
        Path specFile = Path.of(args[0]);
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(specFile.toFile());
        Spec facts;
        try {
            facts = new Spec(spec);
        } catch (SpecException e) {
            System.err.println("[spec] " + specFile + ": " + e.getMessage());
            throw e;
        }
        Path sources = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(sources);
        write(sources.resolve("ScpServiceVersion.java"), facts.serviceVersionSource());
        write(sources.resolve("ScpProblemCode.java"), facts.problemCodeSource());
        write(sources.resolve("ScpApi.java"), facts.apiSource(specFile.getFileName().toString()));

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path resources = Path.of(args[2]).resolve("openapi");
        Files.createDirectories(resources);
        write(resources.resolve("openapi.json"), json.writeValueAsString(spec) + "\n");
        write(resources.resolve("openapi-codegen.json"), json.writeValueAsString(facts.codegenSpec()) + "\n");
    }

    /** Writes only when the content changed, so that an unchanged spec does not recompile everything. */
    static void write(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.write(file, bytes);
    }

    /** A mistake in the spec, reported with what to fix. */
    static final class SpecException extends RuntimeException {
        SpecException(String message) {
            super(message);
        }
    }

    record Version(String number, String status, LocalDate notBefore) {
        String constant() {
            return "V" + number.replace('.', '_');
        }

        int major() {
            return Integer.parseInt(number.substring(0, number.indexOf('.')));
        }

        int minor() {
            return Integer.parseInt(number.substring(number.indexOf('.') + 1));
        }
    }

    static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major).thenComparingInt(Version::minor);

    record Field(String name, String type, String format, boolean required, boolean nullable, String ref,
            String itemType, Integer minLength, Integer maxLength, String pattern, String description) {
    }

    record Schema(String name, List<Field> fields, ObjectNode flat) {
    }

    record Parameter(String name, String in, boolean required, Integer minLength, Integer maxLength,
            String pattern, boolean multiValued) {
    }

    record Operation(String id, String method, String path, boolean signed, boolean versioned, String actionId,
            String resource, List<Parameter> parameters, Map<Version, String> schemaByVersion, String bodySchema) {
        String constant() {
            return id.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }
    }

    record ProblemCode(String code, int status, String title, String description) {
    }

    static final class Spec {
        final JsonNode root;
        final String service;
        final String versionHeader;
        final ZoneId zone;
        final List<Version> versions = new ArrayList<>();
        final Version current;
        final String problemTypeBase;
        final List<ProblemCode> problemCodes = new ArrayList<>();
        final List<Operation> operations = new ArrayList<>();
        final Map<String, Schema> schemas = new TreeMap<>();
        final Map<String, ObjectNode> unions = new TreeMap<>();

        Spec(JsonNode root) {
            this.root = root;
            JsonNode info = root.path("info");
            this.service = text(info, "x-scp-service", "info");
            this.versionHeader = text(info, "x-version-header", "info");
            try {
                this.zone = ZoneId.of(text(info, "x-not-before-zone", "info"));
            } catch (java.time.DateTimeException e) {
                throw new SpecException("info.x-not-before-zone is not a time zone id: " + e.getMessage());
            }
            readVersions(info.path("x-api-versions"));
            List<Version> currents = versions.stream().filter(v -> v.status().equals("CURRENT")).toList();
            if (currents.size() != 1) {
                throw new SpecException("info.x-api-versions must have exactly one CURRENT version, found "
                        + currents.stream().map(Version::number).toList());
            }
            this.current = currents.get(0);
            JsonNode problemCode = root.path("components").path("schemas").path("ProblemCode");
            this.problemTypeBase = text(problemCode, "x-problem-type-base", "components.schemas.ProblemCode");
            readProblemCodes(problemCode.path("x-problem-codes"));
            readOperations();
        }

        private void readVersions(JsonNode list) {
            if (!list.isArray() || list.isEmpty()) {
                throw new SpecException("info.x-api-versions must list the service's versions");
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode v : list) {
                String number = v.path("version").asText("");
                if (!VERSION.matcher(number).matches()) {
                    throw new SpecException("info.x-api-versions: version '" + number
                            + "' is not <major>.<minor> (quote it in YAML: '1.10' is not 1.1)");
                }
                if (!seen.add(number)) {
                    throw new SpecException("info.x-api-versions: version " + number + " is listed twice");
                }
                String status = v.path("status").asText("");
                if (!STATUSES.contains(status)) {
                    throw new SpecException("info.x-api-versions: version " + number + " has status '" + status
                            + "', expected one of " + new java.util.TreeSet<>(STATUSES));
                }
                JsonNode nb = v.path("not-before");
                LocalDate notBefore = null;
                if (!nb.isMissingNode() && !nb.isNull() && !nb.asText("").isEmpty()) {
                    try {
                        notBefore = LocalDate.parse(nb.asText());
                    } catch (DateTimeParseException e) {
                        throw new SpecException("info.x-api-versions: version " + number + " has not-before '"
                                + nb.asText() + "', expected an ISO date such as 2026-08-31 or null");
                    }
                }
                versions.add(new Version(number, status, notBefore));
            }
            versions.sort(ORDER);
        }

        private void readProblemCodes(JsonNode list) {
            if (!list.isArray() || list.isEmpty()) {
                throw new SpecException("components.schemas.ProblemCode.x-problem-codes must list the problem codes");
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode c : list) {
                String code = c.path("code").asText("");
                if (!CODE.matcher(code).matches()) {
                    throw new SpecException("x-problem-codes: code '" + code + "' is not UPPER_SNAKE_CASE");
                }
                if (!seen.add(code)) {
                    throw new SpecException("x-problem-codes: code " + code + " is listed twice");
                }
                int status = c.path("status").asInt(0);
                if (status < 400 || status > 599) {
                    throw new SpecException("x-problem-codes: code " + code + " has status " + c.path("status")
                            + ", expected an HTTP error status (400-599)");
                }
                String title = c.path("title").asText("");
                if (title.isBlank()) {
                    throw new SpecException("x-problem-codes: code " + code + " has no title");
                }
                problemCodes.add(new ProblemCode(code, status, title, c.path("description").asText("")));
            }
        }

        private void readOperations() {
            boolean globallySigned = root.path("security").isArray() && !root.path("security").isEmpty();
            for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
                for (String method : METHODS) {
                    JsonNode op = path.getValue().path(method);
                    if (op.isMissingNode()) {
                        continue;
                    }
                    String where = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                    String id = text(op, "operationId", where);
                    boolean signed = op.has("security") ? op.path("security").isArray() && !op.path("security").isEmpty()
                            : globallySigned;
                    List<Parameter> parameters = new ArrayList<>();
                    boolean versioned = false;
                    for (JsonNode p : concat(path.getValue().path("parameters"), op.path("parameters"))) {
                        JsonNode param = resolve(p);
                        JsonNode schema = resolve(param.path("schema"));
                        Parameter parameter = new Parameter(text(param, "name", where + " parameter"),
                                text(param, "in", where + " parameter"), param.path("required").asBoolean(false),
                                intOrNull(schema, "minLength"), intOrNull(schema, "maxLength"),
                                schema.path("pattern").isTextual() ? schema.path("pattern").asText() : null,
                                multiValued(param, where));
                        parameters.add(parameter);
                        if (parameter.in().equals("header") && parameter.name().equalsIgnoreCase(versionHeader)) {
                            versioned = true;
                            if (parameter.multiValued()) {
                                throw new SpecException(where + " parameter " + versionHeader
                                        + ": the version header takes one version, it cannot be x-multi-valued");
                            }
                        }
                    }
                    JsonNode byVersion = op.path("x-version-schemas");
                    Map<Version, String> schemaByVersion = new LinkedHashMap<>();
                    String bodySchema = null;
                    String resource = op.path("x-resource").isTextual() ? op.path("x-resource").asText() : null;
                    if (versioned) {
                        schemaByVersion = schemasByVersion(where, byVersion);
                        if (resource == null) {
                            throw new SpecException(where + " has x-version-schemas but no x-resource (the name of its model)");
                        }
                        bodySchema = resource;
                    } else {
                        if (!byVersion.isMissingNode()) {
                            throw new SpecException(where + " has x-version-schemas but no " + versionHeader
                                    + " parameter: a versioned operation takes the version header");
                        }
                        bodySchema = okSchemaName(op, where);
                        if (bodySchema != null) {
                            flatten(bodySchema);
                        }
                    }
                    String actionId = op.path("x-action-id").isTextual() ? op.path("x-action-id").asText() : null;
                    operations.add(new Operation(id, method.toUpperCase(Locale.ROOT), path.getKey(), signed, versioned,
                            actionId, resource, parameters, schemaByVersion, bodySchema));
                }
            }
            Set<String> ids = new HashSet<>();
            for (Operation o : operations) {
                if (!ids.add(o.id())) {
                    throw new SpecException("operationId " + o.id() + " is used twice");
                }
            }
            for (Operation o : operations) {
                if (!o.versioned()) {
                    continue;
                }
                if (root.path("components").path("schemas").has(o.resource())) {
                    throw new SpecException(o.method() + " " + o.path() + ": x-resource " + o.resource()
                            + " is generated from x-version-schemas; components.schemas must not define it");
                }
                ObjectNode union = union(o);
                Schema existing = schemas.get(o.resource());
                if (existing != null && !existing.flat().equals(union)) {
                    throw new SpecException("two operations name x-resource " + o.resource()
                            + " with different schemas; give each its own x-resource");
                }
                unions.put(o.resource(), union);
                flatten(o.resource(), union);
            }
            Set<String> constants = new HashSet<>();
            for (String name : schemas.keySet()) {
                constants.add(constant(name));
            }
            for (Operation o : operations) {
                if (!constants.add(o.constant())) {
                    throw new SpecException("operation " + o.id() + " and a schema would share the constant "
                            + o.constant() + "; rename one");
                }
            }
        }

        /** Each version's 200 schema: listed ones, and for the others the nearest earlier listed one. */
        private Map<Version, String> schemasByVersion(String where, JsonNode byVersion) {
            if (!byVersion.isObject() || byVersion.isEmpty()) {
                throw new SpecException(where + " takes " + versionHeader
                        + " but has no x-version-schemas (version: 200 schema from that version on)");
            }
            TreeMap<Version, String> listed = new TreeMap<>(ORDER);
            byVersion.properties().forEach(e -> {
                Version v = versions.stream().filter(x -> x.number().equals(e.getKey())).findFirst()
                        .orElseThrow(() -> new SpecException(where + " x-version-schemas names version " + e.getKey()
                                + ", which info.x-api-versions does not list"));
                String schema = e.getValue().asText("");
                if (!root.path("components").path("schemas").has(schema)) {
                    throw new SpecException(where + " x-version-schemas: version " + e.getKey() + " names schema '"
                            + schema + "', which components.schemas does not define");
                }
                flatten(schema);
                listed.put(v, schema);
            });
            Map<Version, String> all = new LinkedHashMap<>();
            for (Version v : versions) {
                Map.Entry<Version, String> from = listed.floorEntry(v);
                if (from != null) {
                    all.put(v, from.getValue());
                }
            }
            return all;
        }

        private String okSchemaName(JsonNode op, String where) {
            JsonNode ok = resolve(op.path("responses").path("200"));
            JsonNode schema = ok.path("content").path("application/json").path("schema");
            String ref = schema.path("$ref").asText("");
            return ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
        }

        /** The schema with its allOf parts and local $refs merged: properties in order, required as a union. */
        Schema flatten(String name) {
            Schema known = schemas.get(name);
            if (known != null) {
                return known;
            }
            JsonNode node = root.path("components").path("schemas").path(name);
            if (node.isMissingNode()) {
                throw new SpecException("components.schemas has no schema '" + name + "'");
            }
            return flatten(name, node);
        }

        Schema flatten(String name, JsonNode node) {
            ObjectNode flat = new ObjectMapper().createObjectNode();
            LinkedHashMap<String, JsonNode> properties = new LinkedHashMap<>();
            LinkedHashSet<String> required = new LinkedHashSet<>();
            merge(node, properties, required, 0);
            flat.put("type", "object");
            if (node.has("title")) {
                flat.set("title", node.get("title"));
            }
            if (node.has("description")) {
                flat.set("description", node.get("description"));
            }
            ArrayNode req = flat.putArray("required");
            required.forEach(req::add);
            ObjectNode props = flat.putObject("properties");
            properties.forEach(props::set);
            List<Field> fields = new ArrayList<>();
            schemas.put(name, new Schema(name, fields, flat));
            properties.forEach((field, def) -> {
                JsonNode d = resolveInline(def);
                String ref = null;
                String type = d.path("type").asText(def.has("$ref") ? "object" : "");
                String itemType = null;
                if (def.path("$ref").asText("").startsWith(SCHEMAS)) {
                    String target = def.path("$ref").asText().substring(SCHEMAS.length());
                    JsonNode targetNode = root.path("components").path("schemas").path(target);
                    if (isObject(targetNode)) {
                        ref = target;
                        flatten(target);
                    }
                }
                if (type.equals("array")) {
                    JsonNode items = d.path("items");
                    String itemsRef = items.path("$ref").asText("");
                    if (itemsRef.startsWith(SCHEMAS)) {
                        String target = itemsRef.substring(SCHEMAS.length());
                        if (isObject(root.path("components").path("schemas").path(target))) {
                            ref = target;
                            itemType = "object";
                            flatten(target);
                        } else {
                            itemType = resolveInline(items).path("type").asText("string");
                        }
                    } else {
                        itemType = items.path("type").asText("string");
                    }
                }
                fields.add(new Field(field, type.isEmpty() ? "string" : type,
                        d.path("format").isTextual() ? d.path("format").asText() : null,
                        required.contains(field), d.path("nullable").asBoolean(false), ref, itemType,
                        intOrNull(d, "minLength"), intOrNull(d, "maxLength"),
                        d.path("pattern").isTextual() ? d.path("pattern").asText() : null,
                        d.path("description").asText("")));
            });
            return schemas.get(name);
        }

        private boolean isObject(JsonNode schema) {
            return schema.path("type").asText("").equals("object") || schema.has("properties") || schema.has("allOf");
        }

        private void merge(JsonNode schema, Map<String, JsonNode> properties, Set<String> required, int depth) {
            if (depth > 32) {
                throw new SpecException("schema references nest more than 32 levels deep (a $ref cycle?)");
            }
            String ref = schema.path("$ref").asText("");
            if (ref.startsWith(SCHEMAS)) {
                JsonNode target = root.path("components").path("schemas").path(ref.substring(SCHEMAS.length()));
                if (target.isMissingNode()) {
                    throw new SpecException("$ref " + ref + " names no schema");
                }
                merge(target, properties, required, depth + 1);
            }
            for (JsonNode part : schema.path("allOf")) {
                merge(part, properties, required, depth + 1);
            }
            schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
            schema.path("required").forEach(r -> required.add(r.asText()));
        }

        /** A property's schema with a $ref to a non-object schema (e.g. ProblemCode, a string) followed. */
        private JsonNode resolveInline(JsonNode def) {
            String ref = def.path("$ref").asText("");
            if (ref.startsWith(SCHEMAS)) {
                JsonNode target = root.path("components").path("schemas").path(ref.substring(SCHEMAS.length()));
                return isObject(target) ? def : target;
            }
            return def;
        }

        private JsonNode resolve(JsonNode node) {
            int guard = 0;
            while (node.has("$ref") && guard++ < 16) {
                String ref = node.path("$ref").asText();
                if (!ref.startsWith("#/")) {
                    throw new SpecException("only local $refs are supported: " + ref);
                }
                JsonNode target = root;
                for (String part : ref.substring(2).split("/")) {
                    target = target.path(part.replace("~1", "/").replace("~0", "~"));
                }
                if (target.isMissingNode()) {
                    throw new SpecException("$ref " + ref + " points at nothing");
                }
                node = target;
            }
            return node;
        }

        // ---- The spec as the generators read it -------------------------------------------------

        /**
         * A copy of the spec in which each versioned operation's 200 body is the schema named by its
         * x-resource: the union of its versions' schemas (every property of every version, the newest
         * definition of each; required only where every version requires it), and the components that
         * nothing reaches from the paths any more are dropped.
         */
        JsonNode codegenSpec() {
            ObjectNode copy = root.deepCopy();
            ObjectNode schemasNode = (ObjectNode) copy.withObjectProperty("components").withObjectProperty("schemas");
            for (Operation op : operations) {
                if (!op.versioned()) {
                    continue;
                }
                schemasNode.set(op.resource(), unions.get(op.resource()));
                ObjectNode operation = (ObjectNode) copy.path("paths").path(op.path()).path(op.method().toLowerCase(Locale.ROOT));
                ObjectNode responses = (ObjectNode) operation.path("responses");
                ObjectNode ok = resolve(responses.path("200")).deepCopy();
                ObjectNode json = (ObjectNode) ok.withObjectProperty("content").withObjectProperty("application/json");
                json.putObject("schema").put("$ref", SCHEMAS + op.resource());
                responses.set("200", ok);
            }
            dropUnreachable(copy);
            return copy;
        }

        private ObjectNode union(Operation op) {
            List<String> schemaNames = new ArrayList<>(new LinkedHashSet<>(op.schemaByVersion().values()));
            ObjectMapper m = new ObjectMapper();
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            Map<String, String> since = new LinkedHashMap<>();
            Set<String> required = null;
            for (Map.Entry<Version, String> e : op.schemaByVersion().entrySet()) {
                Schema s = flatten(e.getValue());
                s.flat().path("properties").properties().forEach(p -> {
                    properties.put(p.getKey(), p.getValue());
                    since.putIfAbsent(p.getKey(), e.getKey().number());
                });
                Set<String> req = new LinkedHashSet<>();
                s.flat().path("required").forEach(r -> req.add(r.asText()));
                if (required == null) {
                    required = req;
                } else {
                    required.retainAll(req);
                }
            }
            String first = op.schemaByVersion().keySet().iterator().next().number();
            ObjectNode union = m.createObjectNode();
            union.put("type", "object");
            union.put("title", op.resource());
            union.put("description", "The " + op.resource() + " answered by " + op.id() + ", with every field of every"
                    + " version (" + String.join(", ", schemaNames) + "); each version sends only its own schema's"
                    + " fields. Generated from x-version-schemas.");
            ArrayNode req = union.putArray("required");
            required.forEach(req::add);
            ObjectNode props = union.putObject("properties");
            properties.forEach((name, def) -> {
                ObjectNode copy = def.deepCopy();
                if (!since.get(name).equals(first) && !copy.has("$ref")) {
                    copy.put("description", copy.path("description").asText("") + " Sent from version "
                            + since.get(name) + " on.");
                }
                props.set(name, copy);
            });
            return union;
        }

        private static void dropUnreachable(ObjectNode spec) {
            Set<String> reachable = new HashSet<>();
            List<JsonNode> todo = new ArrayList<>();
            todo.add(spec.path("paths"));
            while (!todo.isEmpty()) {
                JsonNode n = todo.remove(todo.size() - 1);
                if (n.isObject()) {
                    JsonNode ref = n.get("$ref");
                    if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")
                            && reachable.add(ref.asText())) {
                        JsonNode target = spec;
                        for (String part : ref.asText().substring(2).split("/")) {
                            target = target.path(part);
                        }
                        todo.add(target);
                    }
                    n.forEach(todo::add);
                } else if (n.isArray()) {
                    n.forEach(todo::add);
                }
            }
            for (String section : List.of("schemas", "responses", "parameters", "headers", "examples")) {
                JsonNode node = spec.path("components").path(section);
                if (node instanceof ObjectNode obj) {
                    List<String> names = new ArrayList<>();
                    obj.properties().forEach(e -> names.add(e.getKey()));
                    for (String name : names) {
                        if (!reachable.contains("#/components/" + section + "/" + name)) {
                            obj.remove(name);
                        }
                    }
                }
            }
        }

        // ---- Java sources ---------------------------------------------------------------------

        String serviceVersionSource() {
            StringBuilder b = header();
            b.append("""
                    import java.time.LocalDate;
                    import java.util.List;
                    import java.util.Optional;

                    /**
                     * The versions of the {@code %1$s} service, one constant per entry of the spec's
                     * {@code x-api-versions} (generated at build time; adding a version to the spec adds a
                     * constant and changes no other). {@link #getLatest()} is the CURRENT version, which a
                     * client uses when given none and a server uses for requests without {@code %2$s}.
                     * {@link #toString()} is the header value, so a constant can be passed where the
                     * generated interfaces take the version header.
                     *
                     * <pre>
                     * ScpServiceVersion latest = ScpServiceVersion.getLatest();
                     * latest.getVersion();                     // "%3$s"
                     * latest.headerValue();                    // "%1$s %3$s"
                     * ScpServiceVersion.fromHeaderValue("%1$s %3$s");   // Optional[%1$s %3$s]
                     * </pre>
                     */
                    public enum ScpServiceVersion implements ServiceVersion {
                    """.formatted(service, versionHeader, current.number()));
            for (int i = 0; i < versions.size(); i++) {
                Version v = versions.get(i);
                b.append("    /** {@code ").append(service).append(' ').append(v.number()).append("}: ")
                        .append(v.status()).append(v.notBefore() == null ? "" : ", Not Before " + v.notBefore())
                        .append(". */\n");
                b.append("    ").append(v.constant()).append('(').append(lit(v.number())).append(", VersionStatus.")
                        .append(v.status()).append(", ")
                        .append(v.notBefore() == null ? "null" : "LocalDate.of(" + v.notBefore().getYear() + ", "
                                + v.notBefore().getMonthValue() + ", " + v.notBefore().getDayOfMonth() + ")")
                        .append(i == versions.size() - 1 ? ");\n" : "),\n");
            }
            b.append("""

                        private static final List<ScpServiceVersion> ALL = List.of(values());

                        private final String version;
                        private final VersionStatus status;
                        private final LocalDate notBefore;
                        private final String headerValue;

                        ScpServiceVersion(String version, VersionStatus status, LocalDate notBefore) {
                            this.version = version;
                            this.status = status;
                            this.notBefore = notBefore;
                            this.headerValue = ScpApi.SERVICE + " " + version;
                        }

                        @Override
                        public String getVersion() {
                            return version;
                        }

                        @Override
                        public VersionStatus status() {
                            return status;
                        }

                        @Override
                        public Optional<LocalDate> notBefore() {
                            return Optional.ofNullable(notBefore);
                        }

                        @Override
                        public String headerValue() {
                            return headerValue;
                        }

                        /** The header value, e.g. {@code "%1$s %2$s"}. */
                        @Override
                        public String toString() {
                            return headerValue;
                        }

                        /** The CURRENT version ({@code %2$s} in this build of the spec). */
                        public static ScpServiceVersion getLatest() {
                            return %3$s;
                        }

                        /** Every version, oldest first. */
                        public static List<ScpServiceVersion> all() {
                            return ALL;
                        }

                        /** The version whose header value is exactly {@code value} ({@code "%1$s %2$s"}). */
                        public static Optional<ScpServiceVersion> fromHeaderValue(String value) {
                            return ServiceVersion.find(ALL, value, ScpServiceVersion::headerValue);
                        }

                        /** The version {@code "%2$s"} (or {@code "v%2$s"}, the versions document's id). */
                        public static Optional<ScpServiceVersion> fromVersion(String version) {
                            if (version != null && version.startsWith("v")) {
                                version = version.substring(1);
                            }
                            return ServiceVersion.find(ALL, version, ScpServiceVersion::getVersion);
                        }
                    }
                    """.formatted(service, current.number(), current.constant()));
            return b.toString();
        }

        String problemCodeSource() {
            StringBuilder b = header();
            b.append("""
                    import java.net.URI;
                    import java.util.Locale;
                    import java.util.Map;
                    import java.util.Optional;
                    import java.util.function.Function;
                    import java.util.stream.Collectors;
                    import java.util.stream.Stream;

                    /**
                     * The problem codes of the API, one constant per entry of the spec's
                     * {@code x-problem-codes} (generated at build time), with the HTTP status and title the
                     * spec gives each. A server may send a code this build does not know:
                     * {@link #fromCode(String)} is then empty, and the status is what to go by.
                     *
                     * <pre>
                     * ScpProblemCode.IMAGE_NOT_FOUND.status();   // 404
                     * ScpProblemCode.fromCode(problem.code());   // Optional[IMAGE_NOT_FOUND], or empty for a new code
                     * </pre>
                     */
                    public enum ScpProblemCode {
                    """);
            for (int i = 0; i < problemCodes.size(); i++) {
                ProblemCode c = problemCodes.get(i);
                b.append("    /** ").append(c.status()).append(' ').append(javadoc(c.title()))
                        .append(c.description().isBlank() ? "" : ": " + javadoc(c.description())).append(" */\n");
                b.append("    ").append(c.code()).append('(').append(c.status()).append(", ").append(lit(c.title()))
                        .append(i == problemCodes.size() - 1 ? ");\n" : "),\n");
            }
            b.append("""

                        /** Base of every problem {@code type}; the code in lower-case kebab form follows. */
                        public static final String TYPE_BASE = %s;

                        private static final Map<String, ScpProblemCode> BY_CODE = Stream.of(values())
                                .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

                        private final int status;
                        private final String title;
                        private final URI type;

                        ScpProblemCode(int status, String title) {
                            this.status = status;
                            this.title = title;
                            this.type = URI.create(TYPE_BASE + name().toLowerCase(Locale.ROOT).replace('_', '-'));
                        }

                        /** The code as sent, e.g. {@code "IMAGE_NOT_FOUND"}. */
                        public String code() {
                            return name();
                        }

                        /** The HTTP status that carries this code. */
                        public int status() {
                            return status;
                        }

                        /** The problem's {@code title}. */
                        public String title() {
                            return title;
                        }

                        /** The problem's {@code type}, e.g. {@code .../image-not-found}. */
                        public URI type() {
                            return type;
                        }

                        /** The constant for a code as sent; empty for a code this build does not know. */
                        public static Optional<ScpProblemCode> fromCode(String code) {
                            return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
                        }
                    }
                    """.formatted(lit(problemTypeBase)));
            return b.toString();
        }

        String apiSource(String specFileName) {
            StringBuilder b = header();
            b.append("""
                    import java.time.ZoneId;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.Optional;

                    import io.github.scptoolkit.image.spec.ScpField.Type;
                    import io.github.scptoolkit.image.spec.ScpParameter.In;

                    /**
                     * The facts of the spec the client, the server stub, the emulator and the CLI act on,
                     * generated at build time from {@code %s}: the service and its version header, the
                     * operations (path, method, whether signed and versioned, parameters, the 200 schema of
                     * each version) and the schemas' field rules (required, nullable, type).
                     *
                     * <pre>
                     * ScpOperation op = ScpApi.operation("%s").orElseThrow();
                     * op.responseSchema(ScpServiceVersion.getLatest()).orElseThrow().fieldNames();
                     * </pre>
                     */
                    public final class ScpApi {

                        /** The service name that prefixes the version in {@link #VERSION_HEADER}. */
                        public static final String SERVICE = %s;

                        /** The header that selects the version, e.g. {@code %s: %s %s}. */
                        public static final String VERSION_HEADER = %s;

                        /** The zone in which a Not Before date starts (00:00 local time). */
                        public static final ZoneId NOT_BEFORE_ZONE = ZoneId.of(%s);

                        /** Class-path location of the spec as written (YAML). */
                        public static final String SPEC_YAML = "/openapi/%s";

                        /** Class-path location of the same spec as JSON. */
                        public static final String SPEC_JSON = "/openapi/openapi.json";

                        /**
                         * Class-path location of the spec as the client and stub generators read it: each
                         * versioned operation's 200 body is one model, named by its {@code x-resource}.
                         */
                        public static final String SPEC_CODEGEN_JSON = "/openapi/openapi-codegen.json";

                    """.formatted(specFileName, operations.stream().filter(Operation::versioned).map(Operation::id).findFirst()
                    .orElse(""), lit(service),
                    versionHeader, service, current.number(), lit(versionHeader), lit(zone.getId()), specFileName));
            for (Schema s : schemas.values()) {
                b.append("    /** Schema {@code ").append(s.name()).append("}. */\n");
                b.append("    public static final ScpSchema ").append(constant(s.name())).append(" = new ScpSchema(")
                        .append(lit(s.name())).append(", List.of(\n");
                for (int i = 0; i < s.fields().size(); i++) {
                    Field f = s.fields().get(i);
                    b.append("            new ScpField(").append(lit(f.name())).append(", Type.")
                            .append(f.type().toUpperCase(Locale.ROOT)).append(", ").append(lit(f.format())).append(", ")
                            .append(f.required()).append(", ").append(f.nullable()).append(", ").append(lit(f.ref()))
                            .append(", ").append(f.itemType() == null ? "null" : "Type." + f.itemType().toUpperCase(Locale.ROOT))
                            .append(", ").append(f.minLength()).append(", ").append(f.maxLength()).append(", ")
                            .append(lit(f.pattern())).append(')').append(i == s.fields().size() - 1 ? "" : ",")
                            .append('\n');
                }
                b.append("    ));\n\n");
            }
            for (Operation o : operations) {
                b.append("    /** {@code ").append(o.method()).append(' ').append(o.path()).append("} ({@code ")
                        .append(o.id()).append("}). */\n");
                b.append("    public static final ScpOperation ").append(o.constant()).append(" = new ScpOperation(")
                        .append(lit(o.id())).append(", ").append(lit(o.method())).append(", ").append(lit(o.path()))
                        .append(", ").append(o.signed()).append(", ").append(o.versioned()).append(", ")
                        .append(lit(o.actionId())).append(", ").append(lit(o.resource())).append(",\n            List.of(");
                for (int i = 0; i < o.parameters().size(); i++) {
                    Parameter p = o.parameters().get(i);
                    b.append(i == 0 ? "" : ",").append("\n                new ScpParameter(").append(lit(p.name()))
                            .append(", In.").append(p.in().toUpperCase(Locale.ROOT)).append(", ").append(p.required())
                            .append(", ").append(p.minLength()).append(", ").append(p.maxLength()).append(", ")
                            .append(lit(p.pattern())).append(", ").append(p.multiValued()).append(')');
                }
                b.append("),\n            Map.ofEntries(");
                int i = 0;
                for (Map.Entry<Version, String> e : o.schemaByVersion().entrySet()) {
                    b.append(i++ == 0 ? "" : ",").append("\n                Map.entry(ScpServiceVersion.")
                            .append(e.getKey().constant()).append(", ").append(constant(e.getValue())).append(')');
                }
                b.append("),\n            ").append(o.bodySchema() == null ? "null" : constant(o.bodySchema()))
                        .append(");\n\n");
            }
            b.append("    private static final List<ScpOperation> OPERATIONS = List.of(");
            b.append(String.join(", ", operations.stream().map(Operation::constant).toList())).append(");\n\n");
            b.append("    private static final List<ScpSchema> SCHEMAS = List.of(");
            b.append(String.join(", ", schemas.keySet().stream().map(GenerateSpecFacts::constant).toList())).append(");\n\n");
            b.append("""
                        private ScpApi() {
                        }

                        /** Every operation of the spec, in the spec's order. */
                        public static List<ScpOperation> operations() {
                            return OPERATIONS;
                        }

                        /** The operation with this {@code operationId}. */
                        public static Optional<ScpOperation> operation(String operationId) {
                            return OPERATIONS.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
                        }

                        /** The schemas the operations' bodies use (versions' schemas and what they refer to). */
                        public static List<ScpSchema> schemas() {
                            return SCHEMAS;
                        }

                        /** The schema with this name. */
                        public static Optional<ScpSchema> schema(String name) {
                            return SCHEMAS.stream().filter(s -> s.name().equals(name)).findFirst();
                        }
                    }
                    """);
            return b.toString();
        }

        private static StringBuilder header() {
            return new StringBuilder("// Generated at build time by api-spec/src/build/java/GenerateSpecFacts.java from the\n"
                    + "// OpenAPI spec. Do not edit: edit the spec.\n"
                    + "package " + PACKAGE + ";\n\n");
        }

        private static String text(JsonNode node, String field, String where) {
            JsonNode v = node.path(field);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new SpecException(where + "." + field + " is required");
            }
            return v.asText();
        }

        /** x-multi-valued: a header parameter that is a list (repeats and commas are one list, not an ambiguity). */
        private static boolean multiValued(JsonNode param, String where) {
            JsonNode v = param.path("x-multi-valued");
            if (v.isMissingNode()) {
                return false;
            }
            String name = param.path("name").asText();
            if (!v.isBoolean()) {
                throw new SpecException(where + " parameter " + name + ": x-multi-valued must be true or false");
            }
            if (v.asBoolean() && !"header".equals(param.path("in").asText())) {
                throw new SpecException(where + " parameter " + name + ": x-multi-valued is for header parameters");
            }
            return v.asBoolean();
        }

        private static Integer intOrNull(JsonNode node, String field) {
            return node.path(field).isInt() ? node.path(field).asInt() : null;
        }

        private static List<JsonNode> concat(JsonNode a, JsonNode b) {
            List<JsonNode> all = new ArrayList<>();
            a.forEach(all::add);
            b.forEach(all::add);
            return all;
        }
    }

    static String constant(String schemaName) {
        return schemaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    }

    static String javadoc(String text) {
        return text.replace("*/", "*&#47;").replace("@", "{@literal @}").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String lit(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
