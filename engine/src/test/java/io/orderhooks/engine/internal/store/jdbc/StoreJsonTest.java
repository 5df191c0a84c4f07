package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.internal.orders.OrderState;
import org.junit.jupiter.api.Test;

/** The store's JSON: an order's merchant answers written again from the text of their last write. */
class StoreJsonTest {

    private static final String DOC = """
            {"Order":{"ID":"o1","FromCompanyID":"b1","Status":"Open","Subtotal":10.5,"Total":11.22},
             "LineItems":[],"Payments":[],"Promotions":[],"Approvals":[],"SubmitGeneration":1,"Revision":4,
             "ShipEstimateResponse":{"ShipEstimates":[{"ID":"default","SelectedShipMethodID":"GROUND",
               "ShipEstimateItems":[{"LineItemID":"l1","Quantity":2}],
               "ShipMethods":[{"ID":"GROUND","Name":"Ground","Cost":0.0,"EstimatedTransitDays":2,"xp":{"Zone":1}}]}],
               "HttpStatusCode":200,"Succeeded":true},
             "CalculateResponse":{"ShippingTotal":0.0,"TaxTotal":0.72,"HttpStatusCode":200,"Succeeded":true,
               "xp":{"Tax":{"Lines":[{"LineItemID":"l1","Region":"US-MN","RatePercent":6.875,"Tax":0.72}],"Shipping":[]}}}}""";

    @Test
    void anAnswerWrittenAgainIsTheSameTextAsTheFirstWriteAndReadsBackEqual() throws Exception {
        OrderState state = StoreJson.read(DOC, OrderState.class);

        String first = StoreJson.write(state);
        String again = StoreJson.write(state.withOrder(state.order())); // a new state, the same answer instances
        String copy = StoreJson.write(StoreJson.read(first, OrderState.class)); // equal answers, other instances

        assertThat(again).isEqualTo(first);
        assertThat(StoreJson.Remembered.json(state.calculateResponse())) // the text kept, not written again
                .isSameAs(StoreJson.Remembered.json(state.calculateResponse()));
        assertThat(copy).isEqualTo(first);
        assertThat(StoreJson.read(again, OrderState.class)).isEqualTo(state);
        for (String answer : new String[] {"ShipEstimateResponse", "CalculateResponse"}) {
            assertThat(OrderCloudJson.mapper().readTree(first).path(answer)).as(answer)
                    .isEqualTo(OrderCloudJson.mapper().readTree(DOC).path(answer));
        }
    }

    @Test
    void anotherAnswerInstanceIsWrittenAsItselfAndTheAnswersWithoutAnyAreLeftOut() throws Exception {
        OrderState state = StoreJson.read(DOC, OrderState.class);
        StoreJson.write(state);
        ObjectNode xp = OrderCloudJson.mapper().createObjectNode().put("Tax", "none");
        OrderState changed = state.withCalculateResponse(state.calculateResponse().toBuilder().taxTotal(new java.math.BigDecimal("0.00"))
                .xp(xp).build());

        String written = StoreJson.write(changed);

        assertThat(OrderCloudJson.mapper().readTree(written).path("CalculateResponse"))
                .isEqualTo(OrderCloudJson.mapper().readTree("""
                        {"ShippingTotal":0.0,"TaxTotal":0.00,"HttpStatusCode":200,"Succeeded":true,"xp":{"Tax":"none"}}"""));
        assertThat(StoreJson.read(written, OrderState.class)).isEqualTo(changed);
        String without = StoreJson.write(state.withShipEstimateResponse(null).withCalculateResponse(null));
        assertThat(without).doesNotContain("ShipEstimateResponse").doesNotContain("CalculateResponse");
    }
}
