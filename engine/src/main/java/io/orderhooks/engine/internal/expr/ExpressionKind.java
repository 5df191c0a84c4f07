package io.orderhooks.engine.internal.expr;

/**
 * Where an expression is used. The kind decides what the expression may reference and what it must
 * produce; {@link Expression#parse(String, ExpressionKind)} refuses an expression that does not fit.
 *
 * <table>
 *   <caption>What each kind allows</caption>
 *   <tr><th>kind</th><th>used as</th><th>result</th><th>{@code item.*} outside {@code items.*(...)}</th></tr>
 *   <tr><td>{@link #ORDER_ELIGIBLE}</td><td>order-level promotion EligibleExpression</td><td>boolean</td><td>forbidden</td></tr>
 *   <tr><td>{@link #LINE_ELIGIBLE}</td><td>line-item-level promotion EligibleExpression</td><td>boolean</td><td>required</td></tr>
 *   <tr><td>{@link #ORDER_VALUE}</td><td>order-level promotion ValueExpression</td><td>number</td><td>forbidden</td></tr>
 *   <tr><td>{@link #LINE_VALUE}</td><td>line-item-level promotion ValueExpression</td><td>number</td><td>allowed</td></tr>
 *   <tr><td>{@link #APPROVAL_RULE}</td><td>ApprovalRule RuleExpression</td><td>boolean</td><td>forbidden</td></tr>
 * </table>
 *
 * <p>{@code order.approved('ruleID')} is available only to {@link #APPROVAL_RULE}.
 */
public enum ExpressionKind {
    ORDER_ELIGIBLE(true, false),
    LINE_ELIGIBLE(true, true),
    ORDER_VALUE(false, false),
    LINE_VALUE(false, true),
    APPROVAL_RULE(true, false);

    private final boolean yieldsBoolean;
    private final boolean lineLevel;

    ExpressionKind(boolean yieldsBoolean, boolean lineLevel) {
        this.yieldsBoolean = yieldsBoolean;
        this.lineLevel = lineLevel;
    }

    /** Whether the expression is a condition ({@link Expression#test}) rather than an amount. */
    public boolean yieldsBoolean() {
        return yieldsBoolean;
    }

    /** Whether the expression is evaluated once per line item, with {@link EvaluationContext#item()} set. */
    public boolean lineLevel() {
        return lineLevel;
    }
}
