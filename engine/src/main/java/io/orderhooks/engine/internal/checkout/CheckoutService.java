package io.orderhooks.engine.internal.checkout;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.integrations.IntegrationService;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderMath;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemOverride;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.PromotionOverride;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.core.model.ShipMethodSelection;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Estimate shipping, select ship methods and calculate, through the caller's checkout integration.
 *
 * <p><b>Failures.</b> When {@code /shippingrates} or {@code /ordercalculate} fails (rejected, timed out,
 * unreachable, malformed answer) the failed answer is stored in the worksheet ({@code Succeeded=false},
 * {@code HttpStatusCode}, {@code UnhandledErrorBody}), costs are left unchanged, and the worksheet is
 * returned normally, as OrderCloud does; the order then counts as not calculated, so submit refuses it.
 *
 * <p><b>Transactions.</b> The integration is called with no lock, transaction or connection held: a short read checks
 * access and status and notes the order's revision; after the call a short transaction applies the answer only if
 * the revision is unchanged, else refuses with 409 {@code Order.ChangedDuringIntegrationEvent} and changes nothing.
 */
public final class CheckoutService {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final IntegrationService integrations;
    private final CheckoutInvoker invoker;

    public CheckoutService(EngineContext ctx, IntegrationService integrations) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.integrations = integrations;
        this.invoker = new CheckoutInvoker(ctx);
    }

    public OrderWorksheet worksheet(Caller caller, Direction direction, String orderID) {
        return access.load(caller, direction, orderID).worksheet();
    }

    public OrderWorksheet estimateShipping(Caller caller, Direction direction, String orderID, String accessToken) {
        IntegrationEndpoint ep = endpoint(caller);
        OrderState sent = started(caller, direction, orderID);
        CheckoutInvoker.Result<ShipEstimateResponse> r = invoker.call(CheckoutEventType.SHIPPING_RATES, ep, sent.worksheet(),
                accessToken, null, ShipEstimateResponse.class);
        return ctx.store().withOrder(orderID, s -> {
            CheckoutHold.requireRevision(s, sent.revision(), CheckoutEventType.SHIPPING_RATES);
            OrderState next = r.succeeded()
                    ? OrderMath.recompute(s.withShipEstimateResponse(r.response()).withCalculateResponse(null)
                            .withOrder(s.order().toBuilder().shippingCost(BigDecimal.ZERO).build()))
                    : s.withShipEstimateResponse(r.response());
            return Mutation.commit(next, next.worksheet());
        });
    }

    /**
     * The first step of an optimistic checkout call: the checks {@code withOrder} would make (an active reservation,
     * access, status) on the order as committed, read without taking its lock (no transaction, nothing written); the
     * answer is applied later, under the lock, only if the order's revision is still the one returned here.
     */
    private OrderState started(Caller caller, Direction direction, String orderID) {
        OrderState s = ctx.store().order(orderID).orElseThrow(() -> Errors.notFound("Order", orderID));
        io.orderhooks.engine.internal.orders.ReservingStore.refuseIfHeld(s, null, ctx.now());
        access.requireModify(caller, direction, s);
        OrderAccess.requireUnsubmitted(s);
        return s;
    }

    /**
     * Chooses a ship method per estimate; {@code ShippingCost} becomes the sum of the chosen methods' costs and
     * the calculation is cleared. {@code IntegrationEvent.MustCalculateShipping} without a successful estimate,
     * {@code IntegrationEvent.MustHaveShipEstimates} when it holds no estimates.
     */
    public OrderWorksheet selectShipMethods(Caller caller, Direction direction, String orderID, List<ShipMethodSelection> selections) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            OrderAccess.requireUnsubmitted(s);
            ShipEstimateResponse ser = s.shipEstimateResponse();
            if (ser == null || !Boolean.TRUE.equals(ser.succeeded())) {
                throw Errors.bad("IntegrationEvent.MustCalculateShipping", "You must estimate shipping costs prior to setting your shipping method.");
            }
            if (ser.shipEstimates() == null || ser.shipEstimates().isEmpty()) {
                throw Errors.bad("IntegrationEvent.MustHaveShipEstimates", "There are no ShipEstimates in your ShipEstimateResponse.");
            }
            List<ShipEstimate> estimates = new ArrayList<>(ser.shipEstimates());
            for (ShipMethodSelection sel : selections) {
                if (sel.shipEstimateID() == null || sel.shipMethodID() == null) {
                    throw Errors.required(sel.shipEstimateID() == null ? "ShipEstimateID" : "ShipMethodID");
                }
                int i = indexOf(estimates, sel.shipEstimateID());
                ShipEstimate e = estimates.get(i);
                if (e.shipMethods() == null || e.shipMethods().stream().noneMatch(m -> m.id().equals(sel.shipMethodID()))) {
                    throw Errors.notFound("ShipMethod", sel.shipMethodID());
                }
                estimates.set(i, new ShipEstimate(e.id(), e.xp(), sel.shipMethodID(), e.shipEstimateItems(), e.shipMethods()));
            }
            BigDecimal shipping = estimates.stream().map(CheckoutService::selectedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
            ShipEstimateResponse updated = new ShipEstimateResponse(estimates, ser.httpStatusCode(), ser.unhandledErrorBody(), ser.xp(), ser.succeeded());
            OrderState next = OrderMath.recompute(s.withShipEstimateResponse(updated).withCalculateResponse(null)
                    .withOrder(s.order().toBuilder().shippingCost(shipping).taxCost(BigDecimal.ZERO).fees(BigDecimal.ZERO).build()));
            return Mutation.commit(next, next.worksheet());
        });
    }

    /** Calls {@code /ordercalculate} and applies its line overrides and totals (see class doc for failures). */
    public OrderWorksheet calculate(Caller caller, Direction direction, String orderID, String accessToken) {
        IntegrationEndpoint ep = endpoint(caller);
        OrderState sent = started(caller, direction, orderID);
        CheckoutInvoker.Result<OrderCalculateResponse> r = invoker.call(CheckoutEventType.ORDER_CALCULATE, ep, sent.worksheet(),
                accessToken, null, OrderCalculateResponse.class);
        return ctx.store().withOrder(orderID, s -> {
            CheckoutHold.requireRevision(s, sent.revision(), CheckoutEventType.ORDER_CALCULATE);
            if (!r.succeeded()) {
                OrderState next = s.withCalculateResponse(r.response());
                return Mutation.commit(next, next.worksheet());
            }
            String problem = invalidOverride(s, r.response());
            if (problem != null) {
                OrderState next = s.withCalculateResponse(r.response().toBuilder().succeeded(false).unhandledErrorBody(problem).build());
                return Mutation.commit(next, next.worksheet());
            }
            OrderState next = apply(s, r.response());
            return Mutation.commit(next, next.worksheet());
        });
    }

    private OrderState apply(OrderState s, OrderCalculateResponse calc) {
        List<LineItemOverride> overrides = calc.lineItemOverrides() == null ? List.of() : calc.lineItemOverrides();
        List<LineItem> lines = new ArrayList<>();
        List<OrderPromotion> promos = new ArrayList<>(s.promotions());
        Map<String, LineItemOverride> byLine = new HashMap<>();
        for (LineItemOverride x : overrides) {
            if (x.lineItemID() != null) {
                byLine.putIfAbsent(x.lineItemID(), x);
            }
        }
        for (LineItem original : s.lineItems()) {
            LineItem l = original;
            LineItemOverride o = byLine.get(original.id());
            if (o != null && Boolean.TRUE.equals(o.remove())) {
                promos.removeIf(p -> original.id().equals(p.lineItemID()));
                continue;
            }
            if (o != null && o.unitPrice() != null) {
                l = l.toBuilder().unitPrice(o.unitPrice()).priceOverridden(true).build();
            }
            for (PromotionOverride po : o == null || o.promotionOverrides() == null ? List.<PromotionOverride>of() : o.promotionOverrides()) {
                String lineID = original.id();
                promos.replaceAll(p -> p.id().equals(po.promotionID()) && lineID.equals(p.lineItemID())
                        ? p.toBuilder().amount(po.amount()).amountOverridden(true).build() : p);
            }
            lines.add(l);
        }
        var order = s.order().toBuilder()
                .shippingCost(calc.shippingTotal() != null ? calc.shippingTotal() : s.order().shippingCost())
                .taxCost(OrderMath.nz(calc.taxTotal())).fees(OrderMath.nz(calc.feeTotal())).lastUpdated(ctx.now()).build();
        return OrderMath.recompute(s.withLineItems(lines).withPromotions(promos).withOrder(order).withCalculateResponse(calc));
    }

    private static String invalidOverride(OrderState s, OrderCalculateResponse calc) {
        List<LineItemOverride> overrides = calc.lineItemOverrides() == null ? List.of() : calc.lineItemOverrides();
        Set<String> ids = overrides.isEmpty() ? Set.of() : s.lineItems().stream().map(LineItem::id).collect(Collectors.toSet());
        for (LineItemOverride o : overrides) {
            if (o.lineItemID() == null || !ids.contains(o.lineItemID())) {
                return "LineItemOverride names an unknown line item: " + o.lineItemID();
            }
            if (o.unitPrice() != null && o.unitPrice().signum() < 0) {
                return "LineItemOverride.UnitPrice is negative for line item " + o.lineItemID();
            }
        }
        return null;
    }

    private IntegrationEndpoint endpoint(Caller caller) {
        return integrations.checkoutEndpoint(caller.clientID()).orElseThrow(() -> Errors.bad(
                "IntegrationEvent.ApiClientNotConfiguredForOrderCalculate", "This ApiClient does not have an order checkout event configured."));
    }

    private static int indexOf(List<ShipEstimate> estimates, String id) {
        for (int i = 0; i < estimates.size(); i++) {
            if (Objects.equals(estimates.get(i).id(), id)) {
                return i;
            }
        }
        throw Errors.notFound("ShipEstimate", id);
    }

    private static BigDecimal selectedCost(ShipEstimate e) {
        if (e.selectedShipMethodID() == null || e.shipMethods() == null) {
            return BigDecimal.ZERO;
        }
        return e.shipMethods().stream().filter(m -> m.id().equals(e.selectedShipMethodID())).map(ShipMethod::cost)
                .map(OrderMath::nz).findFirst().orElse(BigDecimal.ZERO);
    }
}
