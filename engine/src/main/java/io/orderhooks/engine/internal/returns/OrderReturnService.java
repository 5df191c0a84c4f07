package io.orderhooks.engine.internal.returns;

import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnItem;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creating, reading, changing and deleting order returns ({@code v1/orderreturns}). Items are checked and priced
 * by {@link ReturnItems}; items change only while the return is {@code Unsubmitted}
 * ({@code OrderReturn.MustBeUnsubmitted}), {@code Comments} and {@code xp} at any time. Who may do what:
 * {@link ReturnAccess}. Every change runs under the order's lock; thread-safe.
 */
public final class OrderReturnService {

    private final EngineContext ctx;
    private final Returns returns;

    public OrderReturnService(EngineContext ctx) {
        this.ctx = ctx;
        this.returns = new Returns(ctx);
    }

    public OrderReturn create(Caller caller, OrderReturn body) {
        if (body.orderID() == null || body.orderID().isBlank()) {
            throw Errors.required("OrderID");
        }
        String id = body.id() == null || body.id().isBlank() ? ctx.ids().next() : body.id();
        return ctx.store().withOrder(body.orderID(), s -> {
            returns.access().requireMayReturn(caller, s);
            ReturnItems.requireReturnableOrder(s);
            List<OrderReturnItem> items = ReturnItems.check(s, body.itemsToReturn(), returns.others(s.id(), id), caller.isSeller());
            OrderReturn ret = new OrderReturn(id, s.id(), List.of(), OrderStatus.Unsubmitted, ctx.now(), null, null, null, null, null,
                    ctx.now(), ReturnItems.total(items), body.comments(), items, body.xp());
            returns.table().insert(id, new ReturnState(ret, List.of(), s.order().fromCompanyID(),
                    caller.isBuyer() ? caller.userID() : s.order().fromUserID(), caller.clientID(), 0, null));
            return Mutation.unchanged(ret);
        });
    }

    public OrderReturn get(Caller caller, String returnID) {
        return returns.load(caller, returnID).ret().ret();
    }

    /**
     * The returns the caller may see, oldest first; with {@code approvable}, only those awaiting an approval the
     * caller may give.
     */
    public List<OrderReturn> list(Caller caller, boolean approvable) {
        List<OrderReturn> out = new ArrayList<>();
        for (ReturnState r : returns.table().list()) {
            if (!caller.isSeller() && !caller.companyID().equals(r.fromCompanyID())) {
                continue;
            }
            Optional<OrderState> s = ctx.store().order(r.ret().orderID());
            if (s.isPresent() && returns.access().canSee(caller, r, s.get())
                    && (!approvable || ReturnApprovalService.mayApprove(ctx, caller, r))) {
                out.add(r.ret());
            }
        }
        return out;
    }

    /**
     * Replaces the writable fields ({@code Comments}, {@code xp}, {@code ItemsToReturn}) with {@code body}'s. The
     * order cannot change ({@code OrderReturn.CannotChangeOrder}).
     */
    public OrderReturn save(Caller caller, String returnID, OrderReturn body) {
        return returns.change(returnID, (r, s) -> {
            returns.access().requireModify(caller, r, s);
            if (body.orderID() != null && !body.orderID().equals(r.ret().orderID())) {
                throw Errors.bad("OrderReturn.CannotChangeOrder", "The order of a return cannot change: it is "
                        + r.ret().orderID() + ", the body names " + body.orderID() + ".", Map.of("OrderID", r.ret().orderID()));
            }
            OrderReturn next = r.ret().withWritable(r.id(), body.comments(), body.xp()).withDates(null, null, null, null, null, ctx.now());
            if (!Objects.equals(body.itemsToReturn(), r.ret().itemsToReturn())) {
                Returns.requireStatus(r, "change the items of", OrderStatus.Unsubmitted);
                List<OrderReturnItem> items = ReturnItems.check(s, body.itemsToReturn(), returns.others(s.id(), returnID), caller.isSeller());
                next = next.withItems(items, ReturnItems.total(items));
            }
            return Returns.Changed.of(r.with(next));
        }).ret();
    }

    /** Removes one line from an unsubmitted return; 404 when the return holds no such line. */
    public OrderReturn deleteItem(Caller caller, String returnID, String lineItemID) {
        return returns.change(returnID, (r, s) -> {
            returns.access().requireModify(caller, r, s);
            Returns.requireStatus(r, "change the items of", OrderStatus.Unsubmitted);
            List<OrderReturnItem> items = new ArrayList<>(r.ret().itemsToReturn() == null ? List.of() : r.ret().itemsToReturn());
            if (!items.removeIf(i -> i.lineItemID().equals(lineItemID))) {
                throw Errors.notFound("OrderReturnItem", lineItemID);
            }
            OrderReturn next = r.ret().withItems(List.copyOf(items), ReturnItems.total(items)).withDates(null, null, null, null, null, ctx.now());
            return Returns.Changed.of(r.with(next));
        }).ret();
    }

    /** Deletes an unsubmitted return. */
    public void delete(Caller caller, String returnID) {
        ReturnState first = returns.table().find(returnID).orElseThrow(() -> Errors.notFound("OrderReturn", returnID));
        ctx.store().withOrder(first.ret().orderID(), s -> {
            ReturnState r = returns.table().find(returnID).orElseThrow(() -> Errors.notFound("OrderReturn", returnID));
            returns.access().requireModify(caller, r, s);
            Returns.requireStatus(r, "delete", OrderStatus.Unsubmitted);
            returns.table().delete(returnID);
            return Mutation.unchanged(null);
        });
    }
}
