package io.orderhooks.engine.internal.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.expr.EvaluationContext;
import io.orderhooks.engine.internal.expr.Expression;
import io.orderhooks.engine.internal.expr.ExpressionKind;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.OrderWorksheet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's default {@link ApprovalPolicy}: each rule's {@code RuleExpression} is evaluated as
 * {@link ExpressionKind#APPROVAL_RULE} against the worksheet's order and lines; {@code order.approved('ruleID')}
 * is true when the order's history holds an {@code Approved} approval for that rule.
 *
 * <p>A rule holds the order when its expression is true and the order has no {@code Pending} or {@code Approved}
 * approval for it yet, so re-evaluating after an approval (chains such as
 * {@code order.approved('r1') and order.Total > 1000}) only adds the rules that newly apply. Rules are returned in
 * the order given. Evaluation errors ({@code Expression.TypeMismatch} on data) propagate and refuse the submit.
 * Stateless and thread-safe.
 */
public final class ExpressionApprovalPolicy implements ApprovalPolicy {

    @Override
    public List<ApprovalRule> holding(OrderWorksheet worksheet, List<ApprovalRule> rules, List<OrderApproval> history) {
        Set<String> approved = ruleIDs(history, "Approved");
        Set<String> pending = ruleIDs(history, "Pending");
        List<ApprovalRule> open = rules.stream().filter(r -> !approved.contains(r.id()) && !pending.contains(r.id())).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        List<JsonNode> items = worksheet.lineItems() == null ? List.of()
                : worksheet.lineItems().stream().<JsonNode>map(l -> OrderCloudJson.mapper().valueToTree(l)).toList();
        EvaluationContext ctx = EvaluationContext.ofOrder(OrderCloudJson.mapper().valueToTree(worksheet.order()), items)
                .withApprovedRules(approved::contains);
        return open.stream()
                .filter(r -> Expression.parse(r.ruleExpression(), ExpressionKind.APPROVAL_RULE).test(ctx))
                .toList();
    }

    /** Parses the rule's expression: a malformed one is refused with its {@code Expression.*} code and column. */
    @Override
    public void validate(ApprovalRule rule) {
        Expression.parse(rule.ruleExpression(), ExpressionKind.APPROVAL_RULE);
    }

    private static Set<String> ruleIDs(List<OrderApproval> history, String status) {
        return history == null ? Set.of() : history.stream().filter(a -> status.equals(a.status()) && a.approvalRuleID() != null)
                .map(OrderApproval::approvalRuleID).collect(Collectors.toSet());
    }
}
