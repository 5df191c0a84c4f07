package io.orderhooks.engine.internal.expr.internal;

import io.orderhooks.engine.internal.expr.EvaluationContext;
import io.orderhooks.engine.internal.expr.ExpressionException;
import io.orderhooks.engine.internal.expr.ExpressionKind;
import io.orderhooks.engine.internal.expr.internal.Node.Env;
import io.orderhooks.engine.internal.expr.internal.Node.StaticType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A parsed, kind-checked expression tree: the implementation behind
 * {@link io.orderhooks.engine.internal.expr.Expression}. Immutable and thread-safe.
 */
public final class CompiledExpression {

    /** The longest expression accepted, in characters (OrderCloud's limit). */
    public static final int MAX_LENGTH = 400;

    private final String source;
    private final Node root;
    private final boolean referencesItem;

    private CompiledExpression(String source, Node root, boolean referencesItem) {
        this.source = source;
        this.root = root;
        this.referencesItem = referencesItem;
    }

    /** Parses {@code source} and checks it against the rules of {@code kind}. */
    public static CompiledExpression compile(String source, ExpressionKind kind) {
        if (source == null || source.isBlank()) {
            throw new ExpressionException(ExpressionException.INVALID_SYNTAX, "Expression is empty", source, 1);
        }
        if (source.length() > MAX_LENGTH) {
            throw new ExpressionException(ExpressionException.TOO_LONG, "Expression is " + source.length()
                    + " characters long; the limit is " + MAX_LENGTH, source, MAX_LENGTH + 1);
        }
        Parser parser = new Parser(source);
        Node root = parser.parseAll();
        checkKind(parser, root, kind);
        return new CompiledExpression(source, root, parser.itemColumn > 0);
    }

    private static void checkKind(Parser parser, Node root, ExpressionKind kind) {
        if (parser.approvedColumn > 0 && kind != ExpressionKind.APPROVAL_RULE) {
            throw parser.reference("order.approved(...) is only available in approval rules", parser.approvedColumn);
        }
        if (kind.lineLevel() && kind.yieldsBoolean() && parser.itemColumn == 0) {
            throw parser.reference("A line-item-level eligibility expression must reference item.* "
                    + "(for example item.ProductID = 'X')", 1);
        }
        if (!kind.lineLevel() && parser.itemColumn > 0) {
            throw parser.reference("item.* is only available in line-item-level promotions; "
                    + "use items.any(...) or items.all(...) to look at lines", parser.itemColumn);
        }
        StaticType type = root.type();
        if (kind.yieldsBoolean() && !type.canBeBoolean()) {
            throw parser.typeMismatch("Expected a condition (true/false) but the expression is a "
                    + type.describe(), 1);
        }
        if (!kind.yieldsBoolean() && type != StaticType.NUMBER && type != StaticType.ANY) {
            throw parser.typeMismatch("Expected an amount (number) but the expression is a " + type.describe(), 1);
        }
    }

    public String source() {
        return source;
    }

    public boolean referencesItem() {
        return referencesItem;
    }

    /** The raw value: Boolean, BigDecimal, String, OffsetDateTime or null. */
    public Object evaluate(EvaluationContext ctx) {
        Object value = root.eval(new Env(ctx, null, source));
        if (value == null || value instanceof Boolean || value instanceof BigDecimal || value instanceof String
                || value instanceof OffsetDateTime) {
            return value;
        }
        throw new ExpressionException(ExpressionException.TYPE_MISMATCH,
                "The expression evaluates to " + Values.typeName(value) + ", not a value", source, 1);
    }

    /** The result as a condition: null is false, "true"/"false" text converts, anything else is a mismatch. */
    public boolean test(EvaluationContext ctx) {
        Env env = new Env(ctx, null, source);
        return Values.truth(evaluate(ctx), env, 1, "A condition");
    }

    /** The result as an amount: null is zero, numeric text converts, anything else is a mismatch. */
    public BigDecimal amount(EvaluationContext ctx) {
        Env env = new Env(ctx, null, source);
        BigDecimal value = Values.number(evaluate(ctx), env, 1, "An amount");
        return value == null ? BigDecimal.ZERO : value;
    }
}
