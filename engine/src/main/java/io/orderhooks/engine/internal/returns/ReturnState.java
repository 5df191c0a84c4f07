package io.orderhooks.engine.internal.returns;

import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnApproval;
import io.orderhooks.core.model.OrderReturnCalculateResponse;
import io.orderhooks.engine.internal.store.Table;
import java.util.List;
import java.util.Objects;

/**
 * An order return as the engine keeps it: the wire return plus what is never on the wire. Immutable.
 *
 * @param fromCompanyID the buyer of the order
 * @param fromUserID the user who created the return (it may read and change it like the order's placer)
 * @param clientID the API client the return was created through (decides its {@code OrderReturn} integration event)
 * @param revision bumped by every change; a submit that called the integration event commits only when the
 *     return is still at the revision it sent
 * @param calculation the last answer of {@code /calculateorderreturn}, or null
 */
public record ReturnState(
        OrderReturn ret,
        List<OrderReturnApproval> approvals,
        String fromCompanyID,
        String fromUserID,
        String clientID,
        long revision,
        OrderReturnCalculateResponse calculation) {

    /** key {@code returnID}; looked up by its order's ID. */
    public static final Table<ReturnState> TABLE = Table.withLookup("orderreturns", ReturnState.class, s -> s.ret().orderID());

    public ReturnState {
        Objects.requireNonNull(ret, "ret");
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    public String id() {
        return ret.id();
    }

    /** The next revision with {@code next} as the return. */
    public ReturnState with(OrderReturn next) {
        return new ReturnState(next, approvals, fromCompanyID, fromUserID, clientID, revision + 1, calculation);
    }

    /** The next revision with {@code next} as the return and these approvals. */
    public ReturnState with(OrderReturn next, List<OrderReturnApproval> nextApprovals) {
        return new ReturnState(next, nextApprovals, fromCompanyID, fromUserID, clientID, revision + 1, calculation);
    }

    /** The same revision with another recorded integration answer. */
    public ReturnState withCalculation(OrderReturnCalculateResponse c) {
        return new ReturnState(ret, approvals, fromCompanyID, fromUserID, clientID, revision, c);
    }
}
