package io.orderhooks.engine.internal.returns;

import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the return services share: finding a return with its order, and changing one under its order's lock (so
 * every change to the returns of one order, and the refunds on its payments, is serialized and atomic).
 */
final class Returns {

    /** A return and its order, as read together. */
    record Loaded(ReturnState ret, OrderState order) {}

    private final EngineContext ctx;
    private final ReturnAccess access;

    Returns(EngineContext ctx) {
        this.ctx = ctx;
        this.access = new ReturnAccess(ctx);
    }

    ReturnAccess access() {
        return access;
    }

    Repository<ReturnState> table() {
        return ctx.store().table(ReturnState.TABLE);
    }

    /** The return and its order if the caller may see it; 404 otherwise. Lock-free snapshot. */
    Loaded load(Caller caller, String returnID) {
        ReturnState r = table().find(returnID).orElseThrow(() -> Errors.notFound("OrderReturn", returnID));
        OrderState s = ctx.store().order(r.ret().orderID()).orElseThrow(() -> Errors.notFound("OrderReturn", returnID));
        if (!access.canSee(caller, r, s)) {
            throw Errors.notFound("OrderReturn", returnID);
        }
        return new Loaded(r, s);
    }

    /** The order's other returns. */
    List<ReturnState> others(String orderID, String returnID) {
        return table().findByLookup(orderID).stream().filter(o -> !o.id().equals(returnID)).toList();
    }

    /**
     * Runs {@code change} on the current return and order under the order's lock and stores what it returns. The
     * change may also return new order state through {@link Changed#order}; it may throw to refuse (nothing changes).
     */
    ReturnState change(String returnID, BiFunction<ReturnState, OrderState, Changed> change) {
        ReturnState first = table().find(returnID).orElseThrow(() -> Errors.notFound("OrderReturn", returnID));
        return ctx.store().withOrder(first.ret().orderID(), s -> {
            ReturnState r = table().find(returnID).orElseThrow(() -> Errors.notFound("OrderReturn", returnID));
            Changed c = change.apply(r, s);
            table().put(returnID, c.ret());
            return c.order() == null ? Mutation.unchanged(c.ret()) : Mutation.commit(c.order(), c.ret());
        });
    }

    /** What a change decided: the return to store, and the order state to commit (null: order unchanged). */
    record Changed(ReturnState ret, OrderState order) {
        static Changed of(ReturnState r) {
            return new Changed(r, null);
        }
    }

    static void requireStatus(ReturnState r, String action, OrderStatus... allowed) {
        for (OrderStatus a : allowed) {
            if (r.ret().status() == a) {
                return;
            }
        }
        List<String> names = java.util.Arrays.stream(allowed).map(Enum::name).toList();
        String code = allowed.length == 1 ? "OrderReturn.MustBe" + allowed[0] : "OrderReturn.InvalidStatus";
        throw Errors.bad(code, "Cannot " + action + " order return " + r.id() + ": its status is " + r.ret().status()
                + ", it must be " + String.join(" or ", names) + ".", Map.of("OrderReturnID", r.id(), "Status", String.valueOf(r.ret().status())));
    }
}
