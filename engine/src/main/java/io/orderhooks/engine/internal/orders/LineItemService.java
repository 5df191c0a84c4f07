package io.orderhooks.engine.internal.orders;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.grouporders.Contributors;
import io.orderhooks.engine.internal.orgs.AddressService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Line items of unsubmitted orders. Lines are priced automatically from the product, the price schedule that
 * applies to the order's buyer user and the chosen specs ({@code UnitPrice}, {@code LineSubtotal},
 * {@code LineTotal}); every change makes the order stale and refreshes its promotion amounts. Thread-safe:
 * concurrent adds to one order are serialized by the order's lock, so none is lost.
 *
 * <p>A group-order contributor ({@link Caller#isGroupOrderContributor()}) sees, changes and deletes only lines
 * whose {@code InvitationID} is its invitation (others are 404), and its new lines carry that ID. Nobody can set
 * or change {@code InvitationID} through a body. Contributors cannot choose ship-to addresses (403); their lines
 * ship to the order's address as its creator may use it.
 */
public final class LineItemService {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final LinePricer pricer;
    private final AddressService addresses;
    private final UnaryOperator<OrderState> refreshPromotions;

    public LineItemService(EngineContext ctx, AddressService addresses, UnaryOperator<OrderState> refreshPromotions) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.pricer = new LinePricer(ctx);
        this.addresses = addresses;
        this.refreshPromotions = refreshPromotions;
    }

    /** The lines the caller may see: all of them, or a contributor's own. */
    public List<LineItem> list(Caller caller, Direction direction, String orderID) {
        return access.loadCart(caller, direction, orderID).lineItems().stream().filter(l -> visibleTo(caller, l)).toList();
    }

    /**
     * Every line of every order the caller may see in {@code direction} ({@code GET v1/lineitems/{direction}}), each with
     * its order, orders oldest first, lines in order. A group-order contributor is refused (403).
     */
    public List<io.orderhooks.core.model.ExtendedLineItem> listAcrossOrders(Caller caller, Direction direction) {
        io.orderhooks.engine.internal.grouporders.Contributors.refuse(caller, "list line items across orders");
        return ctx.store().ordersOfCompany(caller.companyID()).stream().filter(s -> access.canSee(caller, s, direction))
                .flatMap(s -> s.lineItems().stream().map(l -> new io.orderhooks.core.model.ExtendedLineItem(s.id(), s.order(), l)))
                .toList();
    }

    public LineItem get(Caller caller, Direction direction, String orderID, String lineItemID) {
        return owned(caller, access.loadCart(caller, direction, orderID), lineItemID);
    }

    /**
     * Adds a line: {@code ProductID} and {@code Quantity} are required; {@code Specs}, {@code ShippingAddressID},
     * {@code CostCenter}, {@code DateNeeded}, {@code xp} and (with {@code OverrideUnitPrice}) {@code UnitPrice}
     * are taken from the body. The product must be visible to the order's buyer user (404 otherwise).
     */
    public LineItem add(Caller caller, Direction direction, String orderID, LineItem body) {
        if (body.productID() == null) {
            throw Errors.required("ProductID");
        }
        if (body.quantity() == null || body.quantity() < 1) {
            throw Errors.bad("LineItem.QuantityMustBePositive", "Line Item's Quantity must be greater than 0.");
        }
        return ctx.store().withOrder(orderID, s -> {
            access.requireLineChange(caller, direction, s);
            if (s.lineItems().size() >= OrderState.MAX_LINE_ITEMS) {
                throw OrderState.tooManyLines();
            }
            refuseShipTo(caller, body.shippingAddressID());
            io.orderhooks.engine.internal.orgs.CostCenters.requireUsable(ctx, addressUser(caller, s), s.order().fromCompanyID(), body.costCenter());
            String id = body.id() == null || body.id().isBlank() ? ctx.ids().next() : body.id();
            if (s.line(id).isPresent()) {
                throw new io.orderhooks.core.error.OrderCloudException(409, "IdExists", "LineItem already exists: " + id);
            }
            LineItem.Builder line = LineItem.builder().id(id).productID(body.productID()).quantity(body.quantity())
                    .dateAdded(ctx.now()).quantityShipped(0).specs(body.specs()).costCenter(body.costCenter())
                    .dateNeeded(body.dateNeeded()).xp(body.xp()).invitationID(caller.invitationID())
                    .inventoryRecordID(body.inventoryRecordID());
            String shipTo = body.shippingAddressID() != null ? body.shippingAddressID() : s.order().shippingAddressID();
            if (shipTo != null) {
                Address a = addresses.usable(addressUser(caller, s), s.order().fromCompanyID(), shipTo, true);
                line.shippingAddressID(a.id()).shippingAddress(a);
            }
            LineItem placed = withOverride(caller, line.build(), body.unitPrice());
            return commit(caller, s, pricer.place(s, placed, -1));
        });
    }

    public LineItem patch(Caller caller, Direction direction, String orderID, String lineItemID, LinePatch p) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireLineChange(caller, direction, s);
            LineItem old = owned(caller, s, lineItemID);
            refuseShipTo(caller, p.shippingAddressID());
            if (p.quantity() != null && p.quantity() < 1) {
                throw Errors.bad("LineItem.QuantityMustBePositive", "Line Item's Quantity must be greater than 0.");
            }
            LineItem.Builder b = old.toBuilder();
            if (p.quantity() != null) {
                b.quantity(p.quantity());
            }
            if (p.specs() != null) {
                b.specs(p.specs());
            }
            if (p.shippingAddressID() != null) {
                Address a = addresses.usable(caller, s.order().fromCompanyID(), p.shippingAddressID(), true);
                b.shippingAddressID(a.id()).shippingAddress(a);
            }
            if (p.costCenter() != null) {
                io.orderhooks.engine.internal.orgs.CostCenters.requireUsable(ctx, addressUser(caller, s), s.order().fromCompanyID(), p.costCenter());
                b.costCenter(p.costCenter());
            }
            if (p.dateNeeded() != null) {
                b.dateNeeded(p.dateNeeded());
            }
            if (p.xp() != null) {
                b.xp(p.xp());
            }
            LineItem next = withOverride(caller, b.build(), p.unitPrice());
            return commit(caller, s, pricer.place(s, next));
        });
    }

    /**
     * {@code PUT/PATCH .../lineitems/{id}/shipto}: ships one line to a saved address the caller may ship to (an
     * address with {@code ID}) or to a one-off address (no {@code ID}; kept as given, {@code ShippingAddressID} null).
     */
    public LineItem setShippingAddress(Caller caller, Direction direction, String orderID, String lineItemID, Address address) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireLineChange(caller, direction, s);
            LineItem old = owned(caller, s, lineItemID);
            Contributors.refuse(caller, "set a line item's shipping address");
            Address a = address.id() == null ? address : addresses.usable(caller, s.order().fromCompanyID(), address.id(), true);
            return commit(caller, s, pricer.place(s, old.toBuilder().shippingAddressID(a.id()).shippingAddress(a).build()));
        });
    }

    public void delete(Caller caller, Direction direction, String orderID, String lineItemID) {
        ctx.store().withOrder(orderID, s -> {
            access.requireLineChange(caller, direction, s);
            LineItem old = owned(caller, s, lineItemID);
            List<LineItem> lines = new ArrayList<>(s.lineItems());
            lines.removeIf(l -> l.id().equals(lineItemID));
            boolean siblings = lines.stream().anyMatch(l -> l.productID().equals(old.productID()));
            List<LineItem> repriced = siblings ? pricer.repriceSiblings(s.order(), lines, old.productID()) : lines;
            OrderState cleaned = s.withPromotions(s.promotions().stream().filter(p -> !lineItemID.equals(p.lineItemID())).toList());
            return Mutation.commit(recomputed(cleaned.withOrder(Modifications.touched(s.order(), caller, ctx.now())), repriced), null);
        });
    }

    /**
     * Commits a placed line: when only that line changed and the order has no promotions, the totals are updated from
     * the old ones in constant time ({@link OrderMath#staleAfterLineChange}); otherwise every line and promotion is
     * recomputed. Both give the same order.
     */
    private Mutation<LineItem> commit(Caller caller, OrderState s, LinePricer.Placed placed) {
        OrderState touched = s.withOrder(Modifications.touched(s.order(), caller, ctx.now()));
        OrderState next = placed.siblingsRepriced() ? null
                : OrderMath.staleAfterLineChange(touched, placed.lines(), placed.index(), placed.before()).orElse(null);
        if (next == null) {
            next = recomputed(touched, placed.lines());
        }
        return Mutation.commit(next, next.lineItems().get(placed.index()));
    }

    private OrderState recomputed(OrderState touched, List<LineItem> lines) {
        return OrderMath.stale(refreshPromotions.apply(OrderMath.recompute(touched.withLineItems(lines))));
    }

    /** The line if the caller may see it: a group-order contributor sees only its invitation's lines (404 otherwise). */
    private static LineItem owned(Caller caller, OrderState s, String lineItemID) {
        return s.line(lineItemID).filter(l -> visibleTo(caller, l)).orElseThrow(() -> Errors.notFound("LineItem", lineItemID));
    }

    private static boolean visibleTo(Caller caller, LineItem l) {
        return !caller.isGroupOrderContributor() || caller.invitationID().equals(l.invitationID());
    }

    private static void refuseShipTo(Caller caller, String shippingAddressID) {
        if (shippingAddressID != null) {
            Contributors.refuse(caller, "set a line item's shipping address");
        }
    }

    /** Whose address assignments decide a ship-to: the caller's, or for a contributor the order creator's. */
    private static Caller addressUser(Caller caller, OrderState s) {
        return caller.isGroupOrderContributor() ? Contributors.creatorOf(s.order(), caller.clientID()) : caller;
    }

    private static LineItem withOverride(Caller caller, LineItem l, java.math.BigDecimal unitPrice) {
        if (unitPrice == null || !caller.hasRole("OverrideUnitPrice")) {
            return l.toBuilder().priceOverridden(Boolean.TRUE.equals(l.priceOverridden()) ? true : null).build();
        }
        return l.toBuilder().unitPrice(unitPrice).priceOverridden(true).build();
    }
}
