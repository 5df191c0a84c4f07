package io.orderhooks.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * How a PATCH changes free JSON ({@code xp}), as OrderCloud does: objects merge recursively, any other value
 * (including arrays and null) replaces what was there. Inputs are never modified. Thread-safe.
 */
public final class XpMerge {

    private XpMerge() {}

    /** {@code patch} applied to {@code base}; {@code base} when the patch is null. */
    public static JsonNode merge(JsonNode base, JsonNode patch) {
        if (patch == null) {
            return base;
        }
        if (base == null || !base.isObject() || !patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode out = ((ObjectNode) base).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.set(f.getKey(), merge(out.get(f.getKey()), f.getValue()));
        }
        return out;
    }
}
