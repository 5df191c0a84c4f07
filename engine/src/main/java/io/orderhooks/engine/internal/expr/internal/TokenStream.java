package io.orderhooks.engine.internal.expr.internal;

import io.orderhooks.engine.internal.expr.ExpressionException;
import io.orderhooks.engine.internal.expr.internal.Token.Type;
import java.util.List;

/** A cursor over the tokens of one expression, with error helpers that carry the column. */
class TokenStream {

    final String source;
    private final List<Token> tokens;
    private int pos;

    TokenStream(String source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peekAhead(int n) {
        return tokens.get(Math.min(pos + n, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.END) {
            pos++;
        }
        return t;
    }

    /** Consumes the next token when it is of {@code type}. */
    boolean accept(Type type) {
        if (peek().is(type)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes the next token when it is the keyword {@code word} (case-insensitive). */
    boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Type type, String what) {
        if (!peek().is(type)) {
            throw syntax("Expected " + what + ", found " + peek().describe(), peek().column());
        }
        return next();
    }

    ExpressionException syntax(String problem, int column) {
        return new ExpressionException(ExpressionException.INVALID_SYNTAX, problem, source, column);
    }

    ExpressionException unknownFunction(String problem, int column) {
        return new ExpressionException(ExpressionException.INVALID_FUNCTION, problem, source, column);
    }

    ExpressionException argumentCount(String problem, int column) {
        return new ExpressionException(ExpressionException.INVALID_ARGUMENTS, problem, source, column);
    }

    ExpressionException reference(String problem, int column) {
        return new ExpressionException(ExpressionException.INVALID_REFERENCE, problem, source, column);
    }

    ExpressionException typeMismatch(String problem, int column) {
        return new ExpressionException(ExpressionException.TYPE_MISMATCH, problem, source, column);
    }
}
