package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every version gets exactly its own 200 schema on the wire, computed from the spec's field rules
 * of that version: fields its schema does not have are absent (so fields added by later
 * versions never reach earlier ones), required and nullable fields are present (null when the
 * implementation left them unset), other optional fields only with a value.
 */
// Every callable version served (serve-retired), signature checks off: this is about shapes.
@SpringBootTest(classes = StubTestApp.class, properties = {"scp.auth.enabled=false",
        "scp.versions.serve-retired=true"})
@AutoConfigureMockMvc
class ResponseShapingTest {

    private static final String IMAGE = TestSpec.image(StubTestApp.KNOWN_ID);

    /** The implementation's object as a plain Jackson tree: every field of the union model, with its value or null. */
    private static final JsonNode RETURNED = JsonMapper.shared().valueToTree(StubTestApp.image());

    @Autowired
    MockMvc mvc;

    static Stream<ScpServiceVersion> versions() {
        return TestSpec.callableNewestFirst().stream();
    }

    private JsonNode body(ScpServiceVersion version) throws Exception {
        var response = mvc.perform(get(IMAGE).header(ScpApi.VERSION_HEADER, version.headerValue())).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.getContentAsString());
    }

    /** The fields a body of {@code schema} must have for the returned object, by the spec's rules. */
    private static Set<String> expectedFields(ScpSchema schema) {
        Set<String> expected = new LinkedHashSet<>();
        for (ScpField f : schema.fields()) {
            boolean hasValue = RETURNED.has(f.name()) && !RETURNED.get(f.name()).isNull();
            if (f.required() || f.nullable() || hasValue) {
                expected.add(f.name());
            }
        }
        return expected;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void eachVersionGetsExactlyItsSchemasFields(ScpServiceVersion version) throws Exception {
        ScpSchema schema = ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow();

        JsonNode body = body(version);

        assertThat(body.propertyNames()).containsExactlyInAnyOrderElementsOf(expectedFields(schema));
        for (String name : body.propertyNames()) {
            assertThat(body.get(name)).as(name).isEqualTo(RETURNED.get(name));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void nullableFieldsAreSentAsNullWhenUnset(ScpServiceVersion version) throws Exception {
        ScpSchema schema = ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow();
        JsonNode body = body(version);

        for (ScpField f : schema.fields()) {
            if (f.nullable() && RETURNED.get(f.name()).isNull()) {
                assertThat(body.has(f.name())).as(f.name()).isTrue();
                assertThat(body.get(f.name()).isNull()).as(f.name()).isTrue();
            }
        }
        assertThat(schema.fields()).as("the test image leaves some nullable field unset")
                .anyMatch(f -> f.nullable() && RETURNED.get(f.name()).isNull());
    }

    /** Pairs (earlier, later) of versions whose schemas differ. */
    static Stream<Arguments> laterFields() {
        return versions().flatMap(earlier -> versions().filter(later -> later.compareTo(earlier) > 0)
                .map(later -> Arguments.of(earlier, later)));
    }

    @ParameterizedTest(name = "{1}''s own fields are absent in {0}")
    @MethodSource("laterFields")
    void fieldsOfLaterVersionsAreAbsentInEarlierOnes(ScpServiceVersion earlier, ScpServiceVersion later)
            throws Exception {
        Set<String> onlyLater = new LinkedHashSet<>(ScpApi.SHOW_IMAGE.responseSchema(later).orElseThrow().fieldNames());
        onlyLater.removeAll(ScpApi.SHOW_IMAGE.responseSchema(earlier).orElseThrow().fieldNames());

        JsonNode body = body(earlier);

        for (String name : onlyLater) {
            assertThat(body.has(name)).as(name + " in " + earlier).isFalse();
        }
    }

    @Test
    void theModelCarriesAFieldSomeVersionDoesNotSend() {
        // Otherwise the tests above would prove nothing about leaving fields out.
        assertThat(versions()).anyMatch(v -> !ScpApi.SHOW_IMAGE.responseSchema(v).orElseThrow().fieldNames()
                .containsAll(ScpApi.SHOW_IMAGE.responseModel().fieldNames()));
    }

    @Test
    void withoutAHeaderTheCurrentVersionsShapeIsSent() throws Exception {
        JsonNode body = JsonMapper.shared().readTree(mvc.perform(get(IMAGE)).andReturn().getResponse()
                .getContentAsString());

        assertThat(body.propertyNames()).containsExactlyInAnyOrderElementsOf(
                expectedFields(ScpApi.SHOW_IMAGE.responseSchema(TestSpec.current()).orElseThrow()));
    }
}
