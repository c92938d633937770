package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.DecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.scptoolkit.image.client.generated.api.ImagesApi;
import io.github.scptoolkit.image.client.generated.api.VersionsApi;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The decoder enforces the 200 contract of the version asked for, derived here from the spec's
 * schemas (so a new version or a new field is covered with no change): for every operation and
 * every version it exists in, a body built from that version's schema decodes; without any one of
 * its required properties (nested ones too), with {@code null} in any property that is not
 * nullable, or with an empty timestamp it is a {@code DecodeException} naming the field, the
 * operation and the version; {@code null} where nullable, unknown properties and unknown values
 * are accepted.
 */
class ResponseContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The generated interfaces, one per tag of the spec. */
    private static final List<Class<?>> APIS = List.of(ImagesApi.class, VersionsApi.class);

    /** One operation in one version (null for an unversioned operation), with the schema its 200 keeps. */
    record Exchange(ScpOperation operation, ScpServiceVersion version, ScpSchema schema) {
        @Override
        public String toString() {
            return operation.operationId() + (version == null ? "" : " in " + version.headerValue());
        }
    }

    static List<Exchange> exchanges() {
        List<Exchange> all = new ArrayList<>();
        for (ScpOperation op : ScpApi.operations()) {
            if (op.versioned()) {
                for (ScpServiceVersion v : ScpServiceVersion.all()) {
                    op.responseSchema(v).ifPresent(schema -> all.add(new Exchange(op, v, schema)));
                }
            } else if (op.responseModel() != null) {
                all.add(new Exchange(op, null, op.responseModel()));
            }
        }
        return all;
    }

    @Test
    void everyOperationOfTheSpecAndEveryVersionIsCovered() {
        assertThat(exchanges()).extracting(e -> e.operation().operationId())
                .containsAll(ScpApi.operations().stream().filter(op -> op.responseModel() != null)
                        .map(ScpOperation::operationId).toList());
        assertThat(exchanges()).filteredOn(e -> e.operation() == ScpApi.SHOW_IMAGE).extracting(Exchange::version)
                .containsAll(ScpApi.SHOW_IMAGE.versions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void aBodyThatKeepsTheSchemaDecodes(Exchange exchange) throws Exception {
        Object decoded = decode(exchange, sample(exchange.schema()).toString());

        assertThat(decoded).isNotNull();
    }

    /** A broken body of an exchange: what was changed, and the reason the message must give. */
    record Broken(Exchange exchange, String change, String body, String reason) {
        @Override
        public String toString() {
            return exchange + ": " + change;
        }
    }

    static Stream<Broken> brokenBodies() {
        List<Broken> all = new ArrayList<>();
        for (Exchange exchange : exchanges()) {
            ObjectNode valid = sample(exchange.schema());
            forEachObject(exchange.schema(), "", "", (schema, pointer, path) -> {
                for (ScpField f : schema.fields()) {
                    String at = path.isEmpty() ? f.name() : path + "." + f.name();
                    if (f.required()) {
                        all.add(new Broken(exchange, "without " + at, mutate(valid, pointer, o -> o.remove(f.name())),
                                "required field '" + at + "' is missing"));
                    }
                    if (!f.nullable()) {
                        all.add(new Broken(exchange, at + " null", mutate(valid, pointer, o -> o.putNull(f.name())),
                                "field '" + at + "' is null but not nullable"));
                    }
                    if (f.type() == ScpField.Type.STRING && temporal(f)) {
                        all.add(new Broken(exchange, at + " empty", mutate(valid, pointer, o -> o.put(f.name(), "")),
                                "field '" + at + "' is empty, not a " + f.format()));
                    }
                    if (f.type() == ScpField.Type.ARRAY && f.ref() != null) {
                        all.add(new Broken(exchange, at + " with a null item",
                                mutate(valid, pointer, o -> ((ArrayNode) o.get(f.name())).insertNull(0)),
                                "field '" + at + "[0]' is null but not nullable"));
                    }
                }
            });
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBodies")
    void aBodyThatBreaksTheSchemaIsADecodeExceptionNamingTheFieldAndTheVersion(Broken broken) {
        Throwable thrown = catchThrowable(() -> decode(broken.exchange(), broken.body()));

        assertThat(thrown).isExactlyInstanceOf(DecodeException.class);
        assertThat(((DecodeException) thrown).status()).isEqualTo(200);
        assertThat(thrown.getMessage()).startsWith("[200] body is not a valid " + model(broken.exchange()) + " for "
                + broken.exchange() + ": " + broken.reason() + " (in the response to GET ");
    }

    static Stream<Arguments> lenientBodies() {
        List<Arguments> all = new ArrayList<>();
        for (Exchange exchange : exchanges()) {
            ObjectNode valid = sample(exchange.schema());
            forEachObject(exchange.schema(), "", "", (schema, pointer, path) -> {
                all.add(Arguments.of(exchange, "unknown property at '" + path + "'",
                        mutate(valid, pointer, o -> o.putObject("scp_from_the_future").put("x", 1))));
                for (ScpField f : schema.fields()) {
                    String at = path.isEmpty() ? f.name() : path + "." + f.name();
                    if (f.nullable()) {
                        all.add(Arguments.of(exchange, at + " null", mutate(valid, pointer, o -> o.putNull(f.name()))));
                    }
                    if (!f.required()) {
                        all.add(Arguments.of(exchange, "without " + at, mutate(valid, pointer, o -> o.remove(f.name()))));
                    }
                    if (f.type() == ScpField.Type.STRING && f.format() == null && f.pattern() == null) {
                        all.add(Arguments.of(exchange, at + " an unknown value",
                                mutate(valid, pointer, o -> o.put(f.name(), "a-value-no-one-knows-yet"))));
                    }
                }
            });
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("lenientBodies")
    void whatTheSchemaAllowsAndWhatANewerServerMaySendIsAccepted(Exchange exchange, String change, String body)
            throws Exception {
        assertThat(decode(exchange, body)).isNotNull();
    }

    @Test
    void theFirstBrokenRuleIsNamedWithItsPathInNestedArrays() throws Exception {
        Exchange versions = exchanges().stream().filter(e -> e.operation() == ScpApi.LIST_VERSIONS).findFirst().orElseThrow();
        ObjectNode body = sample(versions.schema());
        ArrayNode list = (ArrayNode) body.get("versions");
        list.add(list.get(0).deepCopy());
        ((ObjectNode) list.get(1)).remove("status");

        Throwable thrown = catchThrowable(() -> decode(versions, body.toString()));

        assertThat(thrown).hasMessageContaining(": required field 'versions[1].status' is missing");
    }

    @Test
    void aVersionIsHeldToItsOwnSchemaNotTheUnionModel() throws Exception {
        // a required property that only some versions have: missing it is refused in those versions alone
        for (Exchange exchange : exchanges()) {
            if (exchange.version() == null) {
                continue;
            }
            for (ScpField f : exchange.operation().responseModel().fields()) {
                boolean required = exchange.schema().field(f.name()).map(ScpField::required).orElse(false);
                ObjectNode body = sample(exchange.schema());
                body.remove(f.name());
                Throwable thrown = catchThrowable(() -> decode(exchange, body.toString()));
                assertThat(thrown).as(exchange + " without " + f.name()).matches(t -> required == (t != null));
            }
        }
    }

    // ---- bodies derived from the schemas ----

    /** A body that keeps {@code schema}: every field with a value of its type (objects and arrays of objects too). */
    static ObjectNode sample(ScpSchema schema) {
        ObjectNode node = JSON.createObjectNode();
        for (ScpField f : schema.fields()) {
            switch (f.type()) {
                case STRING -> node.put(f.name(), "date-time".equals(f.format()) ? "2025-07-22T09:00:00Z"
                        : "date".equals(f.format()) ? "2025-07-22" : "v1.0");
                case INTEGER -> node.put(f.name(), 1);
                case NUMBER -> node.put(f.name(), 1.5);
                case BOOLEAN -> node.put(f.name(), true);
                case OBJECT -> node.set(f.name(), f.ref() == null ? JSON.createObjectNode() : sample(schema(f.ref())));
                case ARRAY -> {
                    ArrayNode items = node.putArray(f.name());
                    if (f.ref() != null) {
                        items.add(sample(schema(f.ref())));
                    }
                }
                default -> throw new AssertionError(f.type());
            }
        }
        return node;
    }

    private static boolean temporal(ScpField f) {
        return "date-time".equals(f.format()) || "date".equals(f.format());
    }

    private static ScpSchema schema(String name) {
        return ScpApi.schema(name).orElseThrow(() -> new AssertionError("no schema " + name));
    }

    /** Visits a schema and, through refs, the first item of every nested object or array of objects in {@link #sample}. */
    interface ObjectVisitor {
        void visit(ScpSchema schema, String pointer, String path);
    }

    private static void forEachObject(ScpSchema schema, String pointer, String path, ObjectVisitor visitor) {
        visitor.visit(schema, pointer, path);
        for (ScpField f : schema.fields()) {
            if (f.ref() == null) {
                continue;
            }
            String at = path.isEmpty() ? f.name() : path + "." + f.name();
            if (f.type() == ScpField.Type.OBJECT) {
                forEachObject(schema(f.ref()), pointer + "/" + f.name(), at, visitor);
            } else if (f.type() == ScpField.Type.ARRAY) {
                forEachObject(schema(f.ref()), pointer + "/" + f.name() + "/0", at + "[0]", visitor);
            }
        }
    }

    private static String mutate(ObjectNode valid, String pointer, Consumer<ObjectNode> change) {
        ObjectNode copy = valid.deepCopy();
        JsonNode target = pointer.isEmpty() ? copy : copy.at(JsonPointer.compile(pointer));
        change.accept((ObjectNode) target);
        return copy.toString();
    }

    // ---- decoding as the client does ----

    private static Object decode(Exchange exchange, String body) throws Exception {
        ScpDecoder decoder = new ScpDecoder(ScpJson.newMapper(), ScpServiceVersion.getLatest());
        MethodMetadata metadata = metadata(exchange.operation());
        Map<String, Collection<String>> headers = new HashMap<>();
        if (exchange.version() != null) {
            headers.put(ScpApi.VERSION_HEADER, List.of(exchange.version().headerValue()));
        }
        RequestTemplate template = new RequestTemplate();
        template.methodMetadata(metadata);
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/x", headers, null,
                StandardCharsets.UTF_8, template);
        Response response = Response.builder().status(200).reason("OK").request(request).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
        return decoder.decode(response, metadata.returnType());
    }

    private static final Map<String, MethodMetadata> METADATA = new java.util.concurrent.ConcurrentHashMap<>();

    private static MethodMetadata metadata(ScpOperation op) {
        return METADATA.computeIfAbsent(op.operationId(), id -> lookUp(op));
    }

    private static MethodMetadata lookUp(ScpOperation op) {
        for (Class<?> api : APIS) {
            for (MethodMetadata md : new PathSegmentContract().parseAndValidateMetadata(api)) {
                if (md.method().getName().equals(op.operationId())) {
                    return md;
                }
            }
        }
        throw new AssertionError("no generated method for " + op.operationId() + " in " + APIS);
    }

    /** The simple name of the model the operation's generated method returns. */
    private static String model(Exchange exchange) {
        Type type = metadata(exchange.operation()).returnType();
        return ((Class<?>) type).getSimpleName();
    }
}
