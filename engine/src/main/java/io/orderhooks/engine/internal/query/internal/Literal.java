package io.orderhooks.engine.internal.query.internal;

import io.orderhooks.core.json.OrderCloudJson;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An operand of a filter (escapes already removed), pre-parsed once per query into every form it may be
 * compared as: number, date, boolean and text.
 */
public final class Literal {

    private static final long DAY_SECONDS = 86_400L;

    final String text;
    /** The number it spells, or null. */
    final BigDecimal number;
    /** The number as a long when it is a whole number that fits, else null. */
    final Long whole;
    /** The instant it spells (a plain date means 00:00 UTC that day), or null. */
    final OffsetDateTime date;
    /** Whether it is a plain date ({@code 2024-01-31}) without a time. */
    final boolean plainDate;
    /** {@code true} / {@code false} (any case), or null. */
    final Boolean bool;

    Literal(String text) {
        this.text = text;
        this.number = parseNumber(text);
        this.whole = wholeOf(number);
        this.plainDate = text.length() == 10 && looksLikeDate(text);
        this.date = looksLikeDate(text) ? parseDate(text) : null;
        this.bool = "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    /** The operand's text (escapes removed). */
    public String text() {
        return text;
    }

    /** The number it spells, or null. */
    public BigDecimal number() {
        return number;
    }

    /** The instant it spells (a plain date: 00:00 UTC that day), or null. */
    public OffsetDateTime date() {
        return date;
    }

    /** Whether it is a plain date, which an equality filter takes as its whole UTC day. */
    public boolean plainDate() {
        return plainDate;
    }

    /** The boolean it spells, or null. */
    public Boolean bool() {
        return bool;
    }

    /** Whether {@code epochSecond} lies in the UTC day this plain date names. */
    boolean sameDay(long epochSecond) {
        long start = date.toEpochSecond();
        return epochSecond >= start && epochSecond < start + DAY_SECONDS;
    }

    /** Cheap shape check ({@code dddd-dd-dd...}) done before trying to parse text as a date. */
    static boolean looksLikeDate(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    static OffsetDateTime parseDate(String s) {
        try {
            return OrderCloudJson.parseDateTime(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal parseNumber(String s) {
        if (s.isEmpty() || s.length() > 100) {
            return null;
        }
        char c = s.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long wholeOf(BigDecimal n) {
        if (n == null) {
            return null;
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
