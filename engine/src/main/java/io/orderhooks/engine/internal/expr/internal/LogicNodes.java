package io.orderhooks.engine.internal.expr.internal;

import io.orderhooks.engine.internal.expr.internal.Node.Env;
import io.orderhooks.engine.internal.expr.internal.Node.StaticType;
/** Comparisons and boolean operators. */
final class LogicNodes {

    private LogicNodes() {}

    /** {@code = <> != < > <= >=}; see {@link Values#compare}. */
    record Comparison(String op, Node left, Node right, int column) implements Node {
        @Override
        public Object eval(Env env) {
            return Values.compare(op, left.eval(env), right.eval(env), env, column);
        }

        @Override
        public StaticType type() {
            return StaticType.BOOLEAN;
        }
    }

    /** {@code and} / {@code or}, short-circuit; null counts as false. */
    record Logical(boolean and, Node left, Node right, int column) implements Node {
        @Override
        public Object eval(Env env) {
            String what = and ? "'and'" : "'or'";
            boolean l = Values.truth(left.eval(env), env, left.column(), what);
            if (and != l) {
                return l;
            }
            return Values.truth(right.eval(env), env, right.column(), what);
        }

        @Override
        public StaticType type() {
            return StaticType.BOOLEAN;
        }
    }

    /** {@code not x}; {@code not null} is true. */
    record Not(Node operand, int column) implements Node {
        @Override
        public Object eval(Env env) {
            return !Values.truth(operand.eval(env), env, operand.column(), "'not'");
        }

        @Override
        public StaticType type() {
            return StaticType.BOOLEAN;
        }
    }
}
