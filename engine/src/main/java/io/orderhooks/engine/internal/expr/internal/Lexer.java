package io.orderhooks.engine.internal.expr.internal;

import io.orderhooks.engine.internal.expr.ExpressionException;
import io.orderhooks.engine.internal.expr.internal.Token.Type;
import io.orderhooks.core.json.OrderCloudJson;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits expression text into tokens; reports the first bad character, string or date with its column. */
final class Lexer {

    private static final Pattern US_DATE =
            Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
            if (pos >= src.length()) {
                tokens.add(new Token(Type.END, "", null, src.length() + 1));
                return;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = src.charAt(pos);
        int start = pos;
        if (Character.isDigit(c) || (c == '.' && digitAt(pos + 1) && !afterOperand())) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            return token(Type.IDENT, start, null);
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '#') {
            return date();
        }
        pos++;
        return switch (c) {
            case '.' -> token(Type.DOT, start, null);
            case ',' -> token(Type.COMMA, start, null);
            case '(' -> token(Type.LPAREN, start, null);
            case ')' -> token(Type.RPAREN, start, null);
            case '+', '-', '*', '/', '%', '=' -> token(Type.OPERATOR, start, null);
            case '<' -> operator(start, '=', '>');
            case '>' -> operator(start, '=', '=');
            case '!' -> {
                if (pos < src.length() && src.charAt(pos) == '=') {
                    pos++;
                    yield token(Type.OPERATOR, start, null);
                }
                throw error("Unexpected character '!' (use 'not' or '!=')", start);
            }
            default -> throw error("Unexpected character '" + c + "'", start);
        };
    }

    /** A one- or two-character operator: {@code c} optionally followed by {@code second} or {@code third}. */
    private Token operator(int start, char second, char third) {
        if (pos < src.length() && (src.charAt(pos) == second || src.charAt(pos) == third)) {
            pos++;
        }
        return token(Type.OPERATOR, start, null);
    }

    private Token number() {
        int start = pos;
        while (digitAt(pos)) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.' && digitAt(pos + 1)) {
            pos++;
            while (digitAt(pos)) {
                pos++;
            }
        }
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            throw error("Unexpected character '" + src.charAt(pos) + "' after a number", pos);
        }
        return token(Type.NUMBER, start, new BigDecimal(src.substring(start, pos)));
    }

    private Token string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c != quote) {
                value.append(c);
            } else if (pos < src.length() && src.charAt(pos) == quote) {
                value.append(quote);
                pos++;
            } else {
                return token(Type.STRING, start, value.toString());
            }
        }
        throw error("Unterminated string starting", start);
    }

    private Token date() {
        int start = pos;
        int end = src.indexOf('#', pos + 1);
        if (end < 0) {
            throw error("Unterminated date starting", start);
        }
        String text = src.substring(start + 1, end).trim();
        pos = end + 1;
        OffsetDateTime value = parseDate(text);
        if (value == null) {
            throw error("Invalid date '" + text + "' (expected #M/d/yyyy# or #yyyy-MM-dd#)", start);
        }
        return token(Type.DATE, start, value);
    }

    /** {@code M/d/yyyy[ H:mm[:ss]]} or ISO-8601 (date, date-time, with or without offset); UTC unless given. */
    static OffsetDateTime parseDate(String text) {
        try {
            Matcher m = US_DATE.matcher(text);
            if (m.matches()) {
                LocalDate day = LocalDate.of(group(m, 3), group(m, 1), group(m, 2));
                LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                        : LocalTime.of(group(m, 4), group(m, 5), m.group(6) == null ? 0 : group(m, 6));
                return day.atTime(time).atOffset(ZoneOffset.UTC);
            }
            return text.isEmpty() ? null : OrderCloudJson.parseDateTime(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int group(Matcher m, int i) {
        return Integer.parseInt(m.group(i));
    }

    private boolean digitAt(int i) {
        return i < src.length() && Character.isDigit(src.charAt(i));
    }

    /** Whether the previous token ends an operand, so a following '.' is a member access, not a number. */
    private boolean afterOperand() {
        if (tokens.isEmpty()) {
            return false;
        }
        Type last = tokens.get(tokens.size() - 1).type();
        return last == Type.IDENT || last == Type.RPAREN;
    }

    private Token token(Type type, int start, Object value) {
        return new Token(type, src.substring(start, pos), value, start + 1);
    }

    private ExpressionException error(String problem, int index) {
        return new ExpressionException(ExpressionException.INVALID_TOKEN, problem, src, index + 1);
    }
}
