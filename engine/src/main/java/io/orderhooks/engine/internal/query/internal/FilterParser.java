package io.orderhooks.engine.internal.query.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles filter values ({@code Open|Completed}, {@code !Canceled}, {@code >=100}, {@code *oh*},
 * {@code !*}, {@code \*literal}) into {@link Matcher}s, checking each operand against the property's kind.
 * See {@code docs/QUERY.md} for the grammar.
 */
public final class FilterParser {

    private static final int ESCAPED = 1 << 16;

    private FilterParser() {}

    /** All values given for one property, ANDed (repeating a parameter narrows the list). */
    public static Matcher parse(String parameter, List<String> values, ResolvedPath path) {
        return matcher(parseValues(parameter, values, path), path.kind());
    }

    /** The parsed values of one property (ANDed), for translators; {@link #matcher} compiles them. */
    public static List<FilterValue> parseValues(String parameter, List<String> values, ResolvedPath path) {
        List<FilterValue> all = new ArrayList<>(values.size());
        for (String value : values) {
            all.add(parseOne(parameter, value == null ? "" : value, path.kind()));
        }
        return List.copyOf(all);
    }

    /** The matcher of {@code values} (ANDed) for values of {@code kind}. */
    public static Matcher matcher(List<FilterValue> values, ValueKind kind) {
        List<Matcher> all = new ArrayList<>(values.size());
        values.forEach(v -> all.add(v.matcher(kind)));
        return Matchers.allOf(all);
    }

    /** A search term: case-insensitive substring match on a value's text (dates, numbers included). */
    public static Matcher contains(String text) {
        return Matchers.like(Glob.contains(text));
    }

    private static FilterValue parseOne(String parameter, String value, ValueKind kind) {
        List<int[]> alternatives = split(value);
        boolean noneOf = alternatives.get(0).length > 0 && alternatives.get(0)[0] == '!';
        List<FilterTerm> terms = new ArrayList<>(alternatives.size());
        for (int[] tokens : alternatives) {
            boolean not = tokens.length > 0 && tokens[0] == '!';
            terms.add(alternative(parameter, value, tokens, not ? 1 : 0, kind, not && !noneOf));
        }
        return new FilterValue(terms, noneOf); // "!A|B": none of A, B
    }

    /** Splits on unescaped {@code |}; each token is a char, with {@link #ESCAPED} set if it was escaped. */
    private static List<int[]> split(String value) {
        List<int[]> alternatives = new ArrayList<>();
        int[] current = new int[value.length()];
        int size = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current[size++] = value.charAt(++i) | ESCAPED;
            } else if (c == '|') {
                alternatives.add(java.util.Arrays.copyOf(current, size));
                size = 0;
            } else {
                current[size++] = c;
            }
        }
        alternatives.add(java.util.Arrays.copyOf(current, size));
        return alternatives;
    }

    private static FilterTerm alternative(String parameter, String value, int[] tokens, int start, ValueKind kind,
            boolean negated) {
        int i = start;
        Operator operator = null;
        if (i < tokens.length && (tokens[i] == '>' || tokens[i] == '<')) {
            boolean orEqual = i + 1 < tokens.length && tokens[i + 1] == '=';
            operator = tokens[i] == '>' ? (orEqual ? Operator.GE : Operator.GT) : (orEqual ? Operator.LE : Operator.LT);
            i += orEqual ? 2 : 1;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder part = new StringBuilder();
        for (int j = i; j < tokens.length; j++) {
            char c = (char) tokens[j];
            if (tokens[j] == '*' && operator == null) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
            text.append(c);
        }
        if (kind == ValueKind.OBJECT) {
            if (operator == null && parts.size() == 1 && part.length() == 0 && parts.get(0).isEmpty()) {
                return new FilterTerm(FilterTerm.Shape.PRESENT, negated, null, null, null);
            }
            throw QueryErrors.type(parameter, value, parameter + " is an object: filter one of its properties"
                    + " (e.g. " + parameter + ".ID), or use * (present) or !* (absent).");
        }
        if (!parts.isEmpty()) {
            parts.add(part.toString());
            if (parts.size() == 2 && parts.get(0).isEmpty() && parts.get(1).isEmpty()) {
                return new FilterTerm(FilterTerm.Shape.PRESENT, negated, null, null, null);
            }
            return new FilterTerm(FilterTerm.Shape.LIKE, negated, null, new Glob(parts.toArray(new String[0])), null);
        }
        Literal literal = new Literal(text.toString());
        check(parameter, value, literal, operator, kind);
        return operator == null ? new FilterTerm(FilterTerm.Shape.EQUAL, negated, null, null, literal)
                : new FilterTerm(FilterTerm.Shape.COMPARE, negated, operator, null, literal);
    }

    private static void check(String parameter, String value, Literal literal, Operator operator, ValueKind kind) {
        switch (kind) {
            case NUMBER -> {
                if (literal.number == null) {
                    throw QueryErrors.type(parameter, value, parameter + " is a number, and '" + literal + "' is not.");
                }
            }
            case DATE -> {
                if (literal.date == null) {
                    throw QueryErrors.type(parameter, value, parameter + " is a date, and '" + literal
                            + "' is not an ISO-8601 date (e.g. 2024-01-31 or 2024-01-31T09:30:00-05:00).");
                }
            }
            case BOOLEAN -> {
                if (operator != null) {
                    throw QueryErrors.type(parameter, value, parameter + " is true/false and cannot be compared with "
                            + operator.symbol + ".");
                }
                if (literal.bool == null) {
                    throw QueryErrors.type(parameter, value, parameter + " is true/false, and '" + literal + "' is not.");
                }
            }
            default -> {
                // STRING and free JSON accept any operand
            }
        }
    }
}
