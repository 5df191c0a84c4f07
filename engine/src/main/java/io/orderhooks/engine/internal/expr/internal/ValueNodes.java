package io.orderhooks.engine.internal.expr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.expr.ExpressionException;
import io.orderhooks.engine.internal.expr.internal.Node.Env;
import io.orderhooks.engine.internal.expr.internal.Node.StaticType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Literals, properties and arithmetic. */
final class ValueNodes {

    /** Division precision: 16 significant digits, half-even (IEEE 754 decimal64). */
    static final MathContext DIVISION = MathContext.DECIMAL64;

    private ValueNodes() {}

    record Literal(Object value, StaticType type, int column) implements Node {
        @Override
        public Object eval(Env env) {
            return value;
        }
    }

    /** Which JSON tree a property path starts from. */
    enum Root { ORDER, ITEM, FILTER_LINE }

    /** {@code order.A.B}, {@code item.A.B}, or a bare {@code A.B} inside an items filter. */
    record Property(Root root, List<String> path, int column) implements Node {
        @Override
        public Object eval(Env env) {
            return JsonValues.read(rootNode(root, env, column), path);
        }

        @Override
        public StaticType type() {
            return StaticType.ANY;
        }
    }

    static JsonNode rootNode(Root root, Env env, int column) {
        return switch (root) {
            case ORDER -> env.ctx().order();
            case FILTER_LINE -> env.filterLine();
            case ITEM -> {
                if (env.ctx().item() == null) {
                    throw new IllegalStateException("The expression references item.* (column " + column
                            + ") but the EvaluationContext has no current item; use EvaluationContext.ofLine");
                }
                yield env.ctx().item();
            }
        };
    }

    /** {@code a + b}, {@code a - b}, {@code a * b}, {@code a / b}, {@code a % b}; null in, null out. */
    record Arithmetic(String op, Node left, Node right, int column) implements Node {
        @Override
        public Object eval(Env env) {
            BigDecimal a = Values.number(left.eval(env), env, column, "'" + op + "'");
            BigDecimal b = Values.number(right.eval(env), env, column, "'" + op + "'");
            if (a == null || b == null) {
                return null;
            }
            return switch (op) {
                case "+" -> a.add(b);
                case "-" -> a.subtract(b);
                case "*" -> a.multiply(b);
                default -> divide(a, b, env);
            };
        }

        private BigDecimal divide(BigDecimal a, BigDecimal b, Env env) {
            if (b.signum() == 0) {
                throw new ExpressionException(ExpressionException.DIVISION_BY_ZERO,
                        "Division by zero ('" + op + "')", env.source(), column);
            }
            return op.equals("/") ? a.divide(b, DIVISION) : a.remainder(b);
        }

        @Override
        public StaticType type() {
            return StaticType.NUMBER;
        }
    }

    /** Unary minus. */
    record Negate(Node operand, int column) implements Node {
        @Override
        public Object eval(Env env) {
            BigDecimal v = Values.number(operand.eval(env), env, column, "'-'");
            return v == null ? null : v.negate();
        }

        @Override
        public StaticType type() {
            return StaticType.NUMBER;
        }
    }

    /** {@code min(a, b, ...)} / {@code max(a, b, ...)}: nulls are skipped; all null gives null. */
    record MinMax(boolean max, List<Node> args, int column) implements Node {
        @Override
        public Object eval(Env env) {
            BigDecimal best = null;
            for (Node arg : args) {
                BigDecimal v = Values.number(arg.eval(env), env, arg.column(), max ? "max" : "min");
                if (v != null && (best == null || (max ? v.compareTo(best) > 0 : v.compareTo(best) < 0))) {
                    best = v;
                }
            }
            return best;
        }

        @Override
        public StaticType type() {
            return StaticType.NUMBER;
        }
    }
}
