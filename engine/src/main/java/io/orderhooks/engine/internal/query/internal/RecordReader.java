package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.engine.internal.query.PropertyReader;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads dotted paths from records/beans through their getters (see {@link TypeModel}), compiling each
 * path once into a chain of getters. Thread-safe; one instance per type is enough.
 */
public final class RecordReader<T> implements PropertyReader<T> {

    /** A compiled path. */
    private interface Accessor {
        JsonNode read(Object target);
    }

    private static final Accessor NOTHING = target -> null;

    private final TypeModel model;
    private final ConcurrentHashMap<String, Accessor> compiled = new ConcurrentHashMap<>();

    public RecordReader(Class<T> type) {
        this.model = TypeModel.of(type);
    }

    @Override
    public JsonNode read(T item, String dottedPath) {
        return item == null ? null : accessor(dottedPath).read(item);
    }

    @Override
    public Function<T, JsonNode> bind(String dottedPath) {
        Accessor accessor = accessor(dottedPath);
        return item -> item == null ? null : accessor.read(item);
    }

    private Accessor accessor(String dottedPath) {
        return compiled.computeIfAbsent(dottedPath, p -> compile(model, p.split("\\.", -1), 0));
    }

    private static Accessor compile(TypeModel model, String[] segments, int index) {
        TypeModel.Prop prop = model.property(segments[index]);
        if (prop == null) {
            return NOTHING;
        }
        boolean last = index == segments.length - 1;
        Accessor element = elementAccessor(prop, segments, index, last);
        if (element == null) {
            return NOTHING;
        }
        if (!prop.isList()) {
            return target -> {
                Object value = prop.get(target);
                return value == null ? null : element.read(value);
            };
        }
        return target -> {
            Collection<?> values = TypeModel.Prop.asCollection(prop.get(target));
            if (values == null) {
                return null;
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode(values.size());
            for (Object value : values) {
                if (value != null) {
                    Nodes.addFlat(out, element.read(value));
                }
            }
            return out;
        };
    }

    /** Reads the rest of the path from one (non-null) value of {@code prop}; null when it cannot exist. */
    private static Accessor elementAccessor(TypeModel.Prop prop, String[] segments, int index, boolean last) {
        ValueKind kind = prop.kind();
        if (last) {
            return value -> Nodes.toNode(value, kind);
        }
        if (kind == ValueKind.OBJECT) {
            return compile(prop.nested(), segments, index + 1);
        }
        if (kind == ValueKind.JSON) {
            return value -> Nodes.navigate(Nodes.toNode(value, kind), segments, index + 1);
        }
        return null; // a scalar has no properties
    }
}
