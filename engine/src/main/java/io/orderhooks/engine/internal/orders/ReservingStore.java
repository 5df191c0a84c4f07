package io.orderhooks.engine.internal.orders;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The store as the engine's services see it: the underlying {@link Store} plus the order rules of checkout
 * reservations (see {@link CheckoutReservation}).
 *
 * <ul>
 *   <li>Every commit through {@link #withOrder} or {@link #withReservation} increments the order's
 *       {@link OrderState#revision()}, so a checkout call can tell whether the order changed while it ran.
 *   <li>{@link #withOrder} refuses (409 {@code Order.CheckoutInProgress}, nothing changed, no waiting) while the
 *       order holds an active reservation; only {@link #withReservation} with that reservation's ID gets through.
 *   <li>Reads and tables pass straight through: reading a reserved order, or anything about other orders, never waits.
 * </ul>
 *
 * <p>Every method of {@link Store} is delegated, so store-specific implementations (indexed lookups) keep working;
 * a method added to {@code Store} must be delegated here too. Thread-safe when the underlying store is.
 */
public final class ReservingStore implements Store {

    private final Store store;
    private final Clock clock;

    private ReservingStore(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** {@code store} with the reservation rules (itself when it already has them). */
    public static ReservingStore of(Store store, Clock clock) {
        return store instanceof ReservingStore r ? r : new ReservingStore(store, clock);
    }

    @Override
    public <T> Repository<T> table(Table<T> table) {
        return store.table(table);
    }

    @Override
    public Optional<OrderState> order(String orderID) {
        return store.order(orderID);
    }

    @Override
    public List<OrderState> orders() {
        return store.orders();
    }

    @Override
    public List<OrderState> ordersOfCompany(String companyID) {
        return store.ordersOfCompany(companyID);
    }

    @Override
    public List<OrderState> ordersFromUser(String companyID, String userID) {
        return store.ordersFromUser(companyID, userID);
    }

    @Override
    public io.orderhooks.core.model.ListPage<io.orderhooks.core.model.Order> listOrders(
            io.orderhooks.engine.internal.store.OrderListScope scope, io.orderhooks.engine.internal.query.ListQuery query) {
        return store.listOrders(scope, query);
    }

    @Override
    public Optional<io.orderhooks.engine.internal.store.DeliveryTable> deliveryTable() {
        return store.deliveryTable();
    }

    @Override
    public List<OrderState> ordersWithStatus(io.orderhooks.core.model.OrderStatus status) {
        return store.ordersWithStatus(status);
    }

    @Override
    public List<OrderState> sharedCarts() {
        return store.sharedCarts();
    }

    @Override
    public void createOrder(OrderState state) {
        store.createOrder(state);
    }

    @Override
    public Optional<io.orderhooks.engine.delivery.Outbox> outbox() {
        return store.outbox();
    }

    @Override
    public io.orderhooks.engine.internal.store.JobLock jobLock() {
        return store.jobLock();
    }

    @Override
    public Optional<io.orderhooks.engine.internal.store.AttemptCounts> attemptCounts() {
        return store.attemptCounts();
    }

    @Override
    public <R> R atomically(java.util.function.Supplier<R> work) {
        return store.atomically(work);
    }

    @Override
    public <R> R readTogether(java.util.function.Supplier<R> reads) {
        return store.readTogether(reads);
    }

    @Override
    public <R> R oneRequest(java.util.function.Supplier<R> request) {
        return store.oneRequest(request);
    }

    @Override
    public void callingOut() {
        store.callingOut();
    }

    @Override
    public <R> R allOrNothing(java.util.function.Supplier<R> work) {
        return store.allOrNothing(work);
    }

    /** As {@link Store#withOrder}, refused while a checkout call holds the order (see class doc). */
    @Override
    public boolean inTransaction() {
        return store.inTransaction();
    }

    @Override
    public <R> R withOrder(String orderID, Function<OrderState, Mutation<R>> work) {
        return withReservation(orderID, null, work);
    }

    /**
     * As {@link Store#withOrder}, for the holder of reservation {@code reservationID} ({@code null}: for no one): refused
     * with {@code Order.CheckoutInProgress} while the order holds another active reservation.
     */
    public <R> R withReservation(String orderID, String reservationID, Function<OrderState, Mutation<R>> work) {
        return store.withOrder(orderID, s -> {
            refuseIfHeld(s, reservationID, now());
            Mutation<R> m = work.apply(s);
            return m.next() == null ? m
                    : new Mutation<>(m.next().withRevision(s.revision() + 1), m.delete(), m.result(), m.failure());
        });
    }

    /**
     * Refuses ({@code Order.CheckoutInProgress}) an order held at {@code now} by an active reservation other than
     * {@code reservationID} ({@code null}: any); what {@link #withReservation} checks first, for a caller that only
     * reads the order (an optimistic checkout step, whose answer is applied later under the lock).
     */
    public static void refuseIfHeld(OrderState s, String reservationID, OffsetDateTime now) {
        CheckoutReservation held = s.reservation();
        if (held != null && held.activeAt(now) && !held.id().equals(reservationID)) {
            throw inProgress(s.id(), held);
        }
    }

    /** 409 {@code Order.CheckoutInProgress}: the order is held by a checkout call in flight. */
    public static OrderCloudException inProgress(String orderID, CheckoutReservation held) {
        return new OrderCloudException(409, "Order.CheckoutInProgress", "Order " + orderID + " is held by the " + held.eventType()
                + " integration event in flight; try again when it has finished.",
                io.orderhooks.core.json.OrderCloudJson.mapper().valueToTree(Map.of("OrderID", orderID,
                        "EventType", held.eventType(), "Expires", held.expires().toString())));
    }

    private OffsetDateTime now() {
        return EngineContext.utc(clock.instant());
    }
}
