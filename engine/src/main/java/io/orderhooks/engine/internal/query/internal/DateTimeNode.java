package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * A date read from a record: a STRING node whose text is the ISO-8601 form OrderCloud writes
 * ({@code 2024-01-31T12:00:00+00:00}), formatted only when someone asks for the text. Comparisons use
 * {@link #dateTime()} directly, so filtering and sorting on dates never format or parse.
 *
 * <p>Immutable; the lazily formatted text is a benign race (every thread computes the same string).
 */
public final class DateTimeNode extends ValueNode {

    private static final long serialVersionUID = 1L;

    private final OffsetDateTime value;
    private transient String text;

    public DateTimeNode(OffsetDateTime value) {
        this.value = value;
    }

    public OffsetDateTime dateTime() {
        return value;
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.STRING;
    }

    @Override
    public JsonToken asToken() {
        return JsonToken.VALUE_STRING;
    }

    @Override
    public String textValue() {
        String t = text;
        if (t == null) {
            t = OrderCloudJson.formatDateTime(value);
            text = t;
        }
        return t;
    }

    @Override
    public String asText() {
        return textValue();
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(textValue());
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, provider);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNode other && other.isTextual() && textValue().equals(other.textValue());
    }

    @Override
    public int hashCode() {
        return textValue().hashCode();
    }

    @Override
    public String toString() {
        return '"' + textValue() + '"';
    }
}
