package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shared organization carts over HTTP: ann and bob are users of buyer b1, cy of buyer b2. */
class SharedCartAcceptanceTest {

    final List<byte[]> posted = new CopyOnWriteArrayList<>();
    final ApiTestServer api = ApiTestServer.start(e -> e.webhookSink(new WebhookSink() {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            return new PreHookDecision(true, null, null);
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {
            posted.add(payload);
        }
    }), a -> a);
    final Caller seller = Caller.seller("admin", "seller", null, "FullAccess");
    final String ann;
    final String bob;
    final String cy;

    SharedCartAcceptanceTest() {
        api.seedBuyer("b1", "u1", "ann", "pw-ann-1", "shop", "Shopper");
        ok(api.post("/v1/buyers/b1/users", api.adminToken(), json(Map.of("ID", "u2", "Username", "bob", "Password", "pw-bob-1",
                "Email", "bob@example.com", "Active", true))));
        api.seedBuyer("b2", "x1", "cy", "pw-cy-1", "shop", "Shopper");
        ann = api.login("shop", "ann", "pw-ann-1", "Shopper");
        bob = api.login("shop", "bob", "pw-bob-1", "Shopper");
        cy = api.login("shop", "cy", "pw-cy-1", "Shopper");
        var cat = api.engine().catalog();
        cat.saveCatalog(seller, Catalog.builder().id("cat").name("Main").build());
        cat.assignCatalog(seller, new io.orderhooks.core.model.CatalogAssignment("cat", "b1", true, true));
        cat.savePriceSchedule(seller, PriceSchedule.builder().id("ps").name("ps")
                .priceBreaks(List.of(new PriceBreak(1, new BigDecimal("10.00"), null))).build());
        cat.createProduct(seller, Product.builder().id("P1").name("P1").active(true).defaultPriceScheduleID("ps").build());
        cat.assignProductToCatalog(seller, new ProductCatalogAssignment("cat", "P1"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    Caller buyer(String userID) {
        return Caller.buyer(userID, "b1", "shop", "Shopper");
    }

    void addLine(String userID, String orderID, int quantity) {
        api.engine().lineItems().add(buyer(userID), Outgoing, orderID, LineItem.builder().productID("P1").quantity(quantity).build());
    }

    @Test
    void annSharesHerCartBobSeesItAndAnnUnsharesItIntoHerPersonalCart() {
        Response shared = api.post("/v1/cart/share", ann, null);
        assertThat(shared.status()).isEqualTo(201);
        String id = shared.body().get("ID").asText();
        assertThat(shared.body().get("SharedWithOrganization").asBoolean()).isTrue();
        assertThat(shared.body().get("FromUserID").asText()).isEqualTo("u1");
        assertThat(shared.body().get("LastModifierID").asText()).isEqualTo("u1");

        Response list = api.get("/v1/me/sharedcarts", bob);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("Meta").get("TotalCount").asInt()).isEqualTo(1);
        assertThat(list.body().get("Items").get(0).get("ID").asText()).isEqualTo(id);
        assertThat(api.get("/v1/me/sharedcarts", cy).body().get("Items")).isEmpty();

        addLine("u2", id, 3);
        Response again = api.post("/v1/cart/share", ann, null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("SharedCart.AlreadyShared");

        Response personal = api.post("/v1/cart/unshare", ann, json(Map.of("Mode", "MergeIntoPersonal")));
        assertThat(personal.status()).isEqualTo(201);
        assertThat(personal.body().get("ID").asText()).isNotEqualTo(id);
        assertThat(personal.body().get("LineItemCount").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(personal.body().get("Subtotal").asText())).isEqualByComparingTo("30.00");
        assertThat(personal.body().has("SharedWithOrganization")).isFalse();
        assertThat(api.engine().context().store().order(id)).isEmpty();
    }

    @Test
    void unshareNeedsAValidModeAndASharedCurrentCart() {
        Response personalCart = api.post("/v1/cart/unshare", ann, json(Map.of("Mode", "Remove")));
        assertThat(personalCart.status()).isEqualTo(400);
        assertThat(personalCart.errorCode()).isEqualTo("SharedCart.NotShared");
        ok(api.post("/v1/cart/share", ann, null));
        Response bad = api.post("/v1/cart/unshare", ann, json(Map.of("Mode", "Keep")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("ValidationFailure");
        Response missing = api.post("/v1/cart/unshare", ann, "{}");
        assertThat(missing.body().path("Errors").path(0).path("Message").asText()).isEqualTo("Mode is required (MergeIntoPersonal or Remove)");
        Response removed = api.post("/v1/cart/unshare", ann, json(Map.of("Mode", "Remove")));
        assertThat(removed.status()).isEqualTo(201);
        assertThat(api.get("/v1/me/sharedcarts", bob).body().get("Items")).isEmpty();
    }

    @Test
    void switchingBackToThePersonalCartKeepsTheSharedCartForOthers() {
        String shared = ok(api.post("/v1/cart/share", ann, null)).body().get("ID").asText();
        Response personal = api.post("/v1/cart/personal", ann, null);
        assertThat(personal.status()).isEqualTo(201);
        assertThat(personal.body().get("ID").asText()).isNotEqualTo(shared);
        assertThat(personal.body().get("FromUserID").asText()).isEqualTo("u1");
        assertThat(api.get("/v1/me/sharedcarts", bob).body().get("Items").get(0).get("ID").asText()).isEqualTo(shared);
    }

    @Test
    void sharingIsRefusedWhenTheSellerDisablesTheFeature() {
        ok(api.put("/v1/sharedcartsettings", api.adminToken(), json(Map.of("Enabled", false))));
        Response r = api.post("/v1/cart/share", ann, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("SharedCart.FeatureDisabled");
    }

    @Test
    void thePostWebhookOfShareCarriesTheTrackedFields() throws Exception {
        api.engine().webhooks().create(seller, new Webhook("hook", "Hook", null, "https://hooks.example/in", "k", null, null, false,
                List.of("shop"), List.of(new WebhookRoute("v1/cart/share", "POST")), null, null, null, null));
        ok(api.post("/v1/cart/share", ann, null));
        assertThat(posted).hasSize(1);
        JsonNode payload = OrderCloudJson.mapper().readTree(posted.get(0));
        assertThat(payload.get("Route").asText()).isEqualTo("v1/cart/share");
        JsonNode order = payload.get("Response").get("Body");
        assertThat(order.get("SharedWithOrganization").asBoolean()).isTrue();
        assertThat(order.get("FromUserID").asText()).isEqualTo("u1");
        assertThat(order.get("LastModifierID").asText()).isEqualTo("u1");
    }

    @Test
    void bobSwitchesToAnnsSharedCartAmendsAndSubmitsItAndTheWebhookSeesAllThreePersons() throws Exception {
        api.engine().webhooks().create(seller, new Webhook("hook", "Hook", null, "https://hooks.example/in", "k", null, null, false,
                List.of("shop"), List.of(new WebhookRoute("v1/cart/submit", "POST")), null, null, null, null));
        String id = ok(api.post("/v1/cart/share", ann, null)).body().get("ID").asText();
        ok(api.post("/v1/cart/lineitems", ann, json(Map.of("ProductID", "P1", "Quantity", 1))));
        Response switched = api.put("/v1/cart/" + id, bob, null);
        assertThat(switched.status()).isEqualTo(200);
        assertThat(api.get("/v1/cart", bob).body().get("ID").asText()).isEqualTo(id);
        assertThat(ok(api.post("/v1/cart/lineitems", bob, json(Map.of("ProductID", "P1", "Quantity", 2)))).status()).isEqualTo(201);
        assertThat(api.get("/v1/cart", ann).body().get("LastModifierID").asText()).isEqualTo("u2");
        assertThat(api.put("/v1/cart/" + id, cy, null).status()).isEqualTo(404);

        Response submitted = api.post("/v1/cart/submit", bob, null);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().get("SubmittedBy").asText()).isEqualTo("u2");
        JsonNode order = OrderCloudJson.mapper().readTree(posted.get(posted.size() - 1)).get("Response").get("Body");
        assertThat(order.get("SharedWithOrganization").asBoolean()).isTrue();
        assertThat(order.get("FromUserID").asText()).isEqualTo("u1");
        assertThat(order.get("LastModifierID").asText()).isEqualTo("u2");
        assertThat(order.get("SubmittedBy").asText()).isEqualTo("u2");
        assertThat(new BigDecimal(order.get("Total").asText())).isEqualByComparingTo("30.00");
        assertThat(api.get("/v1/cart", bob).body().get("ID").asText()).isNotEqualTo(id);
    }

    @Test
    void myOrdersFilterByOrderType() {
        String shared = ok(api.post("/v1/cart/share", ann, null)).body().get("ID").asText();
        String bobs = ok(api.get("/v1/cart", bob)).body().get("ID").asText();
        assertThat(ids(api.get("/v1/me/orders", bob))).containsExactlyInAnyOrder(shared, bobs);
        assertThat(ids(api.get("/v1/me/orders?orderType=all", bob))).containsExactlyInAnyOrder(shared, bobs);
        assertThat(ids(api.get("/v1/me/orders?orderType=personal", bob))).containsExactly(bobs);
        assertThat(ids(api.get("/v1/me/orders?orderType=shared", bob))).containsExactly(shared);
        assertThat(ids(api.get("/v1/me/orders?orderType=shared", cy))).isEmpty();
        Response bad = api.get("/v1/me/orders?orderType=mine", bob);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("ValidationFailure");
    }

    static List<String> ids(Response list) {
        List<String> out = new java.util.ArrayList<>();
        list.body().get("Items").forEach(o -> out.add(o.get("ID").asText()));
        return out;
    }
}
