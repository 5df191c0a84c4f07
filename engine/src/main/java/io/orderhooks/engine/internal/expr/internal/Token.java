package io.orderhooks.engine.internal.expr.internal;

/**
 * One lexical token. {@code value} holds the decoded literal for numbers (BigDecimal), strings (String)
 * and dates (OffsetDateTime); {@code text} is the source text; {@code column} is 1-based.
 */
record Token(Type type, String text, Object value, int column) {

    enum Type { IDENT, NUMBER, STRING, DATE, DOT, COMMA, LPAREN, RPAREN, OPERATOR, END }

    boolean is(Type t) {
        return type == t;
    }

    boolean isOperator(String op) {
        return type == Type.OPERATOR && text.equals(op);
    }

    /** Whether this is the identifier {@code word}, case-insensitively (keywords are case-insensitive). */
    boolean isWord(String word) {
        return type == Type.IDENT && text.equalsIgnoreCase(word);
    }

    /** How the token reads in an error message. */
    String describe() {
        return type == Type.END ? "end of expression" : "'" + text + "'";
    }
}
