package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpField.Type;
import io.github.scptoolkit.image.spec.ScpSchema;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.core.JsonGenerator;

/**
 * The field rules on their own, with schemas made up for the test: absent unless in the schema,
 * required and nullable always written, optional non-nullable only with a value, nested objects
 * and arrays of objects in their own schema's shape, the mapper's own value formats.
 */
class ShapeTest {

    /** A model with more properties than any one schema below. */
    public static class Model {
        public String id = "i-1";
        public String name;
        public String note;
        public String extra = "never sent";
        public java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 2);
        public Part part = new Part();
        public List<Part> parts = List.of(new Part(), new Part());
    }

    public static class Part {
        public String href = "h";
        public String rel;
        public String hidden = "no";
    }

    /** A model with getters, as the generator writes them (a primitive and a nested object among them). */
    public static class Bean {
        public String getId() {
            return "b-1";
        }

        public int getSize() {
            return 42;
        }

        public String getName() {
            return null;
        }

        public Part getPart() {
            return new Part();
        }
    }

    /** Getters Jackson reads but a lambda beside the class could not: the class is not public. */
    static class PackagePrivateBean {
        public String getId() {
            return "p-1";
        }
    }

    /** A getter that fails. */
    public static class Failing {
        public String getId() {
            throw new IllegalStateException("no id");
        }
    }

    private static ScpField field(String name, boolean required, boolean nullable) {
        return new ScpField(name, Type.STRING, null, required, nullable, null, null, null, null, null);
    }

    private static ScpField object(String name, String ref, boolean array) {
        return new ScpField(name, array ? Type.ARRAY : Type.OBJECT, null, false, true, ref, array ? Type.OBJECT : null,
                null, null, null);
    }

    private static final ScpSchema PART = new ScpSchema("Part", List.of(field("href", true, false),
            field("rel", true, true)));

    private static final Map<String, ScpSchema> SCHEMAS = Map.of("Part", PART);

    private static String write(Object value, ScpSchema schema) {
        return write(JsonMapper.shared(), value, schema);
    }

    private static String write(JsonMapper mapper, Object value, ScpSchema schema) {
        Shape shape = Shape.of(schema, name -> Optional.ofNullable(SCHEMAS.get(name)));
        JacksonSerializable shaped = new JacksonSerializable() {
            @Override
            public void serialize(JsonGenerator g, SerializationContext ctxt) {
                shape.writeValue(value, g, ctxt);
            }

            @Override
            public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
                serialize(g, ctxt);
            }
        };
        return mapper.writeValueAsString(shaped);
    }

    @Test
    void fieldsFollowTheSchemasRules() {
        ScpSchema schema = new ScpSchema("S", List.of(field("id", true, false), field("name", false, true),
                field("note", false, false)));

        assertThat(write(new Model(), schema)).isEqualTo("{\"id\":\"i-1\",\"name\":null}");

        Model noted = new Model();
        noted.note = "n";
        assertThat(write(noted, schema)).isEqualTo("{\"id\":\"i-1\",\"name\":null,\"note\":\"n\"}");

        Model missingRequired = new Model();
        missingRequired.id = null;
        assertThat(write(missingRequired, schema)).as("a required field is never left out")
                .isEqualTo("{\"id\":null,\"name\":null}");
    }

    @Test
    void theMappersInclusionSettingsDoNotDecidePresence() {
        JsonMapper nonNull = JsonMapper.builder().changeDefaultPropertyInclusion(
                incl -> incl.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)).build();
        ScpSchema schema = new ScpSchema("S", List.of(field("id", true, false), field("name", false, true)));
        Model empty = new Model();
        empty.id = "";

        assertThat(write(nonNull, empty, schema)).isEqualTo("{\"id\":\"\",\"name\":null}");
    }

    @Test
    void nestedObjectsAndArraysFollowTheirOwnSchemas() {
        ScpSchema schema = new ScpSchema("S", List.of(object("part", "Part", false), object("parts", "Part", true)));

        assertThat(write(new Model(), schema)).isEqualTo("{\"part\":{\"href\":\"h\",\"rel\":null},"
                + "\"parts\":[{\"href\":\"h\",\"rel\":null},{\"href\":\"h\",\"rel\":null}]}");
    }

    @Test
    void valuesAreWrittenByTheMappersOwnSerializers() {
        ScpSchema schema = new ScpSchema("S", List.of(field("day", true, false)));

        assertThat(write(new Model(), schema)).isEqualTo("{\"day\":" + JsonMapper.shared()
                .writeValueAsString(new Model().day) + "}");
    }

    @Test
    void gettersAreReadAsJacksonReadsThem() {
        ScpSchema schema = new ScpSchema("S", List.of(field("id", true, false),
                new ScpField("size", Type.INTEGER, null, true, false, null, null, null, null, null),
                field("name", true, true), object("part", "Part", false)));

        String shaped = write(new Bean(), schema);

        assertThat(shaped).isEqualTo("{\"id\":\"b-1\",\"size\":42,\"name\":null,\"part\":{\"href\":\"h\",\"rel\":null}}");
        assertThat(write(new Bean(), schema)).as("the second time, with the getters made").isEqualTo(shaped);
    }

    @Test
    void aClassOutOfTheGettersReachIsReadThroughJacksonsWriters() {
        ScpSchema schema = new ScpSchema("S", List.of(field("id", true, false)));

        assertThat(write(new PackagePrivateBean(), schema)).isEqualTo("{\"id\":\"p-1\"}");
    }

    @Test
    void aFailingGetterIsAWriteErrorNamingTheClassAndSchema() {
        ScpSchema schema = new ScpSchema("S", List.of(field("id", true, false)));

        assertThatThrownBy(() -> write(new Failing(), schema)).isInstanceOf(DatabindException.class)
                .hasMessageContaining("Cannot write " + Failing.class.getName() + " as S")
                .hasRootCauseMessage("no id");
    }

    @Test
    void aNonBeanValueIsWrittenAsItIs() {
        ScpSchema schema = new ScpSchema("S", List.of(field("id", true, false)));

        assertThat(write("just a string", schema)).isEqualTo("\"just a string\"");
    }
}
