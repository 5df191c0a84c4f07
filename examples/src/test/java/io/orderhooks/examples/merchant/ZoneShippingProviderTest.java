package io.orderhooks.examples.merchant;

import static io.orderhooks.examples.merchant.Fixtures.product;
import static io.orderhooks.examples.merchant.Fixtures.us;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateItem;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.TestDispatcherClient.ErrorAnswer;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZoneShippingProviderTest {

    static final String PICKUP_OK = "{\"PickupEligible\":true}";

    IntegrationEventsDispatcher dispatcher = dispatcherFor(new ZoneShippingProvider());

    static IntegrationEventsDispatcher dispatcherFor(ZoneShippingProvider provider) {
        return IntegrationEventsDispatcher.builder().hashKeys("key").shippingRates(provider.asHandler()).build();
    }

    @AfterEach
    void close() {
        dispatcher.close();
    }

    /** The methods of the only estimate, as {@code ID=cost/days}. */
    List<String> methodsFor(Worksheets order) {
        ShipEstimateResponse answer = TestDispatcherClient.of(dispatcher, "key").shippingRates(order.build());
        assertThat(answer.shipEstimates()).hasSize(1);
        return answer.shipEstimates().get(0).shipMethods().stream()
                .map(m -> m.id() + "=" + m.cost().toPlainString() + "/" + m.estimatedTransitDays()).toList();
    }

    @Test
    void pricesEachMethodByWeightWithinTheWarehouseState() {
        // 3 x 1 lb from Minneapolis to Minneapolis, zone 1: 6.00 + 3 x 0.60, 14.00 + 3 x 1.20, 28.00 + 3 x 2.40
        assertThat(methodsFor(Worksheets.order("o1").line("SHIRT", 3, "10.00")))
                .containsExactly("GROUND=7.80/2", "TWO_DAY=17.60/2", "NEXT_DAY=35.20/1");
    }

    @Test
    void chargesMoreAndTakesLongerToNeighbouringAndDistantStates() {
        // zone 2 (x 1.15): 8.97, 20.24, 40.48; zone 3 (x 1.40): 10.92, 24.64, 49.28
        assertThat(methodsFor(Worksheets.order("o1").shipTo(us("WI")).line("SHIRT", 3, "10.00")))
                .containsExactly("GROUND=8.97/3", "TWO_DAY=20.24/2", "NEXT_DAY=40.48/1");
        assertThat(methodsFor(Worksheets.order("o2").shipTo(us("TX")).line("SHIRT", 3, "10.00")))
                .containsExactly("GROUND=10.92/5", "TWO_DAY=24.64/2", "NEXT_DAY=49.28/1");
    }

    @Test
    void billsTheWeightRoundedUpToAWholePoundCountingADefaultForProductsWithoutWeight() {
        // 2 x 1.2 lb + 1 x (no weight: 1 lb) = 3.4 lb, billed as 4 lb: 6.00 + 2.40
        Worksheets order = Worksheets.order("o1").line("BOOK", 2, "10.00", product("BOOK", "1.2", "{}"))
                .line("CARD", 1, "3.00", product("CARD", null, "{}"));
        assertThat(methodsFor(order)).first().isEqualTo("GROUND=8.40/2");
        // a 0.2 lb package is billed as 1 lb
        assertThat(methodsFor(Worksheets.order("o2").line("PIN", 1, "3.00", product("PIN", "0.2", "{}"))))
                .first().isEqualTo("GROUND=6.60/2");
    }

    @Test
    void reportsTheZoneAndBillableWeightOnEachMethod() {
        ShipMethod ground = TestDispatcherClient.of(dispatcher, "key")
                .shippingRates(Worksheets.order("o1").shipTo(us("IA")).line("SHIRT", 2, "10.00").build())
                .shipEstimates().get(0).shipMethods().get(0);

        assertThat(ground.xp().toString()).isEqualTo("{\"Zone\":2,\"BillableWeight\":2}");
    }

    @Test
    void shipsGroundFreeFromOneHundredDollarsOfMerchandiseAfterPromotions() {
        assertThat(methodsFor(Worksheets.order("o1").line("LAMP", 1, "99.99")))
                .containsExactly("GROUND=6.60/2", "TWO_DAY=15.20/2", "NEXT_DAY=30.40/1");
        assertThat(methodsFor(Worksheets.order("o2").line("LAMP", 1, "100.00")))
                .containsExactly("GROUND=0.00/2", "TWO_DAY=15.20/2", "NEXT_DAY=30.40/1");
        assertThat(methodsFor(Worksheets.order("o3").line("LAMP", 1, "110.00", l -> l.promotionDiscount(new BigDecimal("10.01")))))
                .first().isEqualTo("GROUND=6.60/2");
    }

    @Test
    void offersInStorePickupOnlyWhenEveryItemIsEligibleAndTheBuyerIsInTheStoreState() {
        Worksheets eligible = Worksheets.order("o1").line("MUG", 1, "8.00", product("MUG", "1", PICKUP_OK))
                .line("CAP", 1, "9.00", product("CAP", "1", PICKUP_OK));
        assertThat(methodsFor(eligible)).containsExactly("GROUND=7.20/2", "TWO_DAY=16.40/2", "NEXT_DAY=32.80/1", "IN_STORE_PICKUP=0.00/0");

        Worksheets oneIneligible = Worksheets.order("o2").line("MUG", 1, "8.00", product("MUG", "1", PICKUP_OK))
                .line("SOFA", 1, "9.00", product("SOFA", "1", "{\"PickupEligible\":\"yes\"}"));
        assertThat(methodsFor(oneIneligible)).doesNotContain("IN_STORE_PICKUP=0.00/0").hasSize(3);

        Worksheets outOfState = Worksheets.order("o3").shipTo(us("WI")).line("MUG", 1, "8.00", product("MUG", "1", PICKUP_OK));
        assertThat(methodsFor(outOfState)).hasSize(3);
    }

    @Test
    void ratesEachShipFromAddressAsItsOwnPackageCoveringItsFullQuantities() {
        Address madison = us("WI").toBuilder().id("wh-madison").city("Madison").build();
        ShipEstimateResponse answer = TestDispatcherClient.of(dispatcher, "key").shippingRates(Worksheets.order("o1")
                .line("SHIRT", 2, "10.00")
                .line("CHEESE", 3, "5.00", l -> l.shipFromAddressID("wh-madison").shipFromAddress(madison).supplierID("dairy"))
                .build());

        assertThat(answer.shipEstimates()).extracting(ShipEstimate::id).containsExactly("default", "wh-madison");
        assertThat(answer.shipEstimates().get(1).shipEstimateItems()).containsExactly(new ShipEstimateItem("line2", 3));
        // Madison to Minneapolis is zone 2: (6.00 + 3 x 0.60) x 1.15 = 8.97; the warehouse package is zone 1
        assertThat(answer.shipEstimates()).extracting(e -> e.shipMethods().get(0).cost().toPlainString())
                .containsExactly("7.20", "8.97");
    }

    @Test
    void refusesDestinationsOutsideTheCountryAndAddressesWithoutAState() {
        var client = TestDispatcherClient.of(dispatcher, "key");

        assertThatThrownBy(() -> client.shippingRates(Worksheets.order("o1").shipTo(Fixtures.address("CA", "ON")).line("MUG", 1, "8.00").build()))
                .isInstanceOfSatisfying(ErrorAnswer.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("Shipping.AddressNotServed");
                    assertThat(e.error().message()).isEqualTo("Package default cannot ship to CA: only destinations in US are served");
                });
        assertThatThrownBy(() -> client.shippingRates(Worksheets.order("o2").shipTo(us(" ")).line("MUG", 1, "8.00").build()))
                .isInstanceOfSatisfying(ErrorAnswer.class, e -> assertThat(e.errorCode()).isEqualTo("Shipping.MissingAddress"));
    }

    @Test
    void roundsEachCostHalfUpToTheCent() {
        ShippingRateCard card = ShippingRateCard.builder().method("STD", "Standard", "1.00", "0.00", 3, 4, 5)
                .zoneFactors("1.125", "1.0049", "1").origin(us("MN")).zones(ShippingZones.upperMidwest()).build();
        dispatcher.close();
        dispatcher = dispatcherFor(new ZoneShippingProvider(card));

        assertThat(methodsFor(Worksheets.order("o1").line("MUG", 1, "8.00"))).containsExactly("STD=1.13/3");
        assertThat(methodsFor(Worksheets.order("o2").shipTo(us("WI")).line("MUG", 1, "8.00"))).containsExactly("STD=1.00/4");
    }

    @Test
    void rateCardNamesWhatIsWrong() {
        assertThatThrownBy(() -> ShippingRateCard.builder().method("GROUND", "Ground", "-1", "0", 1, 1, 1))
                .hasMessage("GROUND base must not be negative, was -1");
        assertThatThrownBy(() -> ShippingRateCard.builder().method(ZoneShippingProvider.PICKUP, "Pickup", "0", "0", 0, 0, 0))
                .hasMessage("method id IN_STORE_PICKUP is already used");
        assertThatThrownBy(() -> ShippingRateCard.builder().method("GROUND", "Ground", "1", "0", 1, 1, 1)
                .zoneFactors("1", "1", "1").origin(us("MN")).zones(ShippingZones.upperMidwest()).freeOver("AIR", "50").build())
                .hasMessage("freeOver names method AIR, which is not on the card");
        assertThatThrownBy(() -> ShippingRateCard.builder().method("GROUND", "Ground", "1", "0", 1, 1, 1).build())
                .hasMessage("a rate card needs zoneFactors, origin and zones");
    }

    @Test
    void zonesAreSymmetricAndCaseInsensitive() {
        ShippingZones zones = ShippingZones.of("MN-WI");

        assertThat(zones.zone("mn", "MN")).isEqualTo(1);
        assertThat(zones.zone("WI", "mn")).isEqualTo(2);
        assertThat(zones.zone("MN", "TX")).isEqualTo(3);
        assertThatThrownBy(() -> ShippingZones.of("MNWI")).hasMessage("a border must name two different states like MN-WI, was MNWI");
    }
}
