package io.orderhooks.engine.internal.expr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Reads expression values out of JSON trees. Names match exactly first (OrderCloud's PascalCase), then
 * case-insensitively (the first such field in document order wins).
 */
final class JsonValues {

    private JsonValues() {}

    /** The value at {@code path} under {@code root}: null when any step is missing or not an object. */
    static Object read(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String name : path) {
            node = child(node, name);
            if (node == null) {
                return null;
            }
        }
        return scalar(node);
    }

    /** The textual field {@code name} of {@code node} (exact, then case-insensitive), or null. */
    static String text(JsonNode node, String name) {
        JsonNode child = child(node, name);
        return child != null && child.isValueNode() && !child.isNull() ? child.asText() : null;
    }

    static JsonNode child(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** A JSON node as an expression value: numbers as BigDecimal, text, booleans, null; containers as is. */
    static Object scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.isContainerNode() ? node : node.asText();
    }
}
