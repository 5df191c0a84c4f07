package io.orderhooks.engine.internal.api.sdk;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.MessageNotification;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official OrderCloud JavaScript SDK (12.0.0) runs {@code sdk-compat/product-collections-flow.mjs}: every
 * {@code Me.*ProductCollection*} call by an owner, an invitee who accepts and one who declines, then the reader
 * role's {@code ProductCollections.List/Get/ListEntries}. The marketplace and a message webhook are configured
 * through the API; the engine runs on the system clock because the SDK checks each token's {@code exp}.
 */
class ProductCollectionsSdkTest {

    static final String CLIENT = "shop";
    static final String PASSWORD = "pw-shopper-1";

    final List<MessageNotification> messages = new CopyOnWriteArrayList<>();
    final WebhookSink sink = new WebhookSink() {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            return new PreHookDecision(true, null, null);
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {
            try {
                messages.add(OrderCloudJson.mapper().readValue(payload, MessageNotification.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    final ApiTestServer api = ApiTestServer.start(e -> e.clock(Clock.systemUTC()).webhookSink(sink), a -> a);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theOfficialSdkRunsEveryProductCollectionCall() throws Exception {
        seed();
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "CLIENT_ID", CLIENT, "OWNER", "own@x",
                "INVITEE", "u2@x", "DECLINER", "u3@x", "PASSWORD", PASSWORD, "ADMIN_CLIENT_ID", admin.clientID(),
                "ADMIN_CLIENT_SECRET", admin.clientSecret(), "BUYER_ID", "b1");

        NodeScripts.Result r = NodeScripts.node("product-collections-flow.mjs", env, 120);

        assertThat(r.exitCode()).as("product-collections-flow.mjs failed:\n" + r.stdout() + r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        JsonNode result = OrderCloudJson.mapper().readTree(lines[lines.length - 1]);
        assertThat(texts(result.get("ownerEntries"))).containsExactly("P3", "P1");
        assertThat(texts(result.get("invitations"))).containsExactly("Next door:false", "Partner:true");
        assertThat(texts(result.get("readerCollections"))).containsExactly("groceries");
        assertThat(texts(result.get("readerEntries"))).containsExactly("P1", "P2", "P3");
        assertThat(texts(result.get("inviteeSeesEntries"))).containsExactly("P3", "P1", "P2");
        assertThat(messages).extracting(n -> n.messageType() + ":" + n.recipient().id() + ":" + n.eventBody().at("/User/ID").asText())
                .containsExactly("ProductCollectionInvitationAccepted:own:u2", "ProductCollectionInvitationDeclined:own:u3");
    }

    /** Buyer b1 (users own, u2, u3; client shop; role Shopper), catalog cat with P1..P3 (ps1: 10.00), a message webhook. */
    private void seed() {
        api.seedBuyer("b1", "own", "own@x", PASSWORD, CLIENT, "Shopper");
        String admin = api.adminToken();
        for (String user : List.of("u2", "u3")) {
            ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", user, "Username", user + "@x", "Password", PASSWORD,
                    "FirstName", user, "LastName", "Shopper", "Email", user + "@example.com", "Active", true))));
        }
        ok(api.post("/v1/catalogs", admin, json(Map.of("ID", "cat", "Name", "Main"))));
        ok(api.post("/v1/catalogs/assignments", admin, json(Map.of("CatalogID", "cat", "BuyerID", "b1",
                "ViewAllProducts", true, "ViewAllCategories", true))));
        ok(api.post("/v1/priceschedules", admin, json(Map.of("ID", "ps1", "Name", "Standard",
                "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", 10.00))))));
        for (String p : List.of("P1", "P2", "P3")) {
            ok(api.post("/v1/products", admin, json(Map.of("ID", p, "Name", "Product " + p, "Active", true,
                    "DefaultPriceScheduleID", "ps1"))));
            ok(api.post("/v1/catalogs/productassignments", admin, json(Map.of("CatalogID", "cat", "ProductID", p))));
        }
        ok(api.post("/v1/webhooks", admin, json(Map.of("ID", "mail", "Name", "Mail", "Url", "https://merchant.example/mail",
                "WebhookRoutes", List.of(Map.of("Route", "ProductCollectionInvitationAccepted", "Verb", "MESSAGE"),
                        Map.of("Route", "ProductCollectionInvitationDeclined", "Verb", "MESSAGE"))))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
