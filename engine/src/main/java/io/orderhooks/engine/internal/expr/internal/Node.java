package io.orderhooks.engine.internal.expr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.expr.EvaluationContext;
import io.orderhooks.engine.internal.expr.ExpressionException;

/**
 * A node of a parsed expression. Nodes are immutable; {@link #eval} is thread-safe and returns
 * {@code Boolean}, {@code BigDecimal}, {@code String}, {@code OffsetDateTime}, {@code null}, or a JSON
 * object/array (a property that is not a scalar; only {@code = null}/{@code <> null} accept it).
 */
interface Node {

    Object eval(Env env);

    /** What the parser can tell about the result before any data is seen. */
    StaticType type();

    /** 1-based column where the node starts (its operator for binary nodes). */
    int column();

    /** The static type of a node: known for literals and operators, {@link #ANY} for properties. */
    enum StaticType {
        BOOLEAN, NUMBER, STRING, DATE, NULL, ANY;

        boolean canBeBoolean() {
            return this == BOOLEAN || this == ANY;
        }

        boolean canBeNumber() {
            return this == NUMBER || this == ANY || this == NULL;
        }

        String describe() {
            return this == DATE ? "date" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a node evaluates against: the context, the line an {@code items.*(...)} filter is visiting, the text. */
    record Env(EvaluationContext ctx, JsonNode filterLine, String source) {

        Env forLine(JsonNode line) {
            return new Env(ctx, line, source);
        }

        ExpressionException typeMismatch(String problem, int column) {
            return new ExpressionException(ExpressionException.TYPE_MISMATCH, problem, source, column);
        }
    }
}
