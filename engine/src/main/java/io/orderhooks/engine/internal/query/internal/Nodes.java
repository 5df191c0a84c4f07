package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.json.OrderCloudJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Conversions between Java values and the JsonNode scalars the query engine compares. */
public final class Nodes {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final ClassValue<JsonNode[]> ENUM_NODES = new ClassValue<>() {
        @Override
        protected JsonNode[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            JsonNode[] nodes = new JsonNode[constants.length];
            for (int i = 0; i < constants.length; i++) {
                nodes[i] = OrderCloudJson.mapper().valueToTree(constants[i]); // honours @JsonValue etc.
            }
            return nodes;
        }
    };

    private Nodes() {}

    /** The node for a raw Java value of the given kind; null for null. */
    public static JsonNode toNode(Object raw, ValueKind kind) {
        if (raw == null) {
            return null;
        }
        switch (kind) {
            case STRING:
                if (raw instanceof Enum<?> e) {
                    return ENUM_NODES.get(e.getDeclaringClass())[e.ordinal()];
                }
                return F.textNode(raw.toString());
            case NUMBER:
                return number(raw);
            case BOOLEAN:
                return F.booleanNode((Boolean) raw);
            case DATE:
                return date(raw);
            case JSON:
                return raw instanceof JsonNode node ? node : OrderCloudJson.mapper().valueToTree(raw);
            default:
                return OrderCloudJson.mapper().valueToTree(raw);
        }
    }

    private static JsonNode number(Object raw) {
        if (raw instanceof BigDecimal d) {
            return F.numberNode(d);
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return F.numberNode(((Number) raw).intValue());
        }
        if (raw instanceof Long l) {
            return F.numberNode(l.longValue());
        }
        if (raw instanceof BigInteger b) {
            return F.numberNode(b);
        }
        if (raw instanceof Float f) {
            return F.numberNode(f.floatValue());
        }
        if (raw instanceof Number n) {
            return F.numberNode(n.doubleValue());
        }
        return F.numberNode(((Character) raw).charValue()); // primitive char never reaches NUMBER; defensive
    }

    private static JsonNode date(Object raw) {
        if (raw instanceof OffsetDateTime o) {
            return new DateTimeNode(o);
        }
        if (raw instanceof ZonedDateTime z) {
            return new DateTimeNode(z.toOffsetDateTime());
        }
        return new DateTimeNode(((Instant) raw).atOffset(ZoneOffset.UTC));
    }

    /**
     * Walks {@code segments[from..]} down a JSON tree. Arrays on the way are flattened: the walk continues
     * into every element and the results are collected into an array (so {@code xp.Items.Color} over
     * {@code [{Color:red},{Color:blue}]} reads {@code ["red","blue"]}). Missing → null.
     */
    public static JsonNode navigate(JsonNode node, String[] segments, int from) {
        JsonNode current = node;
        for (int i = from; i < segments.length; i++) {
            if (current == null || current.isNull() || current.isMissingNode()) {
                return null;
            }
            if (current.isArray()) {
                ArrayNode out = F.arrayNode();
                for (JsonNode element : current) {
                    addFlat(out, navigate(element, segments, i));
                }
                return out;
            }
            current = current.get(segments[i]);
        }
        return current == null || current.isMissingNode() ? null : current;
    }

    /** Adds {@code value} to {@code out}, splicing arrays in, skipping null. */
    public static void addFlat(ArrayNode out, JsonNode value) {
        if (value == null) {
            return;
        }
        if (value.isArray()) {
            out.addAll((ArrayNode) value);
        } else {
            out.add(value);
        }
    }

    /** True for Java null, JSON null and missing. */
    public static boolean isAbsent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    /** The text a scalar is matched on (ISO text for dates, plain notation for numbers); null for containers. */
    public static String text(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBigDecimal()) {
            return v.decimalValue().toPlainString();
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        return null;
    }

    /** Total order on strings used by every comparison and sort: case-insensitive, then case-sensitive. */
    public static int compareText(String a, String b) {
        int c = String.CASE_INSENSITIVE_ORDER.compare(a, b);
        return c != 0 ? c : a.compareTo(b);
    }
}
