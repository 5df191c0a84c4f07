package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.internal.FilterTerm;
import io.orderhooks.engine.internal.query.internal.FilterValue;
import io.orderhooks.engine.internal.query.internal.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A filter on {@code xp.*} in PostgreSQL's {@code jsonb} operators, exact for the rows it can decide. The query
 * engine's rules for JSON values (numbers numerically against a numeric operand, booleans as booleans, text
 * ignoring case, arrays flattened along the path) are mirrored for a value reached through objects only: absent,
 * JSON null, a string, a number, a boolean or an object. A row is <em>undecided</em> when an array lies on the path
 * (or is the value), when its document cannot be read as {@code jsonb} (an escaped NUL), or when the term compares a
 * number or boolean by its text (a {@code *} pattern, or a comparison with a non-numeric operand); the caller then
 * finishes in Java ({@link Condition#undecided}).
 *
 * <p>The order's {@code xp} is the {@code jsonb} column {@code orders.xp} that PostgreSQL generates from the stored
 * document ({@link V7__order_xp_jsonb}; SQL NULL for a document with an escaped NUL).
 */
final class XpSql {

    /**
     * @param where true for the matching rows among the decided ones (never SQL NULL), and for every undecided row
     * @param undecided true for the rows {@code where} cannot decide
     */
    record Condition(String where, List<Object> whereParams, String undecided) {}

    private XpSql() {
    }

    /** Whether {@code f} filters on {@code xp} or below it. */
    static boolean isXp(ListQuery.Filter f) {
        return f.path().equals("xp") || f.path().startsWith("xp.");
    }

    /** The condition of {@code f}, or null when a term has no translation (a comparison with a date). */
    static Condition of(ListQuery.Filter f) {
        String[] segments = f.path().equals("xp") ? new String[0] : f.path().substring(3).split("\\.", -1);
        String value = at(segments);
        List<String> undecided = new ArrayList<>(List.of("xp IS NULL"));
        for (int k = 0; k <= segments.length; k++) {
            undecided.add("COALESCE(jsonb_typeof(" + at(Arrays.copyOf(segments, k)) + ") = 'array', FALSE)");
        }
        List<String> all = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean numbersAsText = false;
        boolean booleansAsText = false;
        for (FilterValue v : f.values()) {
            List<String> any = new ArrayList<>();
            for (FilterTerm t : v.terms()) {
                String sql = term(t, value, params);
                if (sql == null) {
                    return null;
                }
                // a number or boolean matched by its text (a pattern, an ordering with text) is left to Java
                booleansAsText |= t.shape() == FilterTerm.Shape.LIKE || t.shape() == FilterTerm.Shape.COMPARE;
                numbersAsText |= t.shape() == FilterTerm.Shape.LIKE
                        || t.shape() == FilterTerm.Shape.COMPARE && t.literal().number() == null;
                any.add(t.negated() && !v.noneOf() ? "NOT " + sql : sql);
            }
            String anyOf = "(" + String.join(" OR ", any) + ")";
            all.add(v.noneOf() ? "NOT " + anyOf : anyOf);
        }
        if (numbersAsText) {
            undecided.add("COALESCE(jsonb_typeof(" + value + ") = 'number', FALSE)");
        }
        if (booleansAsText) {
            undecided.add("COALESCE(jsonb_typeof(" + value + ") = 'boolean', FALSE)");
        }
        String undecidedSql = "(" + String.join(" OR ", undecided) + ")";
        return new Condition("((" + String.join(" AND ", all) + ") OR " + undecidedSql + ")", List.copyOf(params),
                undecidedSql);
    }

    /** The {@code jsonb} at {@code segments} below {@code xp} (SQL NULL when missing). */
    private static String at(String[] segments) {
        return segments.length == 0 ? "xp" : "(xp #> CAST(" + pathLiteral(segments) + " AS text[]))";
    }

    /** One term, never SQL NULL on a decided row. */
    private static String term(FilterTerm t, String value, List<Object> params) {
        String type = "jsonb_typeof(" + value + ")";
        String text = "(" + value + " #>> '{}')";
        return switch (t.shape()) {
            case PRESENT -> "COALESCE(" + type + " <> 'null', FALSE)";
            case EQUAL -> {
                List<String> any = new ArrayList<>();
                any.add("(" + type + " = 'string' AND LOWER(" + text + ") = ?)");
                params.add(t.literal().text().toLowerCase(Locale.ROOT));
                if (t.literal().number() != null) {
                    any.add("(" + type + " = 'number' AND CAST(" + text + " AS numeric) = ?)");
                    params.add(t.literal().number());
                }
                if (t.literal().bool() != null) {
                    any.add("(" + type + " = 'boolean' AND CAST(" + text + " AS boolean) = ?)");
                    params.add(t.literal().bool());
                }
                yield "COALESCE(" + String.join(" OR ", any) + ", FALSE)";
            }
            case LIKE -> {
                List<String> parts = new ArrayList<>();
                for (String p : t.glob().parts()) {
                    parts.add(SqlTerms.likeEscape(p.toLowerCase(Locale.ROOT)));
                }
                params.add(String.join("%", parts));
                yield "COALESCE(" + type + " = 'string' AND LOWER(" + text + ") LIKE ? ESCAPE '!', FALSE)";
            }
            case COMPARE -> compare(t, type, text, params);
        };
    }

    private static String compare(FilterTerm t, String type, String text, List<Object> params) {
        if (t.literal().date() != null) {
            return null; // date-like text compares as instants: left to Java
        }
        String numbers = "FALSE";
        if (t.literal().number() != null) {
            numbers = "(" + type + " = 'number' AND CAST(" + text + " AS numeric) " + t.operator().symbol + " ?)";
            params.add(t.literal().number());
        }
        // strings ordered ignoring case, then by case (as the text columns, SqlTerms)
        String lower = "LOWER(" + text + ")";
        String strict = t.operator() == Operator.GT || t.operator() == Operator.GE ? " > ?" : " < ?";
        String lowered = t.literal().text().toLowerCase(Locale.ROOT);
        params.add(lowered);
        params.add(lowered);
        params.add(t.literal().text());
        String texts = "(" + type + " = 'string' AND (" + lower + " COLLATE \"C\"" + strict + " OR (" + lower + " = ? AND "
                + text + " COLLATE \"C\" " + t.operator().symbol + " ?)))";
        return "COALESCE(" + numbers + " OR " + texts + ", FALSE)";
    }

    /** The segments as a PostgreSQL text-array constant, quoted so that any segment text is data, never SQL. */
    static String pathLiteral(String[] segments) {
        List<String> quoted = new ArrayList<>();
        for (String s : segments) {
            quoted.add("\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        String array = "{" + String.join(",", quoted) + "}";
        return "E'" + array.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
