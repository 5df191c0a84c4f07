package io.orderhooks.engine.internal.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.receiver.ReceiverErrors;
import java.util.Iterator;
import java.util.Map;

/**
 * PATCH semantics: a JSON partial merged onto the existing record's tree. Objects merge recursively
 * ({@code xp} included), anything else (arrays, scalars, null) replaces. Write-only properties survive the
 * round trip: the tree is built with a mapper that ignores {@code JsonProperty.Access}.
 */
public final class JsonMerge {

    private static final ObjectMapper FULL = OrderCloudJson.newMapper()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public JsonProperty.Access findPropertyAccess(Annotated m) {
                    return JsonProperty.Access.AUTO;
                }
            });

    private JsonMerge() {}

    /** {@code existing} with {@code patch} merged onto it, read back as {@code type}; bad types are a 400. */
    public static <T> T patch(T existing, JsonNode patch, Class<T> type) {
        ObjectNode tree = FULL.valueToTree(existing);
        merge(tree, patch);
        try {
            return FULL.treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ReceiverErrors.malformedJson(e);
        }
    }

    /** Merges {@code patch} into {@code target} in place. */
    public static void merge(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = existingName(target, field.getKey());
            JsonNode current = target.get(name);
            if (current instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(name, field.getValue());
            }
        }
    }

    /** OrderCloud matches property names ignoring case; keep the record's spelling. */
    private static String existingName(ObjectNode target, String name) {
        if (target.has(name)) {
            return name;
        }
        for (Iterator<String> names = target.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return name;
    }
}
