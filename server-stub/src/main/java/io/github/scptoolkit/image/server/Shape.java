package io.github.scptoolkit.image.server;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.PropertyWriter;

/**
 * Writes a model object as exactly one schema of the spec, whatever other fields its class has
 * (the generated model of a versioned operation carries every version's fields): a field the
 * schema does not have is never written; a required or nullable field is always written ({@code
 * null} when unset); an optional, non-nullable field is written only when it has a value. Fields
 * that hold objects (or arrays of objects) are written in their own schema's shape. Values are
 * written by the application's Jackson configuration (the bean property writers of its own
 * serializer and their value serializers, looked up once per serializer and cached), so dates,
 * numbers and strings look exactly as in any other response; which fields are present is the
 * schema's decision alone (the mapper's inclusion settings do not remove or add any). A property
 * with a public getter is read through a {@link Function} made for it once (as Jackson's Blackbird
 * module does), not through the property writer's method handle, which the JIT cannot inline
 * here (one call site for every property): that took about a third of the shaping's time.
 *
 * <pre>
 * Shape shape = Shape.of(ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow(), ScpApi::schema);
 * shape.writeValue(image, generator, context);
 * </pre>
 */
final class Shape {

    private static final Logger log = LoggerFactory.getLogger(Shape.class);

    /** How a field is written when its value is null. */
    private enum WhenNull { WRITE_NULL, OMIT }

    /** Marks a serializer without bean properties (not a bean serializer). */
    private static final Writers UNSHAPED = new Writers(new BeanPropertyWriter[0], List.of());

    private static final MethodType FUNCTION_FACTORY = MethodType.methodType(Function.class);
    private static final MethodType APPLY = MethodType.methodType(Object.class, Object.class);

    /**
     * A serializer's property writers in a shape's field order (null where the class lacks a
     * field), and for each a getter made for it (null: read through the writer).
     */
    private record Writers(BeanPropertyWriter[] props, List<Function<Object, Object>> getters) {
    }

    private final ScpSchema schema;
    private final String[] names;
    private final SerializedString[] jsonNames;
    private final WhenNull[] whenNull;
    /** For object (or array of objects) fields, the shape of the value; else null. */
    private final Shape[] nested;
    /** The bean property writers for each field, per serializer (one per application mapper, in practice). */
    private final Map<ValueSerializer<?>, Writers> writers = new ConcurrentHashMap<>();

    private Shape(ScpSchema schema) {
        this.schema = schema;
        List<ScpField> fields = schema.fields();
        this.names = new String[fields.size()];
        this.jsonNames = new SerializedString[fields.size()];
        this.whenNull = new WhenNull[fields.size()];
        this.nested = new Shape[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            ScpField f = fields.get(i);
            names[i] = f.name();
            jsonNames[i] = new SerializedString(f.name());
            whenNull[i] = f.required() || f.nullable() ? WhenNull.WRITE_NULL : WhenNull.OMIT;
        }
    }

    /** The shape of {@code schema}; object fields follow the schemas {@code lookUp} finds by name. */
    static Shape of(ScpSchema schema, Function<String, Optional<ScpSchema>> lookUp) {
        return of(schema, lookUp, new HashMap<>());
    }

    private static Shape of(ScpSchema schema, Function<String, Optional<ScpSchema>> lookUp, Map<String, Shape> made) {
        Shape existing = made.get(schema.name());
        if (existing != null) {
            return existing;
        }
        Shape shape = new Shape(schema);
        made.put(schema.name(), shape);   // before its fields: schemas that refer to each other terminate
        List<ScpField> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            String ref = fields.get(i).ref();
            if (ref != null) {
                shape.nested[i] = lookUp.apply(ref).map(s -> of(s, lookUp, made)).orElse(null);
            }
        }
        return shape;
    }

    /** The schema this shape writes. */
    ScpSchema schema() {
        return schema;
    }

    /** Writes {@code value} (a model object, a list of them, or null) in this shape. */
    void writeValue(Object value, JsonGenerator g, SerializationContext ctxt) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                writeValue(item, g, ctxt);
            }
            g.writeEndArray();
        } else {
            write(value, g, ctxt);
        }
    }

    /** Writes one model object in this shape. */
    void write(Object bean, JsonGenerator g, SerializationContext ctxt) {
        ValueSerializer<Object> serializer = ctxt.findRootValueSerializer(bean.getClass());
        Writers w = writers.computeIfAbsent(serializer, this::writersOf);
        if (w == UNSHAPED) {
            serializer.serialize(bean, g, ctxt);   // not a bean serializer: nothing to shape with
            return;
        }
        BeanPropertyWriter[] props = w.props();
        g.writeStartObject(bean);
        try {
            for (int i = 0; i < props.length; i++) {
                BeanPropertyWriter prop = props[i];
                Function<Object, Object> getter = w.getters().get(i);
                Object value = getter != null ? getter.apply(bean)
                        : prop == null ? null : prop.get(bean);
                if (value == null) {
                    if (whenNull[i] == WhenNull.WRITE_NULL) {
                        g.writeName(jsonNames[i]);
                        g.writeNull();
                    }
                } else if (nested[i] != null) {
                    g.writeName(jsonNames[i]);
                    nested[i].writeValue(value, g, ctxt);
                } else if (prop.hasSerializer() && prop.getTypeSerializer() == null) {
                    // The property's own (contextual) serializer, as Jackson would use it; presence is the schema's call.
                    g.writeName(jsonNames[i]);
                    prop.getSerializer().serialize(value, g, ctxt);
                } else {
                    prop.serializeAsProperty(bean, g, ctxt);
                }
            }
        } catch (JacksonException e) {
            throw e;
        } catch (Exception e) {
            throw DatabindException.from(g, "Cannot write " + bean.getClass().getName() + " as " + schema.name(), e);
        }
        g.writeEndObject();
    }

    /** The serializer's property writers in this shape's field order (null where the class lacks a field). */
    private Writers writersOf(ValueSerializer<?> serializer) {
        Map<String, BeanPropertyWriter> byName = new HashMap<>();
        for (Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
            if (it.next() instanceof BeanPropertyWriter w) {
                byName.put(w.getName(), w);
            }
        }
        if (byName.isEmpty()) {
            log.warn("{} has no bean properties: its values are written unshaped", serializer.handledType());
            return UNSHAPED;
        }
        List<String> missing = new ArrayList<>();
        BeanPropertyWriter[] props = new BeanPropertyWriter[names.length];
        List<Function<Object, Object>> getters = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            props[i] = byName.get(names[i]);
            if (props[i] == null) {
                missing.add(names[i]);
            }
            getters.add(props[i] == null ? null : getter(props[i]));
        }
        if (!missing.isEmpty()) {
            log.warn("{} has no property for {} of {}: written as absent or null", serializer.handledType(), missing,
                    schema.name());
        }
        return new Writers(props, Collections.unmodifiableList(getters));
    }

    /**
     * A getter for {@code prop} when it reads a public method of a public class: a lambda defined
     * beside that class (so that its class loader resolves it), calling the method directly. Null
     * otherwise, or when the class's module does not open it: then the writer reads it, as before.
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> getter(BeanPropertyWriter prop) {
        if (!(prop.getMember().getMember() instanceof Method method) || method.getParameterCount() != 0
                || !Modifier.isPublic(method.getModifiers())
                || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            return null;
        }
        try {
            Class<?> model = method.getDeclaringClass();
            MethodHandles.Lookup beside = MethodHandles.privateLookupIn(model, MethodHandles.lookup());
            MethodHandle target = beside.unreflect(method);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(beside, "apply", FUNCTION_FACTORY, APPLY,
                    target, target.type().wrap()).getTarget().invoke();
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            log.debug("{} is read through Jackson's property writer: {}", method, e.toString());
            return null;
        }
    }
}
