package io.orderhooks.engine.internal.store.jdbc;

import com.fasterxml.jackson.databind.node.TextNode;
import io.orderhooks.engine.internal.query.internal.FilterTerm;
import io.orderhooks.engine.internal.query.internal.FilterValue;
import io.orderhooks.engine.internal.query.internal.Matcher;
import io.orderhooks.engine.internal.query.internal.Operator;
import io.orderhooks.engine.internal.query.internal.ValueKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL for the filter values of one column, mirroring the Java matchers: text equal/compare ignoring case (then by
 * case for order), numbers numerically, dates as instants (a plain date is its whole UTC day, at the databases'
 * microsecond precision), an absent value never matching a term and always matching its negation. An enum column
 * is decided in Java over its closed set of values and becomes an {@code IN} list. Every method returns null for a
 * term SQL cannot answer the same way (a wildcard on a number or a date: those match the value's text).
 */
final class SqlTerms {

    private SqlTerms() {
    }

    /** The values ANDed, or null. */
    static String allOf(List<FilterValue> values, SqlColumn c, Dialect d, List<Object> params) {
        List<String> all = new ArrayList<>();
        for (FilterValue v : values) {
            String sql = value(v, c, d, params);
            if (sql == null) {
                return null;
            }
            all.add(sql);
        }
        return String.join(" AND ", all);
    }

    private static String value(FilterValue v, SqlColumn c, Dialect d, List<Object> params) {
        List<String> any = new ArrayList<>();
        for (FilterTerm t : v.terms()) {
            String sql = term(t, c, d, params);
            if (sql == null) {
                return null;
            }
            any.add(t.negated() && !v.noneOf() ? absentOrNot(c, sql) : sql);
        }
        String anyOf = "(" + String.join(" OR ", any) + ")";
        return v.noneOf() ? absentOrNot(c, anyOf) : anyOf;
    }

    /** The negation: SQL's NOT of a comparison with NULL is NULL, while the Java matcher's is true. */
    private static String absentOrNot(SqlColumn c, String sql) {
        return "(" + c.name() + " IS NULL OR NOT " + sql + ")";
    }

    private static String term(FilterTerm t, SqlColumn c, Dialect d, List<Object> params) {
        if (t.shape() == FilterTerm.Shape.PRESENT) {
            return c.name() + " IS NOT NULL";
        }
        if (c.closedValues() != null) {
            Matcher m = t.positive(c.kind());
            return in(c, c.closedValues().stream().filter(x -> m.matches(TextNode.valueOf(x))).toList(), params);
        }
        return switch (c.kind()) {
            case STRING -> text(t, c, d, params);
            case NUMBER -> t.shape() == FilterTerm.Shape.LIKE || t.literal().number() == null ? null
                    : bind(c.name() + (t.operator() == null ? " = ?" : " " + t.operator().symbol + " ?"), t.literal().number(), params);
            case DATE -> t.shape() == FilterTerm.Shape.LIKE || t.literal().date() == null ? null : date(t, c, params);
            case BOOLEAN -> t.shape() == FilterTerm.Shape.EQUAL && t.literal().bool() != null
                    ? bind(c.name() + " = ?", t.literal().bool(), params) : null;
            default -> null;
        };
    }

    private static String text(FilterTerm t, SqlColumn c, Dialect d, List<Object> params) {
        String lower = c.lower();
        if (t.shape() == FilterTerm.Shape.LIKE) {
            List<String> parts = new ArrayList<>();
            for (String p : t.glob().parts()) {
                parts.add(likeEscape(p.toLowerCase(Locale.ROOT)));
            }
            return bind(lower + " LIKE ? ESCAPE '!'", String.join("%", parts), params);
        }
        String text = t.literal().text();
        String lowered = text.toLowerCase(Locale.ROOT);
        if (t.shape() == FilterTerm.Shape.EQUAL) {
            return bind(lower + " = ?", lowered, params);
        }
        // ignoring case first, then by case: (lower op' l) OR (lower = l AND value op text)
        String strict = t.operator() == Operator.GT || t.operator() == Operator.GE ? " > ?" : " < ?";
        params.add(lowered);
        params.add(lowered);
        params.add(text);
        return "(" + d.binary(lower) + strict + " OR (" + lower + " = ? AND " + d.binary(c.name()) + " "
                + t.operator().symbol + " ?))";
    }

    private static String date(FilterTerm t, SqlColumn c, List<Object> params) {
        OffsetDateTime at = t.literal().date().withOffsetSameInstant(ZoneOffset.UTC);
        if (t.operator() == null) {
            if (!t.literal().plainDate()) {
                return bind(c.name() + " = ?", at, params);
            }
            params.add(at);
            params.add(at.plusDays(1));
            return "(" + c.name() + " >= ? AND " + c.name() + " < ?)";
        }
        // the column holds microseconds: round the bound so that the comparison keeps its meaning
        OffsetDateTime floor = at.truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime ceil = floor.equals(at) ? at : floor.plus(1, ChronoUnit.MICROS);
        OffsetDateTime bound = t.operator() == Operator.GE || t.operator() == Operator.LT ? ceil : floor;
        return bind(c.name() + " " + t.operator().symbol + " ?", bound, params);
    }

    /** {@code c IN (...)} of the given values, or a false condition when there are none. */
    static String in(SqlColumn c, List<String> values, List<Object> params) {
        if (values.isEmpty()) {
            return "1=0";
        }
        params.addAll(values);
        return c.name() + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
    }

    private static String bind(String sql, Object param, List<Object> params) {
        params.add(param);
        return sql;
    }

    /** {@code text} with LIKE's wildcards escaped by {@code !}. */
    static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
