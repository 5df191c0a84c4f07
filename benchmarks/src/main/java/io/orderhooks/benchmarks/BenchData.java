package io.orderhooks.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.OrderWorksheet;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Realistic worksheets for benchmarks: every line has a product, specs, a ship-to address and xp. */
final class BenchData {

    private static final OffsetDateTime WHEN = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private BenchData() {}

    static OrderWorksheet worksheet(int lines) {
        Address shipTo = new Address("ship-1", null, "Acme", "Ann", "Lee", "1 Lake Rd", null, "Duluth", "MN", "55802",
                "US", null, "HQ", null);
        List<LineItem> items = new ArrayList<>(lines);
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < lines; i++) {
            BigDecimal unit = new BigDecimal("12.50").add(BigDecimal.valueOf(i % 7));
            int qty = 1 + i % 5;
            BigDecimal lineTotal = unit.multiply(BigDecimal.valueOf(qty));
            subtotal = subtotal.add(lineTotal);
            ObjectNode productXp = OrderCloudJson.mapper().createObjectNode().put("TaxCategory", i % 3 == 0 ? "food" : "general");
            items.add(LineItem.builder()
                    .id("line-" + i).productID("P" + i).quantity(qty).unitPrice(unit)
                    .lineSubtotal(lineTotal).lineTotal(lineTotal).promotionDiscount(BigDecimal.ZERO)
                    .dateAdded(WHEN).quantityShipped(0).shippingAddressID("ship-1").shippingAddress(shipTo)
                    .supplierID(i % 2 == 0 ? "SUP-1" : "SUP-2")
                    .product(new LineItemProduct("P" + i, null, "Product " + i, "A product", true, 1,
                            new BigDecimal("0.75"), BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, "SUP-1", productXp))
                    .specs(List.of(new LineItemSpec("size", "Size", "m", "M", "NoMarkup", null)))
                    .xp(OrderCloudJson.mapper().createObjectNode().put("Note", "line " + i))
                    .build());
        }
        Order order = Order.builder().id("bench-order").fromCompanyID("BUYER").toCompanyID("SELLER").fromUserID("u1")
                .status(OrderStatus.Unsubmitted).dateCreated(WHEN).lineItemCount(lines).subtotal(subtotal)
                .shippingCost(BigDecimal.ZERO).taxCost(BigDecimal.ZERO).gratuity(BigDecimal.ZERO).fees(BigDecimal.ZERO)
                .promotionDiscount(BigDecimal.ZERO).total(subtotal).isSubmitted(false).currency("USD")
                .xp(OrderCloudJson.mapper().createObjectNode().put("Channel", "web"))
                .build();
        return new OrderWorksheet(order, items, List.of(), null, null, null, null, null, null, null);
    }
}
