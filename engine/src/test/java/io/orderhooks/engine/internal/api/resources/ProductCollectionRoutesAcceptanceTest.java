package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.collections.CollectionsFixture;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.MessageNotification;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.WebhookPayload;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Product collections over real HTTP, with the marketplace of {@link CollectionsFixture}. */
class ProductCollectionRoutesAcceptanceTest {

    static final String ME = "/v1/me/productcollections";
    static final String ACCEPT_ROUTE = "v1/me/productcollections/{productCollectionID}/invitations/accept/{invitationID}";

    /** What the engine handed its webhook sink, and for which configured webhook. */
    record Delivery(WebhookEndpoint endpoint, byte[] payload) {}

    final List<Delivery> posted = new CopyOnWriteArrayList<>();
    final List<Delivery> preAsked = new CopyOnWriteArrayList<>();
    final AtomicReference<PreHookDecision> verdict = new AtomicReference<>(new PreHookDecision(true, null, null));
    final WebhookSink sink = new WebhookSink() {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            preAsked.add(new Delivery(hook, payload));
            return verdict.get();
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {
            posted.add(new Delivery(hook, payload));
        }
    };
    final ApiTestServer api = ApiTestServer.start(e -> e.webhookSink(sink), a -> a);
    final Caller seller = Caller.seller("admin", "seller", "admin", "FullAccess");
    String own;
    String u2;
    String u3;
    String x1;
    String anon;
    String supplier;

    @BeforeEach
    void marketplace() {
        CollectionsFixture.seed(api.engine(), seller);
        api.engine().orgs().saveUser(seller, "s1", User.builder().id("s1u").username("s1u@x").password("pw-s1u").active(true).build());
        String admin = api.adminToken();
        ok(api.post("/v1/securityprofiles", admin, json(Map.of("ID", "shop", "Name", "shop", "Roles", List.of("Shopper")))));
        ok(api.post("/v1/securityprofiles", admin, json(Map.of("ID", "reader", "Name", "reader",
                "Roles", List.of("Shopper", "ProductCollectionReader")))));
        for (String b : List.of("b1", "b2")) {
            ok(api.post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", "shop", "BuyerID", b))));
        }
        ok(api.post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", "reader", "BuyerID", "b1", "UserID", "u3"))));
        ok(api.post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", "reader", "SupplierID", "s1"))));
        ok(api.post("/v1/apiclients", admin, json(Map.of("ID", "shop", "AppName", "Shop", "AllowAnyBuyer", true,
                "AllowAnySupplier", true, "AccessTokenDuration", 600))));
        ok(api.post("/v1/apiclients", admin, json(Map.of("ID", "anon-app", "AppName", "Anon", "AllowAnyBuyer", true,
                "IsAnonBuyer", true, "DefaultContextUserName", "anon@x", "AccessTokenDuration", 600))));
        own = api.login("shop", "own@x", "pw-own", "Shopper");
        u2 = api.login("shop", "u2@x", "pw-u2", "Shopper");
        u3 = api.login("shop", "u3@x", "pw-u3", "Shopper", "ProductCollectionReader");
        x1 = api.login("shop", "x1@x", "pw-x1", "Shopper");
        supplier = api.login("shop", "s1u@x", "pw-s1u", "ProductCollectionReader");
        Response t = api.token(Map.of("grant_type", "client_credentials", "client_id", "anon-app", "scope", "Shopper"));
        anon = t.body().get("access_token").asText();
        assertThat(ApiTestServer.claims(anon).path("anon").asBoolean()).isTrue();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    Response create(String token, String id, String level) {
        return api.post(ME, token, json(Map.of("ID", id, "Name", "List " + id, "AccessLevel", level, "xp", Map.of("Color", "red"))));
    }

    static List<String> ids(Response r) {
        List<String> out = new ArrayList<>();
        r.body().path("Items").forEach(i -> out.add(i.path("ID").asText()));
        return out;
    }

    String invite(String collection, boolean admin) {
        return ok(api.post(ME + "/" + collection + "/invitations", own, json(Map.of("Name", "Partner", "Admin", admin))))
                .body().path("ID").asText();
    }

    @Test
    void theOwnerCreatesReadsUpdatesAndDeletesACollection() {
        Response created = create(own, "groceries", "Private");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().toString()).isEqualTo("{\"ID\":\"groceries\",\"Name\":\"List groceries\",\"xp\":{\"Color\":\"red\"},\"AccessLevel\":\"Private\"}");
        Response patched = api.patch(ME + "/groceries", own, json(Map.of("AccessLevel", "Shareable", "xp", Map.of("Size", 2))));
        assertThat(patched.body().path("AccessLevel").asText()).isEqualTo("Shareable");
        assertThat(patched.body().path("xp").toString()).isEqualTo("{\"Color\":\"red\",\"Size\":2}");
        assertThat(api.put(ME + "/groceries", own, json(Map.of("Name", "Weekly"))).body().path("AccessLevel").asText()).isEqualTo("Private");
        assertThat(api.get(ME + "?search=Weekly", own).body().path("Meta").path("TotalCount").asInt()).isEqualTo(1);
        assertThat(api.delete(ME + "/groceries", own).status()).isEqualTo(204);
        assertThat(api.get(ME + "/groceries", own).errorCode()).isEqualTo("NotFound");
        assertThat(api.post(ME, own, json(Map.of("AccessLevel", "Everyone"))).errorCode()).isEqualTo("ValidationFailure");
    }

    @Test
    void eachAccessLevelForOwnerSameOrganizationOtherOrganizationAndAnonymous() {
        create(own, "priv", "Private");
        create(own, "pub", "Public");
        create(own, "wish", "Shareable");
        assertThat(ids(api.get(ME, own))).containsExactly("priv", "pub", "wish");
        assertThat(ids(api.get(ME, u2))).containsExactly("pub");
        assertThat(ids(api.get(ME, anon))).containsExactly("pub");
        assertThat(ids(api.get(ME, x1))).isEmpty();
        for (String token : List.of(own, u2, anon)) {
            assertThat(api.get(ME + "/wish", token).status()).isEqualTo(200);
            assertThat(api.get(ME + "/pub/products", token).status()).isEqualTo(200);
        }
        for (String token : List.of(u2, anon, x1)) {
            assertThat(api.get(ME + "/priv", token).status()).isEqualTo(404);
        }
        assertThat(api.get(ME + "/wish", x1).status()).isEqualTo(404);
        assertThat(api.get(ME + "/pub", x1).status()).isEqualTo(404);
        Response anonWrite = create(anon, "mine", "Private");
        assertThat(anonWrite.status()).isEqualTo(403);
        assertThat(anonWrite.errorCode()).isEqualTo("ProductCollection.RequiresRegisteredUser");
    }

    @Test
    void entriesAreAddedByPostOrPutListedInOrderAndRemoved() {
        create(own, "l", "Private");
        assertThat(api.post(ME + "/l/products", own, json(Map.of("ProductID", "P3"))).status()).isEqualTo(204);
        assertThat(api.put(ME + "/l/P1", own, null).status()).isEqualTo(204);
        Response list = api.get(ME + "/l/products", own);
        assertThat(ids(list)).containsExactly("P3", "P1");
        JsonNode first = list.body().path("Items").path(0);
        assertThat(first.path("ListOrder").asInt()).isEqualTo(1);
        assertThat(first.path("Name").asText()).isEqualTo("Product P3");
        assertThat(first.path("DateAdded").asText()).isEqualTo("2026-03-01T10:00:00+00:00");
        assertThat(first.path("PriceSchedule").path("ID").asText()).isEqualTo("ps1");
        assertThat(ids(api.get(ME + "/l/products?sortBy=!ID", own))).containsExactly("P3", "P1");
        assertThat(ids(api.get(ME + "/l/products?ID=P1", own))).containsExactly("P1");
        assertThat(ids(api.get(ME + "/l/products?PriceSchedule.ID=ps1&sortBy=!Name", own))).containsExactly("P3", "P1");
        assertThat(api.put(ME + "/l/P2", own, null).errorCode()).isEqualTo("NotFound");
        assertThat(api.delete(ME + "/l/P3", own).status()).isEqualTo(204);
        assertThat(ids(api.get(ME + "/l/products", own))).containsExactly("P1");
        Response gone = api.delete(ME + "/l/P3", own);
        assertThat(gone.errorCode()).isEqualTo("NotFound");
        assertThat(gone.body().at("/Errors/0/Data").toString()).isEqualTo("{\"ObjectType\":\"ProductCollectionEntry\",\"ObjectID\":\"P3\"}");
    }

    @Test
    void theInvitationLifecycleWithAdminRightsExpiryRevocationAndDoubleUse() {
        create(own, "groceries", "Private");
        String adminInv = invite("groceries", true);
        Response got = api.get(ME + "/groceries/invitations/" + adminInv, own);
        assertThat(got.body().path("Accepted").asBoolean()).isFalse();
        assertThat(got.body().path("ExpirationDate").asText()).isEqualTo("2026-03-31T10:00:00+00:00");
        assertThat(api.post(ME + "/groceries/invitations/accept/" + adminInv, anon, null).errorCode())
                .isEqualTo("ProductCollectionInvitation.RequiresRegisteredUser");
        assertThat(api.post(ME + "/groceries/invitations/accept/" + adminInv, x1, null).status()).isEqualTo(404);
        assertThat(api.put(ME + "/groceries/P1", u2, null).status()).isEqualTo(404);
        assertThat(api.post(ME + "/groceries/invitations/accept/" + adminInv, u2, null).status()).isEqualTo(204);
        assertThat(api.put(ME + "/groceries/P1", u2, null).status()).isEqualTo(204);
        assertThat(ids(api.get(ME, u2))).containsExactly("groceries");
        assertThat(api.post(ME + "/groceries/invitations/accept/" + adminInv, u3, null).errorCode())
                .isEqualTo("ProductCollectionInvitation.AlreadyUsed");
        assertThat(api.get(ME + "/groceries/invitations", own).body().path("Items").path(0).path("Accepted").asBoolean()).isTrue();
        assertThat(api.patch(ME + "/groceries/invitations/" + adminInv, own, json(Map.of("Accepted", false)))
                .body().path("Accepted").asBoolean()).isTrue();

        String expiring = invite("groceries", false);
        api.clock().advance(Duration.ofDays(31));
        own = api.login("shop", "own@x", "pw-own", "Shopper");
        u2 = api.login("shop", "u2@x", "pw-u2", "Shopper");
        u3 = api.login("shop", "u3@x", "pw-u3", "Shopper");
        assertThat(api.post(ME + "/groceries/invitations/accept/" + expiring, u3, null).errorCode())
                .isEqualTo("ProductCollectionInvitation.InvitationExpired");
        assertThat(api.post(ME + "/groceries/invitations", own, json(Map.of("Name", "Late",
                "ExpirationDate", "2027-04-01T10:00:01+00:00"))).errorCode()).isEqualTo("ProductCollectionInvitation.InvalidExpiration");

        String pending = invite("groceries", false);
        assertThat(api.delete(ME + "/groceries/invitations/" + pending, own).status()).isEqualTo(204);
        assertThat(api.post(ME + "/groceries/invitations/decline/" + pending, u3, null).status()).isEqualTo(404);

        assertThat(api.delete(ME + "/groceries/invitations/" + adminInv, own).status()).isEqualTo(204);
        assertThat(api.get(ME + "/groceries", u2).status()).isEqualTo(404);
        assertThat(api.delete(ME + "/groceries/P1", u2).status()).isEqualTo(404);
    }

    /** Configures a webhook as a merchant does, through {@code POST v1/webhooks} with an admin token. */
    JsonNode webhook(Map<String, Object> body) {
        Response created = api.post("/v1/webhooks", api.adminToken(), json(body));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body();
    }

    static Map<String, String> route(String route, String verb) {
        return Map.of("Route", route, "Verb", verb);
    }

    List<MessageNotification> messages(String webhookID) throws IOException {
        List<MessageNotification> sent = new ArrayList<>();
        for (Delivery d : posted) {
            assertThat(d.endpoint().id()).isEqualTo(webhookID);
            sent.add(OrderCloudJson.mapper().readValue(d.payload(), MessageNotification.class));
        }
        return sent;
    }

    @Test
    void acceptingAndDecliningNotifyTheOwnerThroughAMessageWebhookConfiguredOverTheApi() throws Exception {
        JsonNode hook = webhook(Map.of("ID", "mail", "Name", "Mail", "Url", "https://merchant.example/mail", "HashKey", "k",
                "ConfigData", Map.of("From", "lists@example.com"), "WebhookRoutes", List.of(
                        route("ProductCollectionInvitationAccepted", "MESSAGE"), route("ProductCollectionInvitationDeclined", "MESSAGE"))));
        assertThat(hook.path("BeforeProcessRequest").asBoolean()).isFalse();
        create(own, "wish", "Private");
        ok(api.post(ME + "/wish/invitations/accept/" + invite("wish", false), u2, null));
        ok(api.post(ME + "/wish/invitations/decline/" + invite("wish", false), u3, null));
        List<MessageNotification> sent = messages("mail");
        assertThat(sent).extracting(n -> n.messageType() + ":" + n.recipient().id() + ":" + n.eventBody().at("/User/ID").asText())
                .containsExactly("ProductCollectionInvitationAccepted:own:u2", "ProductCollectionInvitationDeclined:own:u3");
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.buyerID()).isEqualTo("b1");
            assertThat(n.configData().path("From").asText()).isEqualTo("lists@example.com");
            assertThat(n.eventBody().at("/ProductCollection/ID").asText()).isEqualTo("wish");
            assertThat(n.recipient().password()).isNull();
        });
        assertThat(posted).extracting(d -> d.endpoint().url() + " " + d.endpoint().hashKey())
                .containsOnly("https://merchant.example/mail k");
    }

    @Test
    void aPreWebhookConfiguredOverTheApiBlocksAnAcceptanceAndChangesNothing() throws Exception {
        webhook(Map.of("ID", "guard", "Name", "Invitee guard", "Url", "https://merchant.example/guard", "HashKey", "k",
                "BeforeProcessRequest", true, "ApiClientIDs", List.of("shop"),
                "WebhookRoutes", List.of(route(ACCEPT_ROUTE, "POST"))));
        webhook(Map.of("ID", "mail", "Name", "Mail", "Url", "https://merchant.example/mail",
                "WebhookRoutes", List.of(route("ProductCollectionInvitationAccepted", "MESSAGE"))));
        create(own, "groceries", "Private");
        String inv = invite("groceries", true);
        String before = api.get(ME + "/groceries/invitations", own).body().toString();
        verdict.set(new PreHookDecision(false, OrderCloudJson.mapper().valueToTree("Invitee is not in this household"), null));

        Response blocked = api.post(ME + "/groceries/invitations/accept/" + inv, u2, null);

        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.errorCode()).isEqualTo("Webhook.Blocked");
        assertThat(blocked.body().at("/Errors/0/Message").asText()).isEqualTo("Invitee is not in this household");
        assertThat(preAsked).extracting(d -> d.endpoint().id()).containsExactly("guard");
        WebhookPayload asked = OrderCloudJson.mapper().readValue(preAsked.get(0).payload(), WebhookPayload.class);
        assertThat(asked.route()).isEqualTo(ACCEPT_ROUTE);
        assertThat(asked.routeParams()).containsEntry("invitationID", inv).containsEntry("productCollectionID", "groceries");
        assertThat(api.get(ME + "/groceries/invitations", own).body().toString()).isEqualTo(before);
        assertThat(api.get(ME + "/groceries/invitations/" + inv, own).body().path("Accepted").asBoolean()).isFalse();
        assertThat(api.get(ME + "/groceries", u2).status()).isEqualTo(404);
        assertThat(ids(api.get(ME, u2))).isEmpty();
        assertThat(posted).isEmpty();

        verdict.set(new PreHookDecision(true, null, null));
        assertThat(api.post(ME + "/groceries/invitations/accept/" + inv, u2, null).status()).isEqualTo(204);
        assertThat(api.get(ME + "/groceries", u2).status()).isEqualTo(200);
        assertThat(messages("mail")).extracting(n -> n.messageType() + ":" + n.recipient().id())
                .containsExactly("ProductCollectionInvitationAccepted:own");
    }

    @Test
    void theReaderRoleForMarketplaceOwnerSupplierAndBuyerWithEntryFiltering() {
        create(u2, "priv", "Private");
        for (String p : List.of("P2", "P1", "P3")) {
            ok(api.put(ME + "/priv/" + p, u2, null));
        }
        String admin = api.adminToken();
        String reader = "/v1/buyers/b1/productcollections";
        assertThat(ids(api.get(reader, admin))).containsExactly("priv");
        assertThat(ids(api.get(reader + "/priv/products", admin))).containsExactly("P2", "P1", "P3");
        assertThat(ids(api.get(reader + "/priv/products?sortBy=!Name", admin))).containsExactly("P3", "P2", "P1");
        assertThat(api.get(reader + "/priv/products?PriceSchedule.ID=ps1", admin).errorCode())
                .isEqualTo("List.InvalidProperty"); // reader entries carry no PriceSchedule
        assertThat(api.get(reader + "/priv", supplier).body().path("AccessLevel").asText()).isEqualTo("Private");
        assertThat(ids(api.get(reader + "/priv/products", supplier))).containsExactly("P3");
        assertThat(api.get("/v1/buyers/b2/productcollections", supplier).status()).isEqualTo(404);
        assertThat(ids(api.get(reader, u3))).containsExactly("priv");
        assertThat(ids(api.get(reader + "/priv/products", u3))).containsExactly("P1", "P3");
        assertThat(api.get("/v1/buyers/b2/productcollections", u3).status()).isEqualTo(404);
        Response noRole = api.get(reader, u2);
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(noRole.errorCode()).isEqualTo("Auth.InsufficientRoles");
    }
}
