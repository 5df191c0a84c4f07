package io.orderhooks.engine.internal.expr;

import io.orderhooks.engine.internal.expr.internal.CompiledExpression;
import java.math.BigDecimal;

/**
 * An OrderCloud rule expression (promotion {@code EligibleExpression}/{@code ValueExpression}, approval
 * {@code RuleExpression}), parsed once and evaluated many times. The grammar and every choice made where
 * OrderCloud is silent are in {@code docs/EXPRESSIONS.md}.
 *
 * <pre>{@code
 * Expression eligible = Expression.parse("items.quantity(ProductID = 'MUG') >= 2", ExpressionKind.ORDER_ELIGIBLE);
 * if (eligible.test(EvaluationContext.ofOrder(orderJson, lineJsons))) { ... }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Every failure is an {@link ExpressionException} (status 400,
 * an {@code Expression.*} code, the 1-based column): parse failures come from {@link #parse}; type
 * mismatches that depend on data (a property holding text where a number is needed) and division by zero
 * come from evaluation. Evaluating a line-level expression that uses {@code item.*} with a context that
 * has no current item is a programming error and throws {@link IllegalStateException}.
 */
public final class Expression {

    /** The longest expression accepted, in characters. */
    public static final int MAX_LENGTH = CompiledExpression.MAX_LENGTH;

    /** How many parsed expressions {@link #parse} keeps for reuse (least recently used go first). */
    static final int CACHE_SIZE = 512;

    private record Key(String source, ExpressionKind kind) {}

    /** Parsed expressions by source and kind; guarded by itself. Instances are immutable, so sharing them is safe. */
    private static final java.util.Map<Key, Expression> CACHE = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Key, Expression> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final ExpressionKind kind;
    private final CompiledExpression compiled;

    private Expression(ExpressionKind kind, CompiledExpression compiled) {
        this.kind = kind;
        this.compiled = compiled;
    }

    /**
     * Parses and checks {@code source} for use as {@code kind}.
     *
     * @throws ExpressionException {@code Expression.InvalidToken} (bad character or literal),
     *     {@code InvalidSyntax} (tokens in a wrong order, empty text), {@code InvalidFunction} (unknown
     *     function), {@code InvalidArguments} (wrong argument count), {@code InvalidReference} (unknown name,
     *     {@code item.*} where the kind forbids it or missing where it requires it), {@code TooLong}
     *     (over {@value CompiledExpression#MAX_LENGTH} characters) or {@code TypeMismatch} (literal types)
     *     <p>The last {@value #CACHE_SIZE} expressions parsed successfully are kept, so parsing the same source and
     *     kind again (a promotion evaluated per line, per order change) returns the same instance without re-parsing.
     *     Failures are not kept. Thread-safe.
     */
    public static Expression parse(String source, ExpressionKind kind) {
        java.util.Objects.requireNonNull(kind, "kind");
        Key key = source == null ? null : new Key(source, kind);
        if (key != null) {
            synchronized (CACHE) {
                Expression cached = CACHE.get(key);
                if (cached != null) {
                    return cached;
                }
            }
        }
        Expression parsed = new Expression(kind, CompiledExpression.compile(source, kind));
        if (key != null) {
            synchronized (CACHE) {
                CACHE.put(key, parsed);
            }
        }
        return parsed;
    }

    /** The text as given to {@link #parse}. */
    public String source() {
        return compiled.source();
    }

    public ExpressionKind kind() {
        return kind;
    }

    /**
     * Evaluates a condition. A null result (e.g. a missing {@code xp} flag) is {@code false}.
     *
     * @throws ExpressionException {@code TypeMismatch} when the result is not true/false
     */
    public boolean test(EvaluationContext ctx) {
        return compiled.test(ctx);
    }

    /**
     * Evaluates an amount, unrounded (division keeps 16 significant digits; rounding money is the
     * caller's job). A null result (e.g. a missing property) is zero.
     *
     * @throws ExpressionException {@code TypeMismatch} when the result is not a number
     */
    public BigDecimal amount(EvaluationContext ctx) {
        return compiled.amount(ctx);
    }

    /** The raw result: {@code Boolean}, {@code BigDecimal}, {@code String}, {@code OffsetDateTime} or null. */
    public Object evaluate(EvaluationContext ctx) {
        return compiled.evaluate(ctx);
    }

    /** Whether {@code item.*} (or {@code product.*}) appears outside {@code items.*(...)} filters. */
    public boolean referencesItem() {
        return compiled.referencesItem();
    }

    @Override
    public String toString() {
        return kind + ": " + source();
    }
}
