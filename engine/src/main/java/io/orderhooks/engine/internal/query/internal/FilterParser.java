package io.orderhooks.engine.internal.query.internal;

import io.orderhooks.engine.internal.query.internal.Matchers.Operator;
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
        List<Matcher> all = new ArrayList<>(values.size());
        for (String value : values) {
            all.add(parseOne(parameter, value == null ? "" : value, path.kind()));
        }
        return Matchers.allOf(all);
    }

    /** A search term: case-insensitive substring match on a value's text (dates, numbers included). */
    public static Matcher contains(String text) {
        return Matchers.like(Glob.contains(text));
    }

    private static Matcher parseOne(String parameter, String value, ValueKind kind) {
        List<int[]> alternatives = split(value);
        List<Matcher> positives = new ArrayList<>(alternatives.size());
        List<Boolean> negated = new ArrayList<>(alternatives.size());
        for (int[] tokens : alternatives) {
            boolean not = tokens.length > 0 && tokens[0] == '!';
            negated.add(not);
            positives.add(alternative(parameter, value, tokens, not ? 1 : 0, kind));
        }
        if (negated.get(0)) {
            return Matchers.not(Matchers.anyOf(positives)); // "!A|B": none of A, B
        }
        List<Matcher> any = new ArrayList<>(positives.size());
        for (int i = 0; i < positives.size(); i++) {
            any.add(negated.get(i) ? Matchers.not(positives.get(i)) : positives.get(i));
        }
        return Matchers.anyOf(any);
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

    private static Matcher alternative(String parameter, String value, int[] tokens, int start, ValueKind kind) {
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
                return Matchers.present();
            }
            throw QueryErrors.type(parameter, value, parameter + " is an object: filter one of its properties"
                    + " (e.g. " + parameter + ".ID), or use * (present) or !* (absent).");
        }
        if (!parts.isEmpty()) {
            parts.add(part.toString());
            if (parts.size() == 2 && parts.get(0).isEmpty() && parts.get(1).isEmpty()) {
                return Matchers.present();
            }
            return Matchers.like(new Glob(parts.toArray(new String[0])));
        }
        Literal literal = new Literal(text.toString());
        check(parameter, value, literal, operator, kind);
        return operator == null ? Matchers.equalTo(literal, kind) : Matchers.compare(operator, literal, kind);
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
