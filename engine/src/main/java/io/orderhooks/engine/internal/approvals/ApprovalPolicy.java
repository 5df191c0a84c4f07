package io.orderhooks.engine.internal.approvals;

import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderWorksheet;
import java.util.List;

/**
 * The extension point for approval rule expressions: which of the buyer's rules hold an order being
 * submitted. Thread-safe and side-effect free; may throw an {@code OrderCloudException}.
 */
@FunctionalInterface
public interface ApprovalPolicy {

    /**
     * @param worksheet the order as it would be submitted
     * @param rules the approval rules of the order's buyer
     * @param history approvals the order already went through (for {@code order.approved('ruleID')})
     * @return the rules whose expression is true: each becomes a pending approval
     */
    List<ApprovalRule> holding(OrderWorksheet worksheet, List<ApprovalRule> rules, List<OrderApproval> history);

    /**
     * Which of the marketplace's {@code OrderReturn} rules hold a return being submitted. Default: the rules that
     * {@link #holding} holds for the return's order, so a custom policy that knows nothing of returns still works.
     *
     * @param ret the return as it would be submitted (items and refunds computed)
     * @param worksheet its order
     * @param history approvals the return already went through, in the order-approval shape
     */
    default List<ApprovalRule> holdingReturn(OrderReturn ret, OrderWorksheet worksheet, List<ApprovalRule> rules, List<OrderApproval> history) {
        return holding(worksheet, rules, history);
    }

    /** Checks a rule's expression when it is saved; throws {@code Expression.*} errors. Default: accepts all. */
    default void validate(ApprovalRule rule) {}

    /** The default: no rule ever holds an order. */
    ApprovalPolicy NONE = (worksheet, rules, history) -> List.of();
}
