package io.orderhooks.engine.internal.api.accounts;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageSenderAcceptanceTest {

    final CapturingSink sink = new CapturingSink();
    final ApiTestServer api = ApiTestServer.start(e -> e.webhookSink(sink), a -> a);
    final String admin = api.adminToken();

    @AfterEach
    void stop() {
        api.close();
    }

    Map<String, Object> sender(String id, String... types) {
        return Map.of("ID", id, "Name", "Mailer " + id, "MessageTypes", List.of(types), "URL", "https://mail.example/" + id,
                "SharedKey", "key-" + id, "xp", Map.of("Template", "t1"));
    }

    @Test
    void aSenderIsCreatedReadPatchedAndDeletedWithoutEverReturningItsSharedKey() {
        Response created = api.post("/v1/messagesenders", admin, json(sender("ms1", "OrderSubmitted")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().has("SharedKey") && !created.body().get("SharedKey").isNull()).isFalse();
        assertThat(created.body().get("URL").asText()).isEqualTo("https://mail.example/ms1");
        Response patched = ok(api.patch("/v1/messagesenders/ms1", admin, json(Map.of("Description", "orders"))));
        assertThat(patched.body().get("Description").asText()).isEqualTo("orders");
        assertThat(api.engine().messageSenders().stored("ms1").sharedKey()).isEqualTo("key-ms1");
        assertThat(ok(api.get("/v1/messagesenders", admin)).body().at("/Items/0/ID").asText()).isEqualTo("ms1");
        assertThat(api.post("/v1/messagesenders", admin, json(sender("ms1", "OrderSubmitted"))).errorCode()).isEqualTo("IdExists");
        assertThat(api.delete("/v1/messagesenders/ms1", admin).status()).isEqualTo(204);
        assertThat(api.get("/v1/messagesenders/ms1", admin).errorCode()).isEqualTo("NotFound");
    }

    @Test
    void badSendersAreRefusedWithTheFieldNamed() {
        Response noUrl = api.post("/v1/messagesenders", admin, json(Map.of("Name", "x", "MessageTypes", List.of("OrderSubmitted"))));
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.body().at("/Errors/0/Message").asText()).contains("URL");
        Response badType = api.post("/v1/messagesenders", admin, json(Map.of("Name", "x", "MessageTypes", List.of("Gossip"),
                "URL", "https://x.example")));
        assertThat(badType.errorCode()).isEqualTo("ValidationFailure");
        assertThat(badType.body().at("/Errors/0/Message").asText()).isEqualTo("MessageTypes: unknown message type Gossip");
        Response ftp = api.post("/v1/messagesenders", admin, json(Map.of("Name", "x", "MessageTypes", List.of("OrderSubmitted"),
                "URL", "ftp://x.example")));
        assertThat(ftp.body().at("/Errors/0/Message").asText()).isEqualTo("URL must be an absolute http(s) URL, was ftp://x.example");
        assertThat(api.get("/v1/messagesenders", admin).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void anAssignedSenderReceivesTheOrderSubmittedNotificationSignedWithItsKeyAndCopiesItsCcListeners() {
        api.seedBuyer("b1", "u1", "ann", "pw-ann-1", "shop", "Shopper");
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "boss", "Username", "boss", "FirstName", "B",
                "LastName", "Boss", "Email", "boss@example.com", "Active", true))));
        ok(api.post("/v1/messagesenders", admin, json(sender("ms1", "OrderSubmitted"))));
        ok(api.post("/v1/messagesenders", admin, json(sender("other", "OrderSubmitted"))));
        assertThat(api.post("/v1/messagesenders/assignments", admin, json(Map.of("MessageSenderID", "ms1", "BuyerID", "b1"))).status())
                .isEqualTo(204);
        assertThat(api.post("/v1/messagesenders/CCListenerAssignments", admin, json(Map.of("MessageSenderAssignment",
                Map.of("MessageSenderID", "ms1", "BuyerID", "b1"), "MessageType", "OrderSubmitted", "BuyerID", "b1",
                "UserID", "boss"))).status()).isEqualTo(204);
        JsonNode listed = ok(api.get("/v1/messagesenders/assignments?buyerID=b1&level=Company", admin)).body();
        assertThat(listed.at("/Items/0/MessageConfigName").asText()).isEqualTo("Mailer ms1");

        String ann = api.login("shop", "ann", "pw-ann-1", "Shopper");
        ok(api.post("/v1/orders/Outgoing", ann, json(Map.of("ID", "o1"))));
        api.engine().orderMessages().send(io.orderhooks.engine.internal.Caller.buyer("u1", "b1", "shop", "Shopper"),
                "OrderSubmitted", api.engine().context().store().order("o1").orElseThrow().order());

        assertThat(sink.delivered).hasSize(1);
        CapturingSink.Delivery d = sink.delivered.get(0);
        assertThat(d.endpoint().id()).isEqualTo("messagesender:ms1");
        assertThat(d.endpoint().url()).isEqualTo("https://mail.example/ms1");
        assertThat(d.endpoint().hashKey()).isEqualTo("key-ms1");
        JsonNode n = d.json();
        assertThat(n.get("MessageType").asText()).isEqualTo("OrderSubmitted");
        assertThat(n.at("/Recipient/ID").asText()).isEqualTo("u1");
        assertThat(n.at("/Recipient/Password").isMissingNode() || n.at("/Recipient/Password").isNull()).isTrue();
        assertThat(n.get("CCList").toString()).isEqualTo("[\"boss@example.com\"]");
        assertThat(n.at("/EventBody/Order/ID").asText()).isEqualTo("o1");
        assertThat(n.at("/ConfigData/Template").asText()).isEqualTo("t1");
        assertThat(n.get("BuyerID").asText()).isEqualTo("b1");
    }

    @Test
    void deletingAnAssignmentStopsDeliveryAndAllowAllBuyersServesEveryBuyer() {
        api.seedBuyer("b1", "u1", "ann", "pw-ann-1", "shop", "Shopper");
        ok(api.post("/v1/messagesenders", admin, json(sender("ms1", "OrderDeclined"))));
        ok(api.post("/v1/messagesenders/assignments", admin, json(Map.of("MessageSenderID", "ms1", "BuyerID", "b1"))));
        assertThat(api.delete("/v1/messagesenders/ms1/assignments?buyerID=b1", admin).status()).isEqualTo(204);
        assertThat(api.engine().messages().send(io.orderhooks.engine.internal.Caller.seller("s", "seller", null),
                "OrderDeclined", "b1", List.of("u1"), "b1", null)).isZero();
        ok(api.patch("/v1/messagesenders/ms1", admin, json(Map.of("AllowAllBuyers", true))));
        assertThat(api.engine().messages().send(io.orderhooks.engine.internal.Caller.seller("s", "seller", null),
                "OrderDeclined", "b1", List.of("u1"), "b1", null)).isEqualTo(1);
    }

    @Test
    void assignmentsNeedAnExistingSenderAndCompany() {
        ok(api.post("/v1/messagesenders", admin, json(sender("ms1", "OrderSubmitted"))));
        assertThat(api.post("/v1/messagesenders/assignments", admin, json(Map.of("MessageSenderID", "ghost", "BuyerID", "b1")))
                .errorCode()).isEqualTo("NotFound");
        assertThat(api.post("/v1/messagesenders/assignments", admin, json(Map.of("MessageSenderID", "ms1", "BuyerID", "nobody")))
                .errorCode()).isEqualTo("NotFound");
        Response both = api.post("/v1/messagesenders/assignments", admin, json(Map.of("MessageSenderID", "ms1")));
        assertThat(both.body().at("/Errors/0/Message").asText()).isEqualTo("exactly one of BuyerID and SupplierID is required");
        assertThat(api.get("/v1/messagesenders/assignments?level=Sideways", admin).errorCode()).isEqualTo("ValidationFailure");
    }
}
