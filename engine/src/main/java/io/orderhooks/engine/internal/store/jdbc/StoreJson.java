package io.orderhooks.engine.internal.store.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.ShipEstimateResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How stored documents are written and read: {@link OrderCloudJson}'s configuration (the one JSON mapping), except
 * that write-only and read-only wire properties (e.g. an integration event's {@code CustomAuthHeaderValue}) are
 * kept in both directions, since the store must give back exactly what it was given; and absent values are left
 * out rather than written as {@code null} (a {@code null} would come back as a JSON null node in free-JSON fields).
 *
 * <p>An order's merchant answers ({@link ShipEstimateResponse}, {@link OrderCalculateResponse}) are written from the
 * text they were last written as when they are the same instance ({@link Remembered}): an order keeps its answer
 * across the writes that follow it (a submit's two, the ship-method choice's and calculate's), and the answer's
 * {@code xp} tree (a tax plugin's per-line detail) was ~83 % of the time writing a submitted order's document
 * (5.4 KB: 12.5 µs, 2.1 without the two answers, warm).
 */
final class StoreJson {

    /** The store's mapping without {@link Remembered}: what a merchant answer is written with the first time. */
    private static final ObjectMapper PLAIN = configure(OrderCloudJson.newMapper());

    private static final ObjectMapper MAPPER = configure(OrderCloudJson.newMapper())
            .registerModule(new SimpleModule("orderhooks-store-remembered")
                    .addSerializer(ShipEstimateResponse.class, new Remembered<>(ShipEstimateResponse.class))
                    .addSerializer(OrderCalculateResponse.class, new Remembered<>(OrderCalculateResponse.class)));

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setAnnotationIntrospector(new KeepEveryProperty()).setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    private StoreJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read a stored " + type.getSimpleName(), e);
        }
    }

    /**
     * Writes a value as the text {@link #PLAIN} wrote for the same instance, when one of the last writes of its slot was
     * of it: a slot per identity hash (256, each holding one value and its text; a value of another slot's hash is
     * written and takes the slot). Sound because the engine never changes a state object it has stored (an order's
     * state is replaced, never mutated; the memory store keeps the same instances and relies on the same), and
     * equal text is what {@link #PLAIN} gives again. The slots hold at most 256 answers and their texts alive.
     */
    static final class Remembered<T> extends StdSerializer<T> {
        private static final int SLOTS = 256;
        private static final Slot[] WRITTEN = new Slot[SLOTS];

        /** One value and its text (final fields: a slot read by another thread is seen whole). */
        private record Slot(Object value, String json) {
        }

        Remembered(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(json(value));
        }

        static String json(Object value) throws JsonProcessingException {
            int i = System.identityHashCode(value) & (SLOTS - 1);
            Slot slot = WRITTEN[i];
            if (slot != null && slot.value == value) {
                return slot.json;
            }
            String json = PLAIN.writeValueAsString(value);
            WRITTEN[i] = new Slot(value, json);
            return json;
        }
    }

    /** Jackson's annotations, with every property's access read-write. */
    private static final class KeepEveryProperty extends JacksonAnnotationIntrospector {
        @Override
        public JsonProperty.Access findPropertyAccess(Annotated m) {
            return JsonProperty.Access.AUTO;
        }
    }
}
