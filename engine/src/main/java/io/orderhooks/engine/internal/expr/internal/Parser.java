package io.orderhooks.engine.internal.expr.internal;

import io.orderhooks.engine.internal.expr.internal.LogicNodes.Comparison;
import io.orderhooks.engine.internal.expr.internal.LogicNodes.Logical;
import io.orderhooks.engine.internal.expr.internal.LogicNodes.Not;
import io.orderhooks.engine.internal.expr.internal.Node.StaticType;
import io.orderhooks.engine.internal.expr.internal.Token.Type;
import io.orderhooks.engine.internal.expr.internal.ValueNodes.Arithmetic;
import io.orderhooks.engine.internal.expr.internal.ValueNodes.Literal;
import io.orderhooks.engine.internal.expr.internal.ValueNodes.Negate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser. Precedence, loosest first: {@code or}, {@code and}, {@code not}, comparison
 * (not chainable), {@code + -}, {@code * / %}, unary {@code -}, primary. Static type errors (a literal of
 * the wrong type) are reported here, with the column; property types are checked at evaluation.
 */
class Parser extends TokenStream {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
    private static final Set<String> RESERVED = Set.of("and", "or", "not");

    /** Set while parsing the filter of an {@code items.*(...)} call. */
    boolean inFilter;
    /** Column of the first {@code item.*} reference outside a filter, 0 if none. */
    int itemColumn;
    /** Column of the first {@code order.approved(...)}, 0 if none. */
    int approvedColumn;

    Parser(String source) {
        super(source);
    }

    /** Parses the whole text; anything left over is an error. */
    Node parseAll() {
        Node root = expression();
        Token rest = peek();
        if (!rest.is(Type.END)) {
            String extra = rest.is(Type.RPAREN) ? " (no matching '(')" : "; expected an operator or the end";
            throw syntax("Unexpected " + rest.describe() + extra, rest.column());
        }
        return root;
    }

    Node expression() {
        Node left = and();
        while (peek().isWord("or")) {
            Token op = next();
            left = new Logical(false, requireBoolean(left, "'or'"), requireBoolean(and(), "'or'"), op.column());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().isWord("and")) {
            Token op = next();
            left = new Logical(true, requireBoolean(left, "'and'"), requireBoolean(not(), "'and'"), op.column());
        }
        return left;
    }

    private Node not() {
        if (peek().isWord("not")) {
            Token op = next();
            return new Not(requireBoolean(not(), "'not'"), op.column());
        }
        return comparison();
    }

    private Node comparison() {
        Node left = additive();
        if (!isComparison(peek())) {
            return left;
        }
        Token op = next();
        Node right = additive();
        checkComparable(op, left, right);
        if (isComparison(peek())) {
            throw syntax("Comparisons cannot be chained; combine them with 'and'", peek().column());
        }
        return new Comparison(op.text(), left, right, op.column());
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().isOperator("+") || peek().isOperator("-")) {
            Token op = next();
            left = arithmetic(op, left, multiplicative());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().isOperator("*") || peek().isOperator("/") || peek().isOperator("%")) {
            Token op = next();
            left = arithmetic(op, left, unary());
        }
        return left;
    }

    private Node unary() {
        if (peek().isOperator("-")) {
            Token op = next();
            return new Negate(requireNumber(unary(), "'-'"), op.column());
        }
        return primary();
    }

    private Node primary() {
        Token t = peek();
        switch (t.type()) {
            case NUMBER:
                next();
                return new Literal(t.value(), StaticType.NUMBER, t.column());
            case STRING:
                next();
                return new Literal(t.value(), StaticType.STRING, t.column());
            case DATE:
                next();
                return new Literal(t.value(), StaticType.DATE, t.column());
            case LPAREN:
                return parenthesized();
            case IDENT:
                if (!RESERVED.contains(t.text().toLowerCase(java.util.Locale.ROOT))) {
                    return word();
                }
                break;
            default:
                break;
        }
        throw syntax(t.is(Type.END) ? "Expected a value" : "Expected a value but found " + t.describe(), t.column());
    }

    private Node parenthesized() {
        Token open = next();
        Node inner = expression();
        if (!peek().is(Type.RPAREN)) {
            throw syntax("Expected ')' to match the '(' at column " + open.column() + " but found "
                    + peek().describe(), peek().column());
        }
        next();
        return inner;
    }

    private Node word() {
        Token t = peek();
        if (t.isWord("true") || t.isWord("false")) {
            next();
            return new Literal(Boolean.valueOf(t.text().equalsIgnoreCase("true")), StaticType.BOOLEAN, t.column());
        }
        if (t.isWord("null")) {
            next();
            return new Literal(null, StaticType.NULL, t.column());
        }
        return new References(this).reference();
    }

    /** Parses {@code ( [expr {, expr}] )}; the '(' is the next token. */
    List<Node> arguments() {
        Token open = expect(Type.LPAREN, "'('");
        List<Node> args = new ArrayList<>();
        if (accept(Type.RPAREN)) {
            return args;
        }
        do {
            args.add(expression());
        } while (accept(Type.COMMA));
        if (!peek().is(Type.RPAREN)) {
            throw syntax("Expected ',' or ')' to close the '(' at column " + open.column() + " but found "
                    + peek().describe(), peek().column());
        }
        next();
        return args;
    }

    private Node arithmetic(Token op, Node left, Node right) {
        String what = "'" + op.text() + "'";
        return new Arithmetic(op.text(), requireNumber(left, what), requireNumber(right, what), op.column());
    }

    Node requireBoolean(Node n, String what) {
        if (!n.type().canBeBoolean()) {
            throw typeMismatch(what + " needs a true/false value, got " + n.type().describe(), n.column());
        }
        return n;
    }

    Node requireNumber(Node n, String what) {
        if (!n.type().canBeNumber()) {
            throw typeMismatch(what + " needs numbers, got " + n.type().describe(), n.column());
        }
        return n;
    }

    Node requireText(Node n, String what) {
        if (n.type() != StaticType.STRING && n.type() != StaticType.ANY) {
            throw typeMismatch(what + " needs a text argument, got " + n.type().describe(), n.column());
        }
        return n;
    }

    private void checkComparable(Token op, Node left, Node right) {
        StaticType a = left.type();
        StaticType b = right.type();
        boolean equality = op.text().equals("=") || op.text().equals("<>") || op.text().equals("!=");
        if ((a == StaticType.NULL || b == StaticType.NULL) && !equality) {
            throw typeMismatch("null can only be compared with '=' or '<>', not '" + op.text() + "'", op.column());
        }
        if ((a == StaticType.BOOLEAN || b == StaticType.BOOLEAN) && !equality) {
            throw typeMismatch("true/false values can only be compared with '=' or '<>', not '" + op.text() + "'",
                    op.column());
        }
        if (a == b || a == StaticType.ANY || b == StaticType.ANY || a == StaticType.NULL || b == StaticType.NULL) {
            return;
        }
        boolean textAndDate = (a == StaticType.STRING && b == StaticType.DATE)
                || (a == StaticType.DATE && b == StaticType.STRING);
        if (!textAndDate) {
            throw typeMismatch("Cannot compare " + a.describe() + " with " + b.describe() + " using '"
                    + op.text() + "'", op.column());
        }
    }

    private static boolean isComparison(Token t) {
        return t.is(Type.OPERATOR) && COMPARISONS.contains(t.text());
    }
}
