package io.orderhooks.engine.internal.expr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.expr.ExpressionException;
import io.orderhooks.engine.internal.expr.internal.Node.Env;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * Runtime conversions and comparisons. A string meeting a number, boolean or date is converted to that
 * type; when it cannot be, or the types cannot meet at all, the result is {@code Expression.TypeMismatch}.
 * Strings compare case-insensitively (ordinal, like .NET's {@code OrdinalIgnoreCase}).
 */
final class Values {

    /** The largest exponent (either sign) a number may carry into arithmetic. */
    static final int MAX_SCALE = 1000;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

    private Values() {}

    /**
     * {@code null} stays null; numbers and numeric strings become BigDecimal; anything else is a mismatch.
     * A number with an exponent beyond {@link #MAX_SCALE} (e.g. {@code 1e999999999} from xp) is refused
     * before arithmetic could expand it into billions of digits.
     */
    static BigDecimal number(Object value, Env env, int column, String what) {
        if (value == null) {
            return null;
        }
        BigDecimal number = value instanceof BigDecimal d ? d : value instanceof String s ? parse(s) : null;
        if (number == null) {
            String got = value instanceof String s ? "the text '" + s + "'" : typeName(value);
            throw env.typeMismatch(what + " needs numbers, got " + got, column);
        }
        if (Math.abs(number.scale()) > MAX_SCALE) {
            throw new ExpressionException(ExpressionException.NUMBER_OUT_OF_RANGE,
                    "Number out of range (" + number.toString() + ")", env.source(), column);
        }
        return number;
    }

    /** A number written as text (at most 100 characters), or null when it is not one. */
    static BigDecimal parse(String text) {
        String s = text.trim();
        if (s.isEmpty() || s.length() > 100) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Truthiness for {@code and}/{@code or}/{@code not}/filters: null is false, "true"/"false" text converts. */
    static boolean truth(Object value, Env env, int column, String what) {
        if (value == null) {
            return false;
        }
        Boolean b = asBoolean(value);
        if (b == null) {
            throw env.typeMismatch(what + " needs a true/false value, got " + typeName(value), column);
        }
        return b;
    }

    /** Evaluates {@code left op right} for {@code = <> != < > <= >=} (see the class and package docs). */
    static boolean compare(String op, Object left, Object right, Env env, int column) {
        boolean equality = op.equals("=") || op.equals("<>") || op.equals("!=");
        if (left == null || right == null) {
            boolean same = left == null && right == null;
            return equality && (op.equals("=") == same);
        }
        if (equality) {
            return op.equals("=") == (order(op, left, right, env, column) == 0);
        }
        int c = order(op, left, right, env, column);
        return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }

    private static int order(String op, Object left, Object right, Env env, int column) {
        if (left instanceof String a && right instanceof String b) {
            if (isIsoDate(a) && isIsoDate(b)) {
                return date(a, env, column, op).toInstant().compareTo(date(b, env, column, op).toInstant());
            }
            return String.CASE_INSENSITIVE_ORDER.compare(a, b);
        }
        if (left instanceof BigDecimal || right instanceof BigDecimal) {
            return requireNumber(left, left, right, env, column, op)
                    .compareTo(requireNumber(right, left, right, env, column, op));
        }
        if (left instanceof OffsetDateTime || right instanceof OffsetDateTime) {
            return requireDate(left, left, right, env, column, op).toInstant()
                    .compareTo(requireDate(right, left, right, env, column, op).toInstant());
        }
        if (left instanceof Boolean || right instanceof Boolean) {
            Boolean a = asBoolean(left);
            Boolean b = asBoolean(right);
            if (a == null || b == null || !(op.equals("=") || op.equals("<>") || op.equals("!="))) {
                throw mismatch(op, left, right, env, column);
            }
            return a.equals(b) ? 0 : 1;
        }
        throw mismatch(op, left, right, env, column);
    }

    private static BigDecimal requireNumber(Object v, Object left, Object right, Env env, int column, String op) {
        if (v instanceof String s) {
            BigDecimal d = parse(s);
            if (d == null) {
                throw env.typeMismatch("Cannot compare the text '" + s + "' with a number using '" + op + "'", column);
            }
            return d;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        throw mismatch(op, left, right, env, column);
    }

    private static OffsetDateTime requireDate(Object v, Object left, Object right, Env env, int column, String op) {
        if (v instanceof OffsetDateTime d) {
            return d;
        }
        if (v instanceof String s) {
            return date(s, env, column, op);
        }
        throw mismatch(op, left, right, env, column);
    }

    private static OffsetDateTime date(String s, Env env, int column, String op) {
        OffsetDateTime d = Lexer.parseDate(s.trim());
        if (d != null) {
            return d;
        }
        throw env.typeMismatch("Cannot compare the text '" + s + "' with a date using '" + op + "'", column);
    }

    private static Boolean asBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        return null;
    }

    private static boolean isIsoDate(String s) {
        return ISO_DATE.matcher(s).matches();
    }

    private static RuntimeException mismatch(String op, Object left, Object right, Env env, int column) {
        return env.typeMismatch("Cannot compare " + typeName(left) + " with " + typeName(right)
                + " using '" + op + "'", column);
    }

    /** How a runtime value's type reads in an error message. */
    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof BigDecimal) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof OffsetDateTime) {
            return "a date";
        }
        return v instanceof JsonNode n && n.isArray() ? "a JSON array" : "a JSON object";
    }
}
