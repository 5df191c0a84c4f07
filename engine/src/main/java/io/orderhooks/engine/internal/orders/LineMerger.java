package io.orderhooks.engine.internal.orders;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.orgs.AddressService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.Order;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Merges line items taken from another order into an unsubmitted order, atomically (one {@code Store.withOrder}):
 * a line with the same {@code ProductID} and the same specs (the set of {@code SpecID}/{@code OptionID}/{@code Value})
 * as an existing line adds its quantity to that line; any other becomes a new line (new ID, the target order's
 * ship-to address). Every touched line is re-priced as the target order's buyer user sees the catalog (price
 * overrides are not carried over), inventory is checked, the order is made stale and its promotions refreshed.
 * A refusal (product no longer visible, insufficient inventory, ...) leaves the target unchanged. Thread-safe.
 */
public final class LineMerger {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final LinePricer pricer;
    private final AddressService addresses;
    private final UnaryOperator<OrderState> refreshPromotions;

    public LineMerger(EngineContext ctx, AddressService addresses, UnaryOperator<OrderState> refreshPromotions) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.pricer = new LinePricer(ctx);
        this.addresses = addresses;
        this.refreshPromotions = refreshPromotions;
    }

    /** Merges {@code incoming} into order {@code orderID} (which {@code caller} must be allowed to change). */
    public Order merge(Caller caller, String orderID, List<LineItem> incoming) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, Direction.Outgoing, s);
            OrderAccess.requireUnsubmitted(s);
            Address shipTo = s.order().shippingAddressID() == null ? null
                    : addresses.usable(caller, s.order().fromCompanyID(), s.order().shippingAddressID(), true);
            OrderState cur = s;
            for (LineItem in : incoming) {
                Optional<LineItem> same = cur.lineItems().stream().filter(l -> sameProductAndSpecs(l, in)).findFirst();
                LineItem line = same.map(l -> l.toBuilder().quantity(l.quantity() + in.quantity()).build())
                        .orElseGet(() -> moved(in, shipTo));
                cur = cur.withLineItems(pricer.place(cur, line).lines());
            }
            OrderState next = cur.withOrder(Modifications.touched(cur.order(), caller, ctx.now()));
            next = OrderMath.stale(refreshPromotions.apply(OrderMath.recompute(next)));
            return Mutation.commit(next, next.order());
        });
    }

    /** Same product and the same chosen specs (order of specs and their derived fields ignored). */
    public static boolean sameProductAndSpecs(LineItem a, LineItem b) {
        return Objects.equals(a.productID(), b.productID()) && specKeys(a).equals(specKeys(b));
    }

    private static Set<List<String>> specKeys(LineItem l) {
        return l.specs() == null ? Set.of() : l.specs().stream()
                .map(s -> java.util.Arrays.asList(s.specID(), s.optionID(), s.value())).collect(Collectors.toSet());
    }

    private LineItem moved(LineItem in, Address shipTo) {
        List<LineItemSpec> specs = in.specs() == null ? null : in.specs().stream()
                .map(s -> new LineItemSpec(s.specID(), null, s.optionID(), s.value(), null, null)).toList();
        LineItem.Builder b = LineItem.builder().id(ctx.ids().next()).productID(in.productID()).quantity(in.quantity())
                .dateAdded(ctx.now()).quantityShipped(0).specs(specs).costCenter(in.costCenter())
                .dateNeeded(in.dateNeeded()).xp(in.xp());
        if (shipTo != null) {
            b.shippingAddressID(shipTo.id()).shippingAddress(shipTo);
        }
        return b.build();
    }
}
