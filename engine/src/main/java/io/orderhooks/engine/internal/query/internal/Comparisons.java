package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** How one value compares with a {@link Literal}, by the value's JSON type and the property's kind. */
final class Comparisons {

    /** Returned when the value cannot be compared with the literal (it then matches nothing). */
    static final int INCOMPARABLE = Integer.MIN_VALUE;

    private Comparisons() {}

    /** Sign of {@code value - literal}, or {@link #INCOMPARABLE}. {@code value} is a present scalar. */
    static int compare(JsonNode value, Literal literal, ValueKind kind) {
        if (value.isNumber()) {
            return literal.number != null ? compareNumber(value, literal) : Nodes.compareText(Nodes.text(value), literal.text);
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (literal.date != null && (kind == ValueKind.DATE
                    || (kind == ValueKind.JSON && Literal.looksLikeDate(text)))) {
                OffsetDateTime date = dateOf(value);
                if (date != null) {
                    return Integer.signum(compareInstants(date, literal.date));
                }
            }
            return kind == ValueKind.DATE ? INCOMPARABLE : Integer.signum(Nodes.compareText(text, literal.text));
        }
        String text = Nodes.text(value);
        return text == null ? INCOMPARABLE : Integer.signum(Nodes.compareText(text, literal.text));
    }

    /** Whether {@code value} equals {@code literal} (no wildcards): numbers numerically, booleans as booleans,
     *  dates as instants (a plain date matches its whole UTC day), text ignoring case. */
    static boolean equal(JsonNode value, Literal literal, ValueKind kind) {
        if (value.isNumber() && literal.number != null) {
            return compareNumber(value, literal) == 0;
        }
        if (value.isBoolean() && literal.bool != null) {
            return value.booleanValue() == literal.bool;
        }
        if (kind == ValueKind.DATE && value.isTextual() && literal.date != null) {
            OffsetDateTime date = dateOf(value);
            if (date == null) {
                return false;
            }
            return literal.plainDate ? literal.sameDay(date.toEpochSecond()) : compareInstants(date, literal.date) == 0;
        }
        String text = Nodes.text(value);
        return text != null && text.equalsIgnoreCase(literal.text);
    }

    static int compareNumber(JsonNode value, Literal literal) {
        if (literal.whole != null && value.isIntegralNumber() && value.canConvertToLong()) {
            return Long.compare(value.longValue(), literal.whole);
        }
        return Integer.signum(value.decimalValue().compareTo(literal.number));
    }

    /** The date a textual value holds: directly for record dates, parsed for JSON text; null if not a date. */
    static OffsetDateTime dateOf(JsonNode value) {
        if (value instanceof DateTimeNode node) {
            return node.dateTime();
        }
        String text = value.textValue();
        return text != null && Literal.looksLikeDate(text) ? Literal.parseDate(text) : null;
    }

    static int compareInstants(OffsetDateTime a, OffsetDateTime b) {
        int c = Long.compare(a.toEpochSecond(), b.toEpochSecond());
        return c != 0 ? c : Integer.compare(a.getNano(), b.getNano());
    }
}
