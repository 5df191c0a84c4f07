package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.orders.MarketplaceApi.line;
import static io.orderhooks.engine.internal.api.orders.MarketplaceApi.refused;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Promotions over HTTP: saving, applying by code, totals, refusals, removal, auto-apply and me/promotions. */
class PromotionAcceptanceTest {

    static final String O1 = "/v1/orders/Outgoing/o1";

    final MarketplaceApi m = new MarketplaceApi();
    final ApiTestServer api = m.api;

    /** o1: widget × 6 (51.00) + gadget × 2 (6.50) = Subtotal 57.50. */
    @BeforeEach
    void cart() {
        m.cart("o1", line("w", "widget", 6), line("g", "gadget", 2));
    }

    @AfterEach
    void stop() {
        m.close();
    }

    Response promotion(String code, String eligible, String value, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("ID", "p-" + code.toLowerCase(), "Code", code, "Name", code,
                "EligibleExpression", eligible, "ValueExpression", value, "AllowAllBuyers", true, "Active", true));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return api.post("/v1/promotions", m.admin, json(body));
    }

    JsonNode order() {
        return api.get(O1, m.shopper).body();
    }

    @Test
    void aMalformedExpressionIsRefusedWithItsColumnAndNothingIsStored() {
        Response bad = refused(promotion("BAD", "order.Subtotal >", "5"), 400, "Expression.InvalidSyntax");
        assertThat(bad.body().at("/Errors/0/Data/Column").asInt()).isEqualTo(17);
        assertThat(bad.body().at("/Errors/0/Data/Expression").asText()).isEqualTo("order.Subtotal >");
        assertThat(bad.body().at("/Errors/0/Message").asText()).endsWith("at column 17");
        Response token = refused(promotion("BAD", "true", "order.Subtotal * $"), 400, "Expression.InvalidToken");
        assertThat(token.body().at("/Errors/0/Data/Column").asInt()).isEqualTo(18);
        refused(promotion("BAD", "item.Quantity > 1", "5"), 400, "Expression.InvalidReference");

        assertThat(api.get("/v1/promotions/p-bad", m.admin).status()).isEqualTo(404);
        assertThat(api.get("/v1/promotions", m.admin).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(refused(api.post(O1 + "/promotions/BAD", m.shopper, null), 404, "NotFound").status()).isEqualTo(404);
    }

    @Test
    void anOrderLevelPromotionAppliedByCodeDiscountsTheTotalAndIsCountedAtSubmit() {
        assertThat(promotion("TEN", "order.Subtotal > 50", "order.Subtotal * 0.1").status()).isEqualTo(201);
        Response applied = api.post(O1 + "/promotions/TEN", m.shopper, null);
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.body().get("Code").asText()).isEqualTo("TEN");
        assertThat(applied.body().get("Amount").decimalValue()).isEqualByComparingTo("5.75");
        assertThat(applied.body().get("LineItemID").isNull()).isTrue();
        assertThat(order().get("PromotionDiscount").decimalValue()).isEqualByComparingTo("5.75");
        assertThat(order().get("Total").decimalValue()).isEqualByComparingTo("51.75");
        assertThat(api.get(O1 + "/promotions", m.shopper).body().at("/Items/0/Amount").decimalValue()).isEqualByComparingTo("5.75");

        JsonNode submitted = m.submit("o1");
        assertThat(submitted.get("Status").asText()).isEqualTo("Open");
        assertThat(submitted.get("Total").decimalValue()).as("57.50 - 5.75 + tax 7.25").isEqualByComparingTo("59.00");
        assertThat(api.get("/v1/promotions/p-ten", m.admin).body().get("RedemptionCount").asInt()).isEqualTo(1);
    }

    @Test
    void aLineLevelPromotionDiscountsOnlyTheEligibleLine() {
        ok(promotion("WIDGETS", "item.ProductID = 'widget'", "item.LineSubtotal * .2", "LineItemLevel", true));
        Response applied = api.post(O1 + "/promotions/WIDGETS", m.shopper, null);
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.body().get("LineItemID").asText()).isEqualTo("w");
        assertThat(applied.body().get("Amount").decimalValue()).isEqualByComparingTo("10.20");

        JsonNode widget = api.get(O1 + "/lineitems/w", m.shopper).body();
        assertThat(widget.get("PromotionDiscount").decimalValue()).isEqualByComparingTo("10.20");
        assertThat(widget.get("LineTotal").decimalValue()).isEqualByComparingTo("40.80");
        JsonNode gadget = api.get(O1 + "/lineitems/g", m.shopper).body();
        assertThat(gadget.get("PromotionDiscount").decimalValue()).isEqualByComparingTo("0");
        assertThat(gadget.get("LineTotal").decimalValue()).isEqualByComparingTo("6.50");
        assertThat(order().get("PromotionDiscount").decimalValue()).isEqualByComparingTo("10.20");
        assertThat(order().get("Total").decimalValue()).isEqualByComparingTo("47.30");
    }

    @Test
    void aSecondApplyOfTheSameCodeIsAlreadyAddedAndAnUncombinableOneIsCannotCombine() {
        ok(promotion("TEN", "order.Subtotal > 50", "order.Subtotal * 0.1"));
        ok(promotion("FIVE", "true", "5", "CanCombine", true));
        ok(api.post(O1 + "/promotions/TEN", m.shopper, null));

        refused(api.post(O1 + "/promotions/TEN", m.shopper, null), 400, "Promotion.AlreadyAdded");
        refused(api.post(O1 + "/promotions/FIVE", m.shopper, null), 400, "Promotion.CannotCombine");
        JsonNode promotions = api.get(O1 + "/promotions", m.shopper).body();
        assertThat(promotions.at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(order().get("PromotionDiscount").decimalValue()).isEqualByComparingTo("5.75");
        assertThat(order().get("Total").decimalValue()).isEqualByComparingTo("51.75");
    }

    @Test
    void anExpiredPromotionIsRefusedOnTheServersClock() {
        ok(promotion("SOON", "true", "3", "ExpirationDate", "2026-03-01T11:00:00+00:00"));
        api.clock().advance(Duration.ofHours(1));
        Response expired = refused(api.post(O1 + "/promotions/SOON", m.shopper, null), 400, "Promotion.Expired");
        assertThat(expired.body().at("/Errors/0/Message").asText()).contains("SOON");
        assertThat(api.get(O1 + "/promotions", m.shopper).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(order().get("Total").decimalValue()).isEqualByComparingTo("57.50");
    }

    @Test
    void removingAPromotionRestoresTheTotals() {
        ok(promotion("TEN", "order.Subtotal > 50", "order.Subtotal * 0.1"));
        ok(api.post(O1 + "/promotions/TEN", m.shopper, null));
        Response removed = api.delete(O1 + "/promotions/TEN", m.shopper);
        assertThat(removed.status()).as("Orders.RemovePromotion answers the Order").isEqualTo(200);
        assertThat(removed.body().get("PromotionDiscount").decimalValue()).isEqualByComparingTo("0");
        assertThat(order().get("PromotionDiscount").decimalValue()).isEqualByComparingTo("0");
        assertThat(order().get("Total").decimalValue()).isEqualByComparingTo("57.50");
        assertThat(api.get(O1 + "/promotions", m.shopper).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(api.delete(O1 + "/promotions/TEN", m.shopper).status()).isEqualTo(404);
    }

    @Test
    void applyPromotionsAddsEveryUsableEligibleAutoApplyPromotion() {
        ok(promotion("AUTO1", "order.Subtotal >= 30", "2", "AutoApply", true, "CanCombine", true, "Priority", 1));
        ok(promotion("AUTO2", "order.Subtotal >= 50", "order.Subtotal * .1", "AutoApply", true, "CanCombine", true, "Priority", 2));
        ok(promotion("TOOBIG", "order.Subtotal > 1000", "1", "AutoApply", true, "CanCombine", true));
        ok(promotion("MANUAL", "true", "1", "CanCombine", true));

        Response applied = api.post(O1 + "/applypromotions", m.shopper, null);
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.body().get("ID").asText()).isEqualTo("o1");
        assertThat(applied.body().get("PromotionDiscount").decimalValue()).as("2 + 5.75").isEqualByComparingTo("7.75");
        assertThat(applied.body().get("Total").decimalValue()).isEqualByComparingTo("49.75");
        JsonNode promotions = api.get(O1 + "/promotions?sortBy=Code", m.shopper).body();
        assertThat(promotions.at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(promotions.at("/Items/0/Code").asText()).isEqualTo("AUTO1");
        assertThat(promotions.at("/Items/1/Code").asText()).isEqualTo("AUTO2");
        assertThat(api.post(O1 + "/applypromotions", m.shopper, null).body().get("PromotionDiscount").decimalValue())
                .as("applying again adds nothing").isEqualByComparingTo("7.75");
    }

    @Test
    void mePromotionsListsThoseAvailableToTheBuyer() {
        ok(promotion("ALL", "true", "1"));
        ok(promotion("ASSIGNED", "true", "1", "AllowAllBuyers", false));
        assertThat(api.get("/v1/me/promotions", m.shopper).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        refused(api.post(O1 + "/promotions/ASSIGNED", m.shopper, null), 404, "NotFound");

        assertThat(api.post("/v1/promotions/assignments", m.admin, json(Map.of("PromotionID", "p-assigned", "BuyerID", "b1"))).status())
                .isEqualTo(204);
        JsonNode mine = api.get("/v1/me/promotions?sortBy=Code", m.shopper).body();
        assertThat(mine.at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(mine.at("/Items/0/Code").asText()).isEqualTo("ALL");
        assertThat(mine.at("/Items/1/Code").asText()).isEqualTo("ASSIGNED");
        assertThat(api.get("/v1/me/promotions/p-assigned", m.shopper).body().get("Code").asText()).isEqualTo("ASSIGNED");
        assertThat(api.post(O1 + "/promotions/ASSIGNED", m.shopper, null).status()).isEqualTo(201);
    }
}
