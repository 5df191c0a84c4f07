/**
 * OrderCloud's rule expression language, for promotions ({@code EligibleExpression},
 * {@code ValueExpression}) and approval rules ({@code RuleExpression}).
 *
 * <p>Entry point: {@link io.orderhooks.engine.internal.expr.Expression#parse(String, ExpressionKind)}, then
 * {@code test}/{@code amount}/{@code evaluate} against an {@link io.orderhooks.engine.internal.expr.EvaluationContext}.
 * Grammar, semantics (case-insensitive strings, null handling, dates, decimals) and error codes are in
 * {@code docs/EXPRESSIONS.md}. Everything under {@code .internal} is implementation.
 */
package io.orderhooks.engine.internal.expr;
