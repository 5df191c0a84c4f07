package io.orderhooks.engine.internal.fulfillment;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderMath;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderSplitResult;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supplier forwarding. {@code split} creates, for an {@code Open} incoming order, one outgoing order per distinct
 * supplier of its lines (line {@code SupplierID}, else the product's {@code DefaultSupplierID}) with ID
 * {@code {incomingOrderID}-{supplierID}} (Headstart's convention), {@code FromCompanyID} = the marketplace,
 * {@code ToCompanyID} = the supplier, and copies of the lines under the same line IDs; both copies carry
 * {@code IncomingOrderID} and {@code OutgoingOrderID}. Lines without a supplier, already forwarded or already on a
 * shipment remain. {@code forward} does the same and submits the outgoing orders ({@code Open}, no integration
 * event, no second inventory take: the buyer's submit took it). Thread-safe: the incoming order's lock is held while
 * the outgoing orders are created (lock order incoming, then new outgoing; shipments roll up the other way without
 * nesting).
 */
public final class ForwardingService {

    /** The user ID recorded as {@code FromUserID} on orders forwarded automatically ({@code Product.AutoForward}). */
    public static final String AUTO_FORWARD_USER = "autoforward";

    private static final Logger LOG = LoggerFactory.getLogger(ForwardingService.class);

    private final EngineContext ctx;
    private final OrderAccess access;

    public ForwardingService(EngineContext ctx) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
    }

    /** Splits without submitting; the outgoing orders stay {@code Unsubmitted}. See the class doc for the errors. */
    public OrderSplitResult split(Caller caller, Direction direction, String orderID) {
        return run(caller, direction, orderID, l -> true, false);
    }

    /** Splits and submits the outgoing orders (also ones an earlier split left {@code Unsubmitted}). */
    public OrderSplitResult forward(Caller caller, Direction direction, String orderID) {
        return run(caller, direction, orderID, l -> true, true);
    }

    /**
     * The post-submit hook: forwards the lines whose product has {@code AutoForward} as the marketplace. A failure
     * is logged and never undoes the buyer's submit (the seller may forward by hand).
     */
    public void autoForward(Caller submitter, OrderState submitted) {
        if (!ctx.config().sellerOrgID().equals(submitted.order().toCompanyID())) {
            return;
        }
        Map<String, Product> products = ctx.store().table(Tables.PRODUCTS)
                .findAll(submitted.lineItems().stream().map(LineItem::productID).toList());
        Predicate<LineItem> auto = l -> products.containsKey(l.productID())
                && Boolean.TRUE.equals(products.get(l.productID()).autoForward());
        if (submitted.lineItems().stream().noneMatch(auto)) {
            return;
        }
        Caller system = Caller.seller(AUTO_FORWARD_USER, ctx.config().sellerOrgID(), null, "FullAccess");
        try {
            run(system, Direction.Incoming, submitted.id(), auto, true);
        } catch (OrderCloudException e) {
            LOG.warn("auto-forward of order {} failed: {} {}", submitted.id(), e.errorCode(), e.getMessage());
        }
    }

    private OrderSplitResult run(Caller caller, Direction direction, String orderID, Predicate<LineItem> include, boolean submit) {
        if (!caller.isSeller()) {
            throw Errors.bad("Order.CannotSplitWrongUserType", "Only Seller users can split and forward orders.");
        }
        List<Order> created = new ArrayList<>();
        OrderState after = ctx.store().withOrder(orderID, s -> {
            created.clear(); // a store may run the work again (after a conflict): only the last run's orders were created
            if (!access.canSee(caller, s, direction)) {
                throw Errors.notFound("Order", orderID);
            }
            if (direction == Direction.Outgoing || !ctx.config().sellerOrgID().equals(s.order().toCompanyID())) {
                throw Errors.bad("Order.CannotSplitOutgoing", "Can only split and forward incoming orders.");
            }
            if (s.order().status() != OrderStatus.Open) {
                throw Errors.bad("Order.CannotSplitBadStatus", "Only Open orders can be split or forwarded. Order " + orderID + " is "
                        + s.order().status() + ".");
            }
            Map<String, List<LineItem>> bySupplier = groups(s, include);
            bySupplier.keySet().forEach(supplierID -> preflight(s, supplierID));
            List<LineItem> lines = new ArrayList<>(s.lineItems());
            for (Map.Entry<String, List<LineItem>> g : bySupplier.entrySet()) {
                OrderState out = outgoing(caller, s, g.getKey(), g.getValue(), submit);
                ctx.store().createOrder(out);
                created.add(out.order());
                lines.replaceAll(l -> out.line(l.id()).isPresent()
                        ? l.toBuilder().incomingOrderID(s.id()).outgoingOrderID(out.id()).build() : l);
            }
            OrderState next = bySupplier.isEmpty() ? s : s.withLineItems(lines).withOrder(s.order().toBuilder().lastUpdated(ctx.now()).build());
            return Mutation.commit(next, next);
        });
        if (submit) {
            created.addAll(submitEarlierSplits(after, created));
        }
        List<String> remaining = after.lineItems().stream().filter(l -> !forwardedAlive(l, after)).map(LineItem::id).toList();
        return new OrderSplitResult(created, remaining);
    }

    /** Lines to forward, grouped by supplier in line order. */
    private Map<String, List<LineItem>> groups(OrderState s, Predicate<LineItem> include) {
        ShipmentLedger ledger = new ShipmentLedger(ctx);
        Map<String, List<LineItem>> out = new LinkedHashMap<>();
        for (LineItem l : s.lineItems()) {
            String supplier = supplierOf(l);
            if (supplier != null && include.test(l) && !forwardedAlive(l, s) && ledger.shipped(s, l, false) == 0) {
                out.computeIfAbsent(supplier, k -> new ArrayList<>()).add(l);
            }
        }
        return out;
    }

    private String supplierOf(LineItem l) {
        if (l.supplierID() != null) {
            return l.supplierID();
        }
        return ctx.store().table(Tables.PRODUCTS).find(l.productID()).map(Product::defaultSupplierID).orElse(null);
    }

    /** Before creating anything: the supplier exists (404) and the outgoing order ID is free (409 {@code IdExists}). */
    private void preflight(OrderState in, String supplierID) {
        ctx.store().table(Tables.SUPPLIERS).find(supplierID).orElseThrow(() -> Errors.notFound("Supplier", supplierID));
        String id = in.id() + "-" + supplierID;
        if (ctx.store().order(id).isPresent()) {
            throw new OrderCloudException(409, "IdExists", "Order already exists: " + id);
        }
    }

    private OrderState outgoing(Caller caller, OrderState in, String supplierID, List<LineItem> lines, boolean submit) {
        String id = in.id() + "-" + supplierID;
        Order.Builder o = Order.builder().id(id).fromCompanyID(ctx.config().sellerOrgID()).toCompanyID(supplierID)
                .fromUserID(caller.userID()).shippingAddressID(in.order().shippingAddressID()).currency(in.order().currency())
                .status(submit ? OrderStatus.Open : OrderStatus.Unsubmitted).isSubmitted(submit)
                .dateSubmitted(submit ? ctx.now() : null).dateCreated(ctx.now()).lastUpdated(ctx.now());
        List<LineItem> copies = lines.stream().map(l -> l.toBuilder().incomingOrderID(in.id()).outgoingOrderID(id).quantityShipped(0)
                .supplierID(supplierID).build()).toList();
        return OrderMath.recompute(OrderState.of(o.build()).withLineItems(copies));
    }

    /** Forward after split: submits the still-unsubmitted outgoing orders an earlier split created. */
    private List<Order> submitEarlierSplits(OrderState in, List<Order> created) {
        List<String> ids = in.lineItems().stream().filter(l -> forwardedAlive(l, in)).map(LineItem::outgoingOrderID).distinct()
                .filter(id -> created.stream().noneMatch(o -> o.id().equals(id))).toList();
        List<Order> out = new ArrayList<>();
        for (String id : ids) {
            Order o = ctx.store().withOrder(id, s -> {
                if (s.order().status() != OrderStatus.Unsubmitted) {
                    return Mutation.unchanged(null);
                }
                OrderState next = s.withOrder(s.order().toBuilder().status(OrderStatus.Open).isSubmitted(true).dateSubmitted(ctx.now())
                        .lastUpdated(ctx.now()).build());
                return Mutation.commit(next, next.order());
            });
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    private boolean forwardedAlive(LineItem l, OrderState s) {
        return ShipmentLedger.forwarded(l, s) && ctx.store().order(l.outgoingOrderID()).isPresent();
    }
}
