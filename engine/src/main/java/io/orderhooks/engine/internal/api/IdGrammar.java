package io.orderhooks.engine.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OrderCloud's ID grammar, checked on every write before anything else reads the request: an ID is 1 to
 * {@link #MAX_LENGTH} characters, each an ASCII letter, digit, {@code -} or {@code _}. It applies to every
 * path parameter named {@code ...ID} of a write route and to the body's top-level {@code ID}; a violation is
 * 400 {@code InvalidID} naming the field, so IDs such as {@code ..}, ones holding control or bidirectional
 * characters, or 5,000 characters long never reach the store. A body {@code ID} may also hold incrementor
 * placeholders such as {@code SO-{orderIncrementor}} (OrderCloud substitutes the incrementor's next value); the
 * placeholder names follow the same grammar and the ID around them is checked as if each were one character.
 */
public final class IdGrammar {

    /** The longest ID accepted. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_-]{1," + MAX_LENGTH + "}}");

    private IdGrammar() {}

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** 400 {@code InvalidID} unless {@code id} is valid; {@code field} names where it came from. */
    public static void require(String field, String id) {
        if (!isValid(id)) {
            String shown = id == null ? "null" : id.length() > 40 ? id.substring(0, 40) + "..." : id;
            throw new OrderCloudException(400, "InvalidID", field + " must be 1 to " + MAX_LENGTH
                    + " letters, digits, '-' or '_'; was '" + printable(shown) + "' (" + (id == null ? 0 : id.length())
                    + " characters)", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("Field", field));
        }
    }

    /** Checks the path IDs and the body's {@code ID} of a write request. */
    public static void checkWrite(Map<String, String> pathParams, JsonNode body) {
        pathParams.forEach((name, value) -> {
            if (name.endsWith("ID")) {
                require(name, value);
            }
        });
        if (body != null && body.isObject()) {
            JsonNode id = body.get("ID");
            if (id != null && !id.isNull()) {
                if (!id.isTextual()) {
                    throw new OrderCloudException(400, "InvalidID", "ID must be a string");
                }
                String text = id.asText();
                if (!isValid(PLACEHOLDER.matcher(text).replaceAll("0"))) {
                    require("ID", text);
                }
            }
        }
    }

    /** Control, format (e.g. right-to-left override) and non-ASCII characters shown as {@code \\uXXXX}. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
