package io.orderhooks.examples.merchant;

import static io.orderhooks.examples.merchant.Fixtures.json;
import static io.orderhooks.examples.merchant.Fixtures.selected;
import static io.orderhooks.examples.merchant.Fixtures.taxCategory;
import static io.orderhooks.examples.merchant.Fixtures.us;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.TestDispatcherClient.ErrorAnswer;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegionalTaxCalculatorTest {

    final IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys("key")
            .orderCalculate(new RegionalTaxCalculator().asHandler()).build();
    final TestDispatcherClient client = TestDispatcherClient.of(dispatcher, "key");

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void taxesEachLineByItsRegionAndCategoryRoundingEachLineHalfUpToTheCent() {
        OrderWorksheet order = Worksheets.order("o1")
                .line("LAMP", 1, "10.05")                          // 0.6909375 -> 0.69
                .line("MUG", 1, "10.00")                           // 0.6875    -> 0.69
                .line("BREAD", 2, "4.99", taxCategory("food"))      // MN exempts food
                .line("SHIRT", 1, "30.00", taxCategory("Clothing")) // and clothing (category is case-insensitive)
                .build();

        OrderCalculateResponse answer = client.calculate(order);

        assertThat(answer.taxTotal()).isEqualByComparingTo("1.38");
        assertThat(answer.xp().at("/Tax/LineTaxes").toString()).isEqualTo("{\"line1\":0.69,\"line2\":0.69,\"line3\":0.00,\"line4\":0.00}");
        assertThat(answer.xp().at("/Tax/Lines/0").toString())
                .isEqualTo("{\"LineItemID\":\"line1\",\"Region\":\"US-MN\",\"Category\":\"general\",\"RatePercent\":6.875,\"Tax\":0.69}");
        assertThat(answer.xp().at("/Tax/Lines/3/Category").asText()).isEqualTo("clothing");
        assertThat(answer.xp().at("/Tax/Calculator").asText()).isEqualTo("regional-tax");
    }

    @Test
    void roundsAnExactHalfCentUpOnEachLine() {
        OrderWorksheet wisconsin = Worksheets.order("o1").shipTo(us("WI"))
                .line("PEN", 1, "0.90")   // 0.045 -> 0.05 (half-even would give 0.04)
                .line("PAD", 1, "2.10")   // 0.105 -> 0.11 (half-even would give 0.10)
                .build();

        OrderCalculateResponse answer = client.calculate(wisconsin);

        assertThat(answer.xp().at("/Tax/LineTaxes").toString()).isEqualTo("{\"line1\":0.05,\"line2\":0.11}");
        assertThat(answer.taxTotal()).isEqualByComparingTo("0.16"); // per line, not 3.00 x 5% = 0.15
    }

    @Test
    void taxesTheLineTotalAfterPromotions() {
        OrderWorksheet order = Worksheets.order("o1")
                .line("MUG", 3, "8.50", l -> l.promotionDiscount(new BigDecimal("1.50"))).build();

        assertThat(client.calculate(order).taxTotal()).isEqualByComparingTo("1.65"); // 24.00 x 6.875%
    }

    @Test
    void taxesTheSelectedShippingOfEachRegionThatTaxesShipping() {
        ShipEstimateResponse estimates = new ShipEstimateResponse(List.of(selected("e-mn", "9.36", "line1"),
                selected("e-or", "12.00", "line2"), selected("e-ia", "8.00", "line3"), selected("e-wi", "8.97", "line4")),
                null, null, null, null);
        OrderWorksheet order = Worksheets.order("o1")
                .line("LAMP", 1, "50.00")                                               // MN 3.4375 -> 3.44
                .shipTo(us("OR")).line("LAMP", 1, "50.00")                              // OR no sales tax
                .shipTo(us("IA")).line("LAMP", 1, "50.00")                              // IA 6% = 3.00
                .shipTo(us("WI")).line("BREAD", 1, "20.00", taxCategory("food"))        // WI food 0
                .shipEstimates(estimates).build();

        OrderCalculateResponse answer = client.calculate(order);

        // shipping: MN 9.36 x 6.875% = 0.6435 -> 0.64; OR none; IA exempts delivery; WI 8.97 x 5% = 0.4485 -> 0.45
        assertThat(answer.xp().at("/Tax/ShippingTax").decimalValue()).isEqualByComparingTo("1.09");
        assertThat(answer.shippingTotal()).isEqualByComparingTo("38.33");
        assertThat(answer.taxTotal()).isEqualByComparingTo("7.53");
        assertThat(answer.xp().at("/Tax/Shipping").toString()).isEqualTo("["
                + "{\"Region\":\"US-MN\",\"Cost\":9.36,\"RatePercent\":6.875,\"Tax\":0.64},"
                + "{\"Region\":\"US-OR\",\"Cost\":12.00,\"RatePercent\":0,\"Tax\":0.00},"
                + "{\"Region\":\"US-IA\",\"Cost\":8.00,\"RatePercent\":0,\"Tax\":0.00},"
                + "{\"Region\":\"US-WI\",\"Cost\":8.97,\"RatePercent\":5,\"Tax\":0.45}]");
    }

    @Test
    void fallsBackToTheBillingAddressForALineWithoutAShippingAddress() {
        OrderWorksheet order = Worksheets.order("o1").line("MUG", 1, "10.00", l -> l.shippingAddress(null).shippingAddressID(null)).build();
        OrderWorksheet billedToWisconsin = order.toBuilder().order(order.order().toBuilder().billingAddress(us("WI")).build()).build();

        assertThat(client.calculate(billedToWisconsin).taxTotal()).isEqualByComparingTo("0.50");
    }

    @Test
    void refusesALineWithNoAddressToTaxItBy() {
        OrderWorksheet order = Worksheets.order("o1").line("MUG", 1, "10.00", l -> l.shippingAddress(null)).build();

        assertThatThrownBy(() -> client.calculate(order)).isInstanceOfSatisfying(ErrorAnswer.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("Tax.MissingAddress");
            assertThat(e.error().message()).isEqualTo("Line item line1 has no shipping address and the order has no billing address to tax it by");
        });
    }

    @Test
    void refusesARegionWithoutRatesNamingIt() {
        OrderWorksheet nevada = Worksheets.order("o1").line("MUG", 1, "10.00").shipTo(us("NV")).line("CAP", 1, "5.00").build();

        assertThatThrownBy(() -> client.calculate(nevada)).isInstanceOfSatisfying(ErrorAnswer.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("Tax.UnknownRegion");
            assertThat(e.error().message()).isEqualTo("No tax rates are configured for region US-NV (line item line2)");
            assertThat(e.error().data().toString()).isEqualTo("{\"Country\":\"US\",\"State\":\"NV\",\"LineItemID\":\"line2\"}");
        });
    }

    @Test
    void usesTheTaxTableInConfigDataInsteadOfItsOwnIncludingRatesForOtherRegions() {
        var config = Map.of("TaxTable", json("{\"Regions\":{\"US-MN\":{\"TaxShipping\":false,\"Rates\":{\"general\":7.5}}},"
                + "\"OtherRegions\":{\"TaxShipping\":false,\"Rates\":{\"general\":2}}}"));
        OrderWorksheet order = Worksheets.order("o1").line("MUG", 1, "10.00").shipTo(us("NV")).line("CAP", 1, "5.25").build();

        OrderCalculateResponse answer = client.withConfigData(config).calculate(order);

        assertThat(answer.xp().at("/Tax/LineTaxes").toString()).isEqualTo("{\"line1\":0.75,\"line2\":0.11}"); // 0.105 -> 0.11
    }

    @Test
    void refusesAnInvalidTaxTableInConfigDataNamingTheBadProperty() {
        var config = Map.of("TaxTable", json("{\"Regions\":{\"US-MN\":{\"TaxShipping\":true,\"Rates\":{\"general\":\"six\"}}}}"));

        assertThatThrownBy(() -> client.withConfigData(config).calculate(Worksheets.order("o1").line("MUG", 1, "1.00").build()))
                .isInstanceOfSatisfying(ErrorAnswer.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("IntegrationEvent.InvalidConfigData");
                    assertThat(e.error().message())
                            .isEqualTo("ConfigData.TaxTable is invalid: TaxTable.Regions.US-MN.Rates.general must be a number (percent)");
                });
    }
}
