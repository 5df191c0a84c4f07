package io.orderhooks.engine.internal.checkout;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.orders.CheckoutReservation;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orders.ReservingStore;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a submit through the checkout integration holds while the middleware answers: the effects of the submit
 * ({@link SubmitEffects}: stock taken, promotion redemptions counted, spending accounts debited) are applied in the
 * reserve step, in the transaction that commits the order's {@link CheckoutReservation}, and recorded here as a hold.
 * So {@code QuantityAvailable}, balances and redemption counts exclude what in-flight submits hold, another order is
 * refused (with the usual {@code Inventory.Insufficient}, {@code Promotion.ExceedsUsageLimit}, ...) before its own
 * middleware call, and the complete step cannot fail for stock.
 *
 * <p>A hold ends exactly once, under its order's lock: {@link #settle settled} by the commit of the submitted order
 * (the effects stay, as the order's), or {@link #giveBack given back} when the middleware refused or the call failed,
 * or when its reservation expired ({@link #releaseExpired}, on the engine's clock: an engine that died mid-call never
 * keeps stock for good). Holds are rows of a store table, so they survive a restart of a durable store. Thread-safe.
 */
public final class SubmitHolds {

    /** key {@code orderID/reservationID}. */
    public static final Table<SubmitHold> TABLE = Table.of("submitholds", SubmitHold.class);

    /**
     * One in-flight submit's effects.
     *
     * @param taken the submitted order as the effects were applied to it (lines, promotions, payments with their debit
     *     transactions): what {@link SubmitEffects#release} gives back; since session 16 only what that reads
     *     ({@link SubmitEffects#releasable}), a hold recorded before keeps the whole order
     */
    public record SubmitHold(String orderID, String reservationID, OffsetDateTime expires, OrderState taken) {}

    private final EngineContext ctx;
    private final SpendingAccountService accounts;
    private final ReservingStore store;

    SubmitHolds(EngineContext ctx, SpendingAccountService accounts) {
        this.ctx = ctx;
        this.accounts = accounts;
        this.store = ReservingStore.of(ctx.store(), ctx.clock());
    }

    /**
     * Records the hold of {@code held} on {@code taken} (what {@link SubmitEffects#release} needs of it); call it in the
     * reserve step's transaction.
     */
    void record(CheckoutReservation held, OrderState taken) {
        table().insert(key(taken.id(), held.id()),
                new SubmitHold(taken.id(), held.id(), held.expires(), SubmitEffects.releasable(taken)));
    }

    /** Ends the hold keeping its effects (they became the submitted order's); call it in the commit's transaction. */
    void settle(String orderID, CheckoutReservation held) {
        table().discard(key(orderID, held.id()));
    }

    /**
     * Gives back what the hold took, when it is still there (otherwise nothing: it was settled or given back already);
     * call it under the order's lock, in the transaction that clears the reservation. Returns whether it was there.
     */
    boolean giveBack(String orderID, String reservationID) {
        String key = key(orderID, reservationID);
        SubmitHold h = table().find(key).orElse(null);
        if (h == null || !table().delete(key)) {
            return false;
        }
        SubmitEffects.release(ctx, accounts, h.taken());
        return true;
    }

    /**
     * Gives back every hold whose reservation has expired by the engine's clock, each in one transaction under its
     * order's lock, clearing the expired reservation too. A hold whose order is now held by another call in flight is
     * left for the next run. Returns how many were given back.
     */
    public int releaseExpired() {
        OffsetDateTime now = ctx.now();
        List<SubmitHold> expired = table().list().stream().filter(h -> !now.isBefore(h.expires())).toList();
        int released = 0;
        for (SubmitHold h : expired) {
            try {
                released += release(h.orderID(), h.reservationID()) ? 1 : 0;
            } catch (OrderCloudException busy) {
                if (!"Order.CheckoutInProgress".equals(busy.errorCode())) {
                    throw busy;
                }
            }
        }
        return released;
    }

    /**
     * Gives the hold of reservation {@code reservationID} back, if it is still there, under its order's lock (or alone,
     * when the order was deleted since), clearing that reservation from the order. 409 {@code Order.CheckoutInProgress}
     * when another call in flight holds the order.
     */
    boolean release(String orderID, String reservationID) {
        if (ctx.store().order(orderID).isEmpty()) {
            return ctx.store().allOrNothing(() -> giveBack(orderID, reservationID));
        }
        return store.withReservation(orderID, reservationID, s -> {
            boolean given = giveBack(orderID, reservationID);
            boolean own = s.reservation() != null && s.reservation().id().equals(reservationID);
            return own ? Mutation.commit(s.withReservation(null), given) : Mutation.unchanged(given);
        });
    }

    private Repository<SubmitHold> table() {
        return ctx.store().table(TABLE);
    }

    private static String key(String orderID, String reservationID) {
        return Table.key(orderID, reservationID);
    }
}
