package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.ApiError;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.ErrorResponse;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.plugin.Plugins;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tax plugin as OrderCloud reaches it: found through META-INF/services, called with a signed /ordercalculate. */
class StateSalesTaxTest {

    static final String HASH_KEY = "shop-hash-key";

    final IntegrationEventsDispatcher dispatcher = Plugins.discover()
            .registerInto(IntegrationEventsDispatcher.builder().hashKeys(HASH_KEY)).build();
    final TestDispatcherClient client = TestDispatcherClient.of(dispatcher, HASH_KEY);

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(Plugins.discover().taxCalculators()).singleElement().isInstanceOf(StateSalesTax.class);
    }

    @Test
    void taxesEachLineAtTheRateOfTheStateItShipsTo() {
        Address hudson = Worksheets.DEFAULT_SHIP_TO.toBuilder().city("Hudson").state("WI").zip("54016").build();
        OrderWorksheet worksheet = Worksheets.order("o1")
                .line("kombucha-6pk", 2, "14.99")
                .shipTo(hudson).line("lunch-tote", 1, "21.50")
                .build();

        OrderCalculateResponse answer = client.calculate(worksheet);

        // Minneapolis: 29.98 x 6.875% = 2.06; Hudson: 21.50 x 5% = 1.08 (half-up from 1.075)
        assertThat(answer.taxTotal()).isEqualByComparingTo("3.14");
        assertThat(answer.xp().at("/Tax/Calculator").asText()).isEqualTo("state-sales-tax");
        assertThat(answer.xp().at("/Tax/LineTaxes/line1").decimalValue()).isEqualByComparingTo("2.06");
        assertThat(answer.xp().at("/Tax/LineTaxes/line2").decimalValue()).isEqualByComparingTo("1.08");
    }

    @Test
    void refusesALineShippingOutsideTheUnitedStates() {
        Address toronto = Worksheets.DEFAULT_SHIP_TO.toBuilder().city("Toronto").state("ON").zip("M5V 2T6").country("CA").build();
        OrderWorksheet worksheet = Worksheets.order("o2").shipTo(toronto).line("lunch-tote", 1, "21.50").build();

        assertThatThrownBy(() -> client.calculate(worksheet))
                .isInstanceOfSatisfying(TestDispatcherClient.ErrorAnswer.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("Tax.UnsupportedDestination");
                    assertThat(e.error().message())
                            .isEqualTo("Line line1 does not ship to a US address; this shop taxes US deliveries only");
                });
    }

    @Test
    void answersUnauthorizedWhenThePayloadIsSignedWithAnotherKey() throws Exception {
        OrderWorksheet worksheet = Worksheets.order("o3").line("lunch-tote", 1, "21.50").build();

        RawResponse answer = client.send(CheckoutRequests.signed(CheckoutEventType.ORDER_CALCULATE, worksheet, "not-the-key"));

        assertThat(answer.status()).isEqualTo(401);
        ApiError error = OrderCloudJson.mapper().readValue(answer.body(), ErrorResponse.class).errors().get(0);
        assertThat(error.errorCode()).isEqualTo("Unauthorized");
        assertThat(error.message())
                .isEqualTo("X-oc-hash header does not match. Endpoint can only be hit from a valid OrderCloud webhook.");
    }
}
