package io.orderhooks.engine.internal.api.grouporders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The office lunch over HTTP: {@link CommerceFixture}'s marketplace (buyer {@code b1}, office manager {@code ann}
 * through client {@code shop-app}, products {@code widget} 10.00 and {@code gadget} 3.25), plus a colleague
 * {@code colleague} of {@code b1} with an order {@code COLLEAGUE} of its own, and a second buyer {@code b2} whose
 * catalog {@code cat2} holds {@code caviar}, a product {@code b1} cannot see. The manager has created order
 * {@code LUNCH}. Every checkout call and every post-webhook delivery is recorded.
 */
final class LunchFixture implements AutoCloseable {

    static final String ORDER = "LUNCH";
    static final String EXPIRES = "2026-03-01T14:00:00+00:00";

    final List<CheckoutCall> checkoutCalls = new CopyOnWriteArrayList<>();
    final List<JsonNode> postHooks = new CopyOnWriteArrayList<>();
    final List<JsonNode> preHooks = new CopyOnWriteArrayList<>();
    /** What every pre-webhook answers (proceed unless a test says otherwise). */
    volatile PreHookDecision preDecision = new PreHookDecision(true, null, null);
    final ApiTestServer api = ApiTestServer.start(e -> e.checkoutIntegration(call -> {
        checkoutCalls.add(call);
        return CommerceFixture.CHECKOUT.deliver(call);
    }), a -> a.webhookSink(new RecordingSink()));
    final String admin;
    final String manager;
    final String colleague;

    LunchFixture() {
        CommerceFixture.seed(api);
        admin = api.adminToken();
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "u2", "Username", "colleague", "Password", "pw-colleague-1",
                "FirstName", "Col", "LastName", "League", "Email", "colleague@example.com", "Active", true))));
        api.seedBuyer("b2", "z1", "zed", "pw-zed-1", CommerceFixture.CLIENT, "Shopper");
        ok(api.post("/v1/catalogs", admin, json(Map.of("ID", "cat2", "Name", "Other buyer"))));
        ok(api.post("/v1/catalogs/assignments", admin, json(Map.of("CatalogID", "cat2", "BuyerID", "b2", "ViewAllProducts", true))));
        ok(api.post("/v1/priceschedules", admin, json(Map.of("ID", "ps-caviar", "Name", "Caviar",
                "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", 99.00))))));
        ok(api.post("/v1/products", admin, json(Map.of("ID", "caviar", "Name", "Caviar", "Active", true,
                "DefaultPriceScheduleID", "ps-caviar"))));
        ok(api.post("/v1/catalogs/productassignments", admin, json(Map.of("CatalogID", "cat2", "ProductID", "caviar"))));
        manager = CommerceFixture.shopper(api);
        colleague = api.login(CommerceFixture.CLIENT, "colleague", "pw-colleague-1", "Shopper");
        ok(api.post("/v1/orders/Outgoing", colleague, json(Map.of("ID", "COLLEAGUE"))));
        ok(api.post("/v1/orders/Outgoing", manager, json(Map.of("ID", ORDER, "xp", Map.of("Occasion", "Friday lunch")))));
    }

    /** The manager invites to {@code LUNCH}; returns the invitation ID. */
    String invite(String name) {
        Response r = api.post("/v1/me/orderinvitations", manager, json(Map.of("Name", name, "OrderID", ORDER, "ExpirationDate", EXPIRES)));
        assertThat(r.status()).as("invitation created: %s", r.body()).isEqualTo(201);
        return r.body().get("ID").asText();
    }

    /** A contributor token for {@code invitationID}, asked for without any bearer token. */
    String contributor(String invitationID) {
        Response r = api.post("/v1/grouporders/" + invitationID + "/token", null, null);
        assertThat(r.status()).as("token granted: %s", r.body()).isEqualTo(200);
        return r.body().get("access_token").asText();
    }

    /** {@code POST v1/cart/lineitems} as {@code token}. */
    Response addLine(String token, String productID, int quantity, String who) {
        return api.post("/v1/cart/lineitems", token, json(Map.of("ProductID", productID, "Quantity", quantity, "xp", Map.of("For", who))));
    }

    /** The line IDs {@code GET path} lists for {@code token}, in list order. */
    List<String> ids(String path, String token) {
        Response r = ok(api.get(path, token));
        List<String> ids = new java.util.ArrayList<>();
        r.body().get("Items").forEach(item -> ids.add(item.get("ID").asText()));
        return ids;
    }

    /** Asserts an OrderCloud error answer: {@code status}, exactly one error with {@code code} and a message. */
    static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as("status of %s", r.body()).isEqualTo(status);
        assertThat(r.body().get("Errors")).hasSize(1);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.body().at("/Errors/0/Message").asText()).isNotBlank();
    }

    @Override
    public void close() {
        api.close();
    }

    /** A JSON payload (a webhook's or a checkout call's) as a tree. */
    static JsonNode read(byte[] payload) {
        try {
            return OrderCloudJson.mapper().readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class RecordingSink implements WebhookSink {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            preHooks.add(read(payload));
            return preDecision;
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {
            postHooks.add(read(payload));
        }
    }
}
