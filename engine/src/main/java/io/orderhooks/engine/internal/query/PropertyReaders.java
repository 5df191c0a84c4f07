package io.orderhooks.engine.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.query.internal.Nodes;
import io.orderhooks.engine.internal.query.internal.RecordReader;
import java.util.function.Function;

/** Ready-made {@link PropertyReader}s. */
public final class PropertyReaders {

    private static final ClassValue<RecordReader<?>> RECORDS = new ClassValue<>() {
        @Override
        protected RecordReader<?> computeValue(Class<?> type) {
            return new RecordReader<>(type);
        }
    };

    private static final PropertyReader<JsonNode> JSON = new PropertyReader<>() {
        @Override
        public JsonNode read(JsonNode item, String dottedPath) {
            return Nodes.navigate(item, dottedPath.split("\\.", -1), 0);
        }

        @Override
        public Function<JsonNode, JsonNode> bind(String dottedPath) {
            String[] segments = dottedPath.split("\\.", -1);
            return item -> Nodes.navigate(item, segments, 0);
        }
    };

    private PropertyReaders() {}

    /**
     * A reader for a record (or any bean) type, using the JSON property names and getters that
     * {@code OrderCloudJson.mapper()} uses, so paths are exactly the wire names ({@code FromUser.Email}).
     * Each path is compiled once into a chain of getters; nested records are followed through their
     * getters, {@code JsonNode} properties ({@code xp}) are walked as JSON. Values are returned as JSON
     * scalars without serializing the item. Cached per type; thread-safe.
     */
    @SuppressWarnings("unchecked")
    public static <T> PropertyReader<T> forRecord(Class<T> type) {
        return (PropertyReader<T>) RECORDS.get(type);
    }

    /** A reader for items that already are JSON trees; arrays on a path are flattened. Thread-safe. */
    public static PropertyReader<JsonNode> forJson() {
        return JSON;
    }
}
