package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItemOverride;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.PromotionOverride;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateItem;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each answer-validation rule, through the dispatcher, so the caller gets a 500 listing every violation. */
class ResponseValidationTest {

    final AtomicReference<Object> answer = new AtomicReference<>();
    final IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
            .shippingRates(e -> (ShipEstimateResponse) answer.get())
            .orderCalculate(e -> (OrderCalculateResponse) answer.get())
            .build();
    final TestDispatcherClient client = TestDispatcherClient.of(dispatcher, "k");
    final OrderWorksheet worksheet = Worksheets.order("o1").line("SHIRT", 2, "12.00").line("MUG", 1, "8.50").build();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    static ShipMethod method(String id, String cost) {
        return new ShipMethod(id, id, new BigDecimal(cost), 3, null);
    }

    static ShipEstimate estimate(String id, List<ShipEstimateItem> items, ShipMethod... methods) {
        return new ShipEstimate(id, null, null, items, List.of(methods));
    }

    List<String> violations(CheckoutEventType event, Object value) throws Exception {
        answer.set(value);
        RawResponse response = client.send(event, worksheet);
        assertThat(response.status()).isEqualTo(500);
        JsonNode error = OrderCloudJson.mapper().readTree(response.body()).get("Errors").get(0);
        assertThat(error.get("ErrorCode").asText()).isEqualTo("IntegrationEvent.InvalidResponse");
        List<String> list = new ArrayList<>();
        error.get("Data").get("Violations").forEach(v -> list.add(v.asText()));
        assertThat(error.get("Message").asText()).contains(String.join("; ", list));
        return list;
    }

    ShipEstimateResponse ship(ShipEstimate... estimates) {
        return new ShipEstimateResponse(List.of(estimates), null, null, null, null);
    }

    @Test
    void passesEstimatesThatCoverEveryLineWithItsQuantity() {
        answer.set(ship(estimate("a", List.of(new ShipEstimateItem("line1", 1)), method("ground", "5.00")),
                estimate("b", List.of(new ShipEstimateItem("line1", 1), new ShipEstimateItem("line2", 1)), method("ground", "0"))));

        assertThat(client.shippingRates(worksheet).shipEstimates()).hasSize(2);
    }

    @Test
    void reportsAnUncoveredLineAndAWrongQuantity() throws Exception {
        assertThat(violations(CheckoutEventType.SHIPPING_RATES,
                ship(estimate("a", List.of(new ShipEstimateItem("line1", 3)), method("ground", "5.00")))))
                .containsExactly("LineItem 'line1' is covered for quantity 3 but the order has quantity 2",
                        "LineItem 'line2' (quantity 1) is not covered by any ship estimate");
    }

    @Test
    void reportsAnUnknownLineIdAndANonPositiveQuantity() throws Exception {
        assertThat(violations(CheckoutEventType.SHIPPING_RATES, ship(estimate("a", List.of(new ShipEstimateItem("line1", 2),
                new ShipEstimateItem("line2", 1), new ShipEstimateItem("ghost", 1), new ShipEstimateItem("line2", 0)),
                method("ground", "5.00")))))
                .containsExactly("ShipEstimates[0].ShipEstimateItems[2].LineItemID 'ghost' is not a line item of the order",
                        "ShipEstimates[0].ShipEstimateItems[3].Quantity must be at least 1, was 0");
    }

    @Test
    void reportsAnEstimateWithoutMethodsANegativeCostAndABadSelection() throws Exception {
        List<ShipEstimateItem> all = List.of(new ShipEstimateItem("line1", 2), new ShipEstimateItem("line2", 1));
        assertThat(violations(CheckoutEventType.SHIPPING_RATES, ship(
                new ShipEstimate("a", null, "nope", all, List.of(method("ground", "-1.00"),
                        new ShipMethod("ground", "dup", null, -2, null))),
                new ShipEstimate("a", null, null, List.of(), List.of()))))
                .containsExactly("ShipEstimates[0].ShipMethods[0].Cost must not be negative, was -1.00",
                        "ShipEstimates[0].ShipMethods[1].ID 'ground' is also used by another method of this estimate",
                        "ShipEstimates[0].ShipMethods[1].Cost is missing",
                        "ShipEstimates[0].ShipMethods[1].EstimatedTransitDays must not be negative, was -2",
                        "ShipEstimates[0].SelectedShipMethodID 'nope' is not one of its ShipMethods",
                        "ShipEstimates[1].ID 'a' is also used by another estimate",
                        "ShipEstimates[1].ShipEstimateItems is empty: an estimate must cover at least one line item",
                        "ShipEstimates[1].ShipMethods is empty: an estimate needs at least one ship method");
    }

    @Test
    void reportsMissingEstimatesAndANullAnswer() throws Exception {
        assertThat(violations(CheckoutEventType.SHIPPING_RATES, new ShipEstimateResponse(null, null, null, null, null)))
                .containsExactly("ShipEstimates is missing");
        assertThat(violations(CheckoutEventType.SHIPPING_RATES, null))
                .containsExactly("the handler returned no response (null)");
    }

    @Test
    void reportsOverridesOfUnknownOrRepeatedLinesAndNegativeAmounts() throws Exception {
        OrderCalculateResponse bad = OrderCalculateResponse.builder().lineItemOverrides(List.of(
                new LineItemOverride("ghost", null, null, null, null, null),
                new LineItemOverride("line1", new BigDecimal("-3.00"), null, List.of(new PromotionOverride("p1", new BigDecimal("-1"))), null, null),
                new LineItemOverride("line1", new BigDecimal("3.00"), null, null, null, null))).build();

        assertThat(violations(CheckoutEventType.ORDER_CALCULATE, bad)).containsExactly(
                "LineItemOverrides[0].LineItemID 'ghost' is not a line item of the order",
                "LineItemOverrides[1].UnitPrice must not be negative, was -3.00",
                "LineItemOverrides[1].PromotionOverrides[0].Amount must not be negative, was -1",
                "LineItemOverrides[2].LineItemID 'line1' is overridden more than once");
    }

    @Test
    void reportsNegativeTotals() throws Exception {
        OrderCalculateResponse bad = OrderCalculateResponse.builder().shippingTotal(new BigDecimal("-0.01"))
                .taxTotal(new BigDecimal("-2")).feeTotal(new BigDecimal("-3.5")).build();

        assertThat(violations(CheckoutEventType.ORDER_CALCULATE, bad)).containsExactly(
                "ShippingTotal must not be negative, was -0.01", "TaxTotal must not be negative, was -2",
                "FeeTotal must not be negative, was -3.5");
    }

    @Test
    void passesAValidCalculation() {
        answer.set(OrderCalculateResponse.builder().taxTotal(new BigDecimal("1.65")).shippingTotal(BigDecimal.ZERO)
                .lineItemOverrides(List.of(new LineItemOverride("line2", new BigDecimal("8.00"), null, null, null, null))).build());

        assertThat(client.calculate(worksheet).taxTotal()).isEqualByComparingTo("1.65");
    }
}
