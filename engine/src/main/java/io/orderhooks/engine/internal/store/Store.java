package io.orderhooks.engine.internal.store;

import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the engine keeps its state. Resources live in {@link Table}s; an order and everything under it
 * (lines, payments, promotions, integration answers, approvals) is one {@link OrderState} aggregate.
 *
 * <p><b>Concurrency contract.</b> {@link #withOrder} runs its work as if holding the order's exclusive lock
 * (in memory: a lock per order, plus the table lock once the work writes a table; JDBC: one transaction with
 * {@code SELECT ... FOR UPDATE}, or, for an order the store has cached, without the lock but committed only if the
 * order's row is still the version the work saw, else rolled back and run again under the lock), so
 * operations on one order are serialized and never lose an update. A store may run the work more than once (only
 * the last run's writes commit): work keeps its effects in the store, never in variables or services outside it.
 * The work computes the next state from the
 * current one and returns a {@link Mutation}; the store commits it, together with every table write the work made
 * on the same thread, only when the work returns normally, so an exception leaves the order and those tables
 * exactly as they were. Work must be short: it must never call the network (checkout calls reserve, call outside,
 * then complete; see {@code CheckoutHold}) and must not call {@code withOrder} for another order. Reads
 * ({@link #order}, {@link #orders}) are lock-free snapshots.
 */
public interface Store {

    <T> Repository<T> table(Table<T> table);

    /** A snapshot of one order, if it exists. */
    Optional<OrderState> order(String orderID);

    /** A snapshot of every order, in creation order. */
    List<OrderState> orders();

    /**
     * A snapshot of the orders whose {@code FromCompanyID} or {@code ToCompanyID} is {@code companyID}, in creation
     * order: every order a user of that company could see. Stores should index it; this default filters
     * {@link #orders()}.
     */
    default List<OrderState> ordersOfCompany(String companyID) {
        return orders().stream().filter(s -> companyID.equals(s.order().fromCompanyID())
                || companyID.equals(s.order().toCompanyID())).toList();
    }

    /**
     * A snapshot of the orders created for user {@code userID} of company {@code companyID} (their {@code FromCompanyID}
     * and {@code FromUserID}), in creation order. Stores should index it; this default filters {@link #orders()}.
     */
    default List<OrderState> ordersFromUser(String companyID, String userID) {
        return orders().stream().filter(s -> companyID.equals(s.order().fromCompanyID())
                && userID.equals(s.order().fromUserID())).toList();
    }

    /**
     * One page of the orders in {@code scope} that {@code query} selects, filtered, sorted and paged exactly as
     * {@link ListQuery#apply} does over the scope's orders in creation order (same items, same order, same
     * {@code Meta}). A database store runs it in SQL and loads only the page; this default filters
     * {@link #ordersOfCompany} in memory.
     */
    default ListPage<Order> listOrders(OrderListScope scope, ListQuery query) {
        List<Order> inScope = ordersOfCompany(scope.companyID()).stream().map(OrderState::order)
                .filter(scope::contains).toList();
        return query.apply(inScope, PropertyReaders.forRecord(Order.class));
    }

    /** The store's own delivery table, when it has one (a database store); empty keeps deliveries in a {@link Table}. */
    default java.util.Optional<DeliveryTable> deliveryTable() {
        return java.util.Optional.empty();
    }

    /**
     * A snapshot of the orders in {@code status}, in creation order: what the schedules and cross-company scans need
     * (unsubmitted shared carts, orders awaiting approval) without reading every order. Stores should index it; this
     * default filters {@link #orders()}.
     */
    default List<OrderState> ordersWithStatus(io.orderhooks.core.model.OrderStatus status) {
        return orders().stream().filter(s -> s.order().status() == status).toList();
    }

    /**
     * A snapshot of the unsubmitted orders shared with their organization ({@code SharedWithOrganization}), in
     * creation order: what the shared-cart purge reads at every pass, the engine's start included, so stores should
     * index it (its cost should follow the number of shared carts, not of orders). This default filters
     * {@link #ordersWithStatus}.
     */
    default List<OrderState> sharedCarts() {
        return ordersWithStatus(io.orderhooks.core.model.OrderStatus.Unsubmitted).stream()
                .filter(s -> Boolean.TRUE.equals(s.order().sharedWithOrganization())).toList();
    }

    /**
     * How work that must not run on two instances at once is coordinated: {@link JobLock#LOCAL} for a store owned by
     * one process (memory, H2); PostgreSQL advisory locks for a database several engines share.
     */
    default JobLock jobLock() {
        return JobLock.LOCAL;
    }

    /**
     * Attempt counters shared by every instance on the store's database (PostgreSQL); empty when one process owns the
     * store (memory, H2), whose rate limits count in memory.
     */
    default Optional<AttemptCounts> attemptCounts() {
        return Optional.empty();
    }

    /** Adds a new order; 409 {@code IdExists} when the ID is taken. */
    void createOrder(OrderState state);

    /**
     * Runs {@code work} on the current state of {@code orderID} under the order's lock and commits what it
     * decides (see class doc). 404 {@code NotFound} when the order does not exist.
     */
    <R> R withOrder(String orderID, Function<OrderState, Mutation<R>> work);

    /**
     * The store's durable outbox for post-webhooks (see {@link Outbox}), whose {@link Outbox#add} joins the
     * transaction of {@link #atomically}; empty for a store without one (the in-memory store: its webhook sink keeps
     * an in-memory outbox with the same contract).
     */
    default Optional<Outbox> outbox() {
        return Optional.empty();
    }

    /**
     * Runs {@code work} so that every store change it makes on this thread (tables, orders, the outbox) commits
     * together: when it returns, and also when it refuses with an {@code OrderCloudException} (what it changed before
     * refusing stays, as if each step had committed on its own, e.g. a failed integration answer recorded on the
     * order); any other exception, and a database failure (503), roll everything back. In memory (no
     * transactions) this just runs {@code work}.
     */
    default <R> R atomically(Supplier<R> work) {
        return work.get();
    }

    /**
     * Runs read-only {@code reads} (several reads a request makes before its work, outside any transaction: the
     * caller's token version and the webhooks to fire) so that the store may answer them together: a database store
     * checks the read-mostly tables they read against their versions in one statement and answers unchanged ones from
     * what it read before, each answer being what the database held when that statement ran (DURABILITY.md, "Reads").
     * {@code reads} must not write. In memory this just runs {@code reads}.
     */
    default <R> R readTogether(Supplier<R> reads) {
        return reads.get();
    }

    /**
     * Runs {@code request} (one API request, on the calling thread) so that its groups of reads ({@link #readTogether})
     * may share what they read: a group that follows the request's previous group with no store call and no call out
     * in between ({@link #callingOut}) reuses that group's checks (a database store: the table versions, one statement
     * per request instead of one per group). Nothing is carried into or out of it. A database store whose version
     * reads cost a statement (PostgreSQL) may also start the request on the versions the process last knew, proving
     * them before the request's first externally visible act or its answer and running {@code request} again from the
     * start when they had changed (DURABILITY.md, "Reads", "Up to its first act"): so {@code request} must make its
     * answer known only by returning or throwing, and may run twice. In memory this just runs it.
     */
    default <R> R oneRequest(Supplier<R> request) {
        return request.get();
    }

    /**
     * The calling thread is about to call out over the network (a pre-webhook, a checkout call, a redelivery): what it
     * read together before ({@link #readTogether}) is not carried past the call, so reads after it see at least what
     * the database held when the call returned; and a request still on assumed versions ({@link #oneRequest}) proves
     * them first (or is run again, the call not made). Nothing in memory.
     */
    default void callingOut() {
    }

    /**
     * As {@link #atomically}, but a refusal ({@code OrderCloudException}) rolls back everything {@code work} changed
     * too, then reaches the caller: for a write of several rows that must all happen or none (e.g. a user moved to
     * another key, whose unique username the new row may only take once the old row is gone).
     */
    default <R> R allOrNothing(Supplier<R> work) {
        try {
            return atomically(() -> {
                try {
                    return work.get();
                } catch (io.orderhooks.core.error.OrderCloudException refused) {
                    throw new RolledBackRefusal(refused);
                }
            });
        } catch (RolledBackRefusal r) {
            throw r.refusal();
        }
    }

    /**
     * Whether the calling thread is inside one of this store's transactions or order locks ({@link #atomically},
     * {@link #withOrder}). The engine refuses to call middleware then: no lock or transaction may be held across
     * the network (DURABILITY.md, "Transactions").
     */
    default boolean inTransaction() {
        return false;
    }
}
