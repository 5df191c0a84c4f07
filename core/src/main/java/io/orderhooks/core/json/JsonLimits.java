package io.orderhooks.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * The one input policy at the JSON edge, shared by the engine's API and the receivers. Every limit here is
 * chosen so that whatever is accepted can always be written back and read again by the other side:
 *
 * <ul>
 *   <li>{@link #MAX_DOCUMENT_DEPTH}: the nesting depth any orderhooks mapper reads and writes (objects and
 *       arrays). It is the request limit plus room for the envelopes the engine wraps a request's values in
 *       (webhook payloads, worksheets, list pages, delivery records).
 *   <li>{@link #MAX_REQUEST_DEPTH}: the nesting depth of a request body the engine's API accepts from callers.
 *   <li>{@link #MAX_NUMBER_LENGTH}: the longest number, in characters, as written (never with an exponent).
 *       A number whose plain form would be longer (e.g. {@code 1e10000}) is refused when read, as is a number
 *       text longer than this.
 *   <li>{@link #MAX_STRING_LENGTH}: the longest string value in characters.
 * </ul>
 *
 * <p>Integers must be written as integers: {@code 1.5} or {@code "5"} for an integer property is refused,
 * as is {@code "1.5"} for a decimal property; out-of-range integers are refused for the property's type.
 * Trailing content after the document ({@code {...}xyz}) is refused.
 */
public final class JsonLimits {

    /** Nesting depth (objects and arrays) of a request body accepted by the engine's API. */
    public static final int MAX_REQUEST_DEPTH = 32;
    /** Nesting depth every orderhooks mapper reads and writes; request depth plus room for envelopes. */
    public static final int MAX_DOCUMENT_DEPTH = 64;
    /** Longest number in characters, as read and as written in plain notation. */
    public static final int MAX_NUMBER_LENGTH = 400;
    /** Longest string value in characters. */
    public static final int MAX_STRING_LENGTH = 5_000_000;

    private JsonLimits() {}

    /** Whether {@code value}, written in plain notation, fits {@link #MAX_NUMBER_LENGTH}. */
    public static boolean fits(BigDecimal value) {
        int integerDigits = Math.max(1, value.precision() - value.scale());
        long fraction = Math.max(0, (long) value.scale());
        long length = (long) integerDigits + (fraction > 0 ? fraction + 1 : 0) + (value.signum() < 0 ? 1 : 0);
        return value.precision() - (long) value.scale() <= MAX_NUMBER_LENGTH && length <= MAX_NUMBER_LENGTH;
    }

    /** Whether {@code value} fits {@link #MAX_NUMBER_LENGTH}. */
    public static boolean fits(BigInteger value) {
        return value.bitLength() <= 4 * MAX_NUMBER_LENGTH && value.abs().toString().length() + (value.signum() < 0 ? 1 : 0) <= MAX_NUMBER_LENGTH;
    }

    /**
     * The path (e.g. {@code xp.Sizes[2].n}) of the first number in {@code tree} that does not fit, or null
     * when all do. Free JSON read by another mapper is checked with this before it is kept.
     */
    public static String firstOversizeNumber(JsonNode tree) {
        return find(tree, "");
    }

    private static String find(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            BigDecimal v = node.isBigDecimal() ? node.decimalValue()
                    : Double.isFinite(node.doubleValue()) ? node.decimalValue() : null;
            return v != null && fits(v) ? null : path;
        }
        if (node.isBigInteger()) {
            return fits(node.bigIntegerValue()) ? null : path;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String bad = find(node.get(i), path + "[" + i + "]");
                if (bad != null) {
                    return bad;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String bad = find(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }
}
