package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.events.IntegrationEventsDispatcher;
import org.junit.jupiter.api.Test;

class SampleWorksheetsTest {

    @Test
    void buildsRealisticLinesAndOneSelectedShipEstimateCoveringThemAll() {
        OrderWorksheet ws = SampleWorksheets.calculateReady(3);
        assertThat(ws.lineItems()).extracting(LineItem::id).containsExactly("line1", "line2", "line3");
        LineItem third = ws.lineItems().get(2);
        assertThat(third.unitPrice()).isEqualByComparingTo("15.50");
        assertThat(third.quantity()).isEqualTo(4);
        assertThat(third.product().xp().get("TaxCategory").asText()).isEqualTo("food");
        assertThat(third.specs()).hasSize(1);
        assertThat(ws.order().subtotal()).isEqualByComparingTo("132.50");
        assertThat(ws.shipEstimateResponse().shipEstimates()).singleElement().satisfies(e -> {
            assertThat(e.selectedShipMethodID()).isEqualTo("ground");
            assertThat(e.shipEstimateItems()).hasSize(3);
        });
    }

    @Test
    void theBenchMiddlewareTaxesTheSignedSampleWithTheRealTaxPlugin() throws Exception {
        // MN 6.875%: 27.00 -> 1.86, 43.50 -> 2.99, food 0, ground 9.95 -> 0.68
        try (IntegrationEventsDispatcher dispatcher = BenchMiddleware.dispatcher()) {
            RawResponse response = dispatcher.handle(BenchMiddleware.signedCalculate(BenchMiddleware.calculateBody(3)));
            assertThat(response.status()).isEqualTo(200);
            OrderCalculateResponse answer = OrderCloudJson.mapper().readValue(response.body(), OrderCalculateResponse.class);
            assertThat(answer.taxTotal()).isEqualByComparingTo("5.53");
            assertThat(answer.shippingTotal()).isEqualByComparingTo("9.95");
        }
    }

    @Test
    void refusesAnEmptyWorksheet() {
        assertThatThrownBy(() -> SampleWorksheets.calculateReady(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lines must be at least 1, was 0");
    }
}
