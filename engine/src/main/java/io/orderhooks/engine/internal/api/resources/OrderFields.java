package io.orderhooks.engine.internal.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.orders.OrderPatch;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderService;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.engine.internal.store.OrderListScope;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ExtendedLineItem;
import io.orderhooks.core.model.Order;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** Request-to-engine adapters for orders: PATCH/PUT bodies as {@link OrderPatch}, and order lists with {@code from}/{@code to}. */
final class OrderFields {

    /** Order lists reserve OrderCloud's {@code from}/{@code to} date-range parameters. */
    static final QuerySchema ORDER_LIST = QuerySchema.forType(Order.class).reserved("from", "to", "orderType").build();
    /** Lines across orders also reserve {@code buyerID}/{@code supplierID}. */
    static final QuerySchema LINE_LIST = QuerySchema.forType(ExtendedLineItem.class)
            .reserved("from", "to", "buyerID", "supplierID").build();

    private OrderFields() {}

    /** PATCH: the writable fields the body names, bound with their types ({@code xp} merges onto the order's). */
    static OrderPatch patch(ApiContext ctx, ApiRequest r, Order existing) {
        ObjectNode body = r.bodyObject();
        Order merged = ctx.patch(r, existing, Order.class);
        Ids.requireSame(has(body, "ID") ? merged.id() : null, existing.id());
        return new OrderPatch(has(body, "Comments") ? merged.comments() : null,
                has(body, "xp") ? orNullNode(merged.xp()) : null,
                has(body, "BillingAddressID") ? merged.billingAddressID() : null,
                has(body, "ShippingAddressID") ? merged.shippingAddressID() : null,
                has(body, "ShippingCost") ? merged.shippingCost() : null,
                has(body, "TaxCost") ? merged.taxCost() : null,
                has(body, "Gratuity") ? merged.gratuity() : null,
                has(body, "Comments") && merged.comments() == null);
    }

    /** PUT onto an existing order: {@code xp} and {@code Comments} are replaced (absent = null), the rest as given. */
    static OrderPatch replace(ApiContext ctx, ApiRequest r, Order existing) {
        Order body = ctx.body(r, Order.class);
        Ids.requireSame(body.id(), existing.id());
        return new OrderPatch(body.comments(), orNullNode(body.xp()), body.billingAddressID(), body.shippingAddressID(),
                body.shippingCost(), body.taxCost(), body.gratuity(), body.comments() == null);
    }

    /**
     * Orders filtered by OrderCloud's {@code from}/{@code to} (inclusive bounds on {@code date}: a date or an
     * ISO-8601 date-time; a bare {@code to} date includes that whole day), then by the list query.
     */
    static Object list(ApiContext ctx, ApiRequest r, List<Order> orders, Function<Order, OffsetDateTime> date) {
        return ctx.list(r, inRange(r, orders, date), Order.class, ORDER_LIST);
    }

    /**
     * {@code GET v1/orders/{direction}}: the page from the store when the caller's visibility is one company side
     * (pushed down to SQL on a database), else {@link #list} over {@code visible}; both give the same page.
     */
    static Object listOrders(ApiContext ctx, ApiRequest r, Caller caller, Direction d) {
        OrderService orders = ctx.engine().orders();
        OffsetDateTime from = bound(r.queryParam("from"), "from", false);
        OffsetDateTime to = bound(r.queryParam("to"), "to", true);
        ListQuery query = ListQuery.parse(r.query(), ORDER_LIST);
        OrderListScope.DateField field = d == Direction.Incoming ? OrderListScope.DateField.SUBMITTED_OR_CREATED
                : OrderListScope.DateField.CREATED;
        return orders.listPage(caller, d, side -> new OrderListScope(caller.companyID(), side, field, from, to), query)
                .map(page -> (Object) page)
                .orElseGet(() -> list(ctx, r, orders.list(caller, d),
                        d == Direction.Incoming ? OrderRoutes::submittedOrCreated : Order::dateCreated));
    }

    /**
     * Lines across orders ({@code GET v1/lineitems/{direction}}): their orders filtered by {@code buyerID}
     * ({@code FromCompanyID}), {@code supplierID} ({@code ToCompanyID}) and {@code from}/{@code to} on {@code date} as
     * {@link #list}, then the list query over the lines.
     */
    static Object lines(ApiContext ctx, ApiRequest r, List<ExtendedLineItem> lines, Function<Order, OffsetDateTime> date) {
        String buyer = r.queryParam("buyerID");
        String supplier = r.queryParam("supplierID");
        List<ExtendedLineItem> ofCompanies = lines.stream()
                .filter(l -> buyer == null || buyer.equals(l.order().fromCompanyID()))
                .filter(l -> supplier == null || supplier.equals(l.order().toCompanyID())).toList();
        return ctx.list(r, inRange(r, ofCompanies, l -> date.apply(l.order())), ExtendedLineItem.class, LINE_LIST);
    }

    private static <T> List<T> inRange(ApiRequest r, List<T> items, Function<T, OffsetDateTime> date) {
        OffsetDateTime from = bound(r.queryParam("from"), "from", false);
        OffsetDateTime to = bound(r.queryParam("to"), "to", true);
        if (from == null && to == null) {
            return items;
        }
        return items.stream().filter(o -> {
            OffsetDateTime d = date.apply(o);
            return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }).toList();
    }

    private static OffsetDateTime bound(String value, String name, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1)
                        : day.atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw OrderCloudException.validation(name + " must be a date (2026-03-01) or an ISO-8601 date-time, was " + value);
        }
    }

    static boolean has(ObjectNode body, String name) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            if (it.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode orNullNode(JsonNode xp) {
        return xp == null ? NullNode.getInstance() : xp;
    }
}
