package io.orderhooks.engine.internal.store.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.UncheckedIOException;

/**
 * How stored documents are written and read: {@link OrderCloudJson}'s configuration (the one JSON mapping), except
 * that write-only and read-only wire properties (e.g. an integration event's {@code CustomAuthHeaderValue}) are
 * kept in both directions, since the store must give back exactly what it was given; and absent values are left
 * out rather than written as {@code null} (a {@code null} would come back as a JSON null node in free-JSON fields).
 */
final class StoreJson {

    private static final ObjectMapper MAPPER = OrderCloudJson.newMapper()
            .setAnnotationIntrospector(new KeepEveryProperty())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

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

    /** Jackson's annotations, with every property's access read-write. */
    private static final class KeepEveryProperty extends JacksonAnnotationIntrospector {
        @Override
        public JsonProperty.Access findPropertyAccess(Annotated m) {
            return JsonProperty.Access.AUTO;
        }
    }
}
