package io.orderhooks.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateItem;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The worksheets every benchmark and the load harness use, built with the integration-events test kit
 * ({@link Worksheets}) so there is one generator: {@code lines} lines shipping to Minneapolis, each with a
 * product carrying {@code xp.TaxCategory} (every third line {@code food}, else {@code general}), one spec, a
 * supplier and line {@code xp}; plus one ship estimate covering every line with {@code ground} selected, as
 * a worksheet looks when {@code /ordercalculate} is called. Stateless.
 */
public final class SampleWorksheets {

    private SampleWorksheets() {}

    /** A calculate-ready worksheet of order {@code bench-order} with {@code lines} lines. */
    public static OrderWorksheet calculateReady(int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1, was " + lines);
        }
        Worksheets sheet = Worksheets.order("bench-order");
        List<ShipEstimateItem> items = new ArrayList<>(lines);
        for (int i = 1; i <= lines; i++) {
            int n = i;
            int quantity = 1 + i % 5;
            String unitPrice = new BigDecimal("12.50").add(BigDecimal.valueOf(i % 7)).toPlainString();
            LineItemProduct product = LineItemProduct.builder().id("P" + n).name("Product " + n).description("A product")
                    .returnable(true).quantityMultiplier(1).shipWeight(new BigDecimal("0.75")).shipHeight(BigDecimal.ONE)
                    .shipWidth(BigDecimal.TEN).shipLength(BigDecimal.TEN).defaultSupplierID("SUP-1")
                    .xp(JsonNodeFactory.instance.objectNode().put("TaxCategory", n % 3 == 0 ? "food" : "general")).build();
            sheet.line("P" + n, quantity, unitPrice, l -> l.product(product).supplierID(n % 2 == 0 ? "SUP-1" : "SUP-2")
                    .specs(List.of(new LineItemSpec("size", "Size", "m", "M", "NoMarkup", null)))
                    .xp(JsonNodeFactory.instance.objectNode().put("Note", "line " + n)));
            items.add(new ShipEstimateItem("line" + n, quantity));
        }
        ShipEstimate estimate = new ShipEstimate("estimate-1", null, "ground", items, List.of(
                new ShipMethod("ground", "Ground", new BigDecimal("9.95"), 5, null),
                new ShipMethod("air", "Next day air", new BigDecimal("29.95"), 1, null)));
        return sheet.shipEstimates(new ShipEstimateResponse(List.of(estimate), 200, null, null, true)).build();
    }
}
