package io.orderhooks.engine.internal.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.expr.EvaluationContext;
import io.orderhooks.engine.internal.expr.Expression;
import io.orderhooks.engine.internal.expr.ExpressionKind;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        return evaluate(OrderCloudJson.mapper().valueToTree(worksheet.order()), items, open, approved);
    }

    /**
     * For an {@code OrderReturn} rule, {@code order.*} reads the return ({@code order.RefundAmount},
     * {@code order.xp.Reason}, ...) and {@code items} are the returned lines: each order line with {@code Quantity}
     * the returned quantity and the item's {@code RefundAmount} and {@code Comments} added.
     */
    @Override
    public List<ApprovalRule> holdingReturn(OrderReturn ret, OrderWorksheet worksheet, List<ApprovalRule> rules, List<OrderApproval> history) {
        Set<String> approved = ruleIDs(history, "Approved");
        Set<String> pending = ruleIDs(history, "Pending");
        List<ApprovalRule> open = rules.stream().filter(r -> !approved.contains(r.id()) && !pending.contains(r.id())).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        List<JsonNode> items = new java.util.ArrayList<>();
        for (OrderReturnItem i : ret.itemsToReturn() == null ? List.<OrderReturnItem>of() : ret.itemsToReturn()) {
            worksheet.lineItems().stream().filter(l -> l.id().equals(i.lineItemID())).findFirst().ifPresent(l -> {
                ObjectNode line = OrderCloudJson.mapper().valueToTree(l);
                line.put("Quantity", i.quantity()).put("RefundAmount", i.refundAmount()).put("Comments", i.comments());
                items.add(line);
            });
        }
        return evaluate(OrderCloudJson.mapper().valueToTree(ret), items, open, approved);
    }

    private static List<ApprovalRule> evaluate(JsonNode order, List<JsonNode> items, List<ApprovalRule> open, Set<String> approved) {
        EvaluationContext ctx = EvaluationContext.ofOrder(order, items).withApprovedRules(approved::contains);
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
