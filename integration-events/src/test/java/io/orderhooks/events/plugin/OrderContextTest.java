package io.orderhooks.events.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderContextTest {

    /** An order-level rule written as a plain provider: ground is free when the whole order is over $150. */
    static final class FreeGroundOver150 implements ShippingRateProvider {
        @Override
        public List<ShipMethod> rate(ShippingPackage pkg) {
            BigDecimal threshold = pkg.order().configData().path("FreeGroundOver").decimalValue();
            boolean free = pkg.order().subtotal().compareTo(threshold) > 0;
            BigDecimal ground = free ? new BigDecimal("0.00") : pkg.totalWeight().multiply(new BigDecimal("2.00"));
            return List.of(new ShipMethod("ground", "Ground", ground, 5, null));
        }
    }

    private static List<String> groundCosts(OrderWorksheet worksheet) throws Exception {
        try (IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
                .shippingRates(new FreeGroundOver150().asHandler()).build()) {
            ShipEstimateResponse answer = TestDispatcherClient.of(dispatcher, "k")
                    .withConfigData(Map.of("FreeGroundOver", 150)).shippingRates(worksheet);
            return answer.shipEstimates().stream().map(e -> e.id() + "=" + e.shipMethods().get(0).cost().toPlainString()).toList();
        }
    }

    @Test
    void aShippingProviderSeesTheWholeOrderSoFreeShippingOver150NeedsNoWrapper() throws Exception {
        // two packages (two suppliers); neither is over $150 alone, the order is ($90 + $70 = $160)
        OrderWorksheet over = Worksheets.order("o-big")
                .line("TENT", 1, "90.00", "sup-outdoor", "6", null)
                .line("STOVE", 2, "35.00", "sup-kitchen", "2", null).build();
        OrderWorksheet under = Worksheets.order("o-small")
                .line("TENT", 1, "90.00", "sup-outdoor", "6", null)
                .line("STOVE", 1, "35.00", "sup-kitchen", "2", null).build();

        assertThat(groundCosts(over)).containsExactly("sup-outdoor=0.00", "sup-kitchen=0.00");
        assertThat(groundCosts(under)).containsExactly("sup-outdoor=12.00", "sup-kitchen=4.00");
    }

    @Test
    void theContextGivesSubtotalCurrencyDestinationOriginsAndConfigData() throws Exception {
        var config = OrderCloudJson.mapper().readTree("{\"Region\":\"MN\"}");
        OrderWorksheet worksheet = Worksheets.order("o1").line("MUG", 3, "8.50", l -> l.shipFromAddress(
                Worksheets.DEFAULT_SHIP_TO.toBuilder().id("wh-1").state("WI").build())).line("CAP", 1, "9.00").build();

        OrderContext order = new TaxRequest(worksheet, BigDecimal.ZERO, config).order();

        assertThat(order.subtotal()).isEqualByComparingTo("34.50");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.shipTo()).isEqualTo(Worksheets.DEFAULT_SHIP_TO);
        assertThat(order.shipFromAddresses()).extracting(a -> a.id()).containsExactly("wh-1");
        assertThat(order.configData().path("Region").asText()).isEqualTo("MN");
        assertThat(order.lineItems()).extracting(LineItem::id).containsExactly("line1", "line2");
    }

    @Test
    void withoutAnOrderSubtotalTheContextSumsTheLines() {
        OrderWorksheet lines = Worksheets.order("o1").line("MUG", 2, "5.00").line("CAP", 1, "9.00").build();
        OrderWorksheet noOrder = lines.toBuilder().order(null).build();

        assertThat(new OrderContext(noOrder, null).subtotal()).isEqualByComparingTo("19.00");
        assertThat(new OrderContext(noOrder, null).configData().isNull()).isTrue();
    }

    @Test
    void aTestKitLineSetsSupplierShipWeightAndProductXpInOneCall() throws Exception {
        OrderWorksheet worksheet = Worksheets.order("o1").line("TENT", 2, "90.00", "sup-outdoor", "6.5",
                OrderCloudJson.mapper().readTree("{\"Hazmat\":false}")).build();
        LineItem line = worksheet.lineItems().get(0);

        assertThat(line.supplierID()).isEqualTo("sup-outdoor");
        assertThat(line.product().shipWeight()).isEqualByComparingTo("6.5");
        assertThat(line.product().xp().toString()).isEqualTo("{\"Hazmat\":false}");
        assertThat(line.lineSubtotal()).isEqualByComparingTo("180.00");
        assertThat(new ShippingPackage("p", worksheet.lineItems(), null, null, "sup-outdoor",
                new OrderContext(worksheet, null)).totalWeight()).isEqualByComparingTo("13.0");
    }
}
