package io.orderhooks.engine.internal.api.grouporders;

import static io.orderhooks.engine.internal.api.grouporders.LunchFixture.ORDER;
import static io.orderhooks.engine.internal.api.grouporders.LunchFixture.assertError;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.PreHookDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The office lunch over real HTTP: the manager creates {@code LUNCH}, one shared invitation (two colleagues use the
 * same link) and two per-person invitations; everyone adds lines at once through {@code v1/cart/lineitems}; each
 * sees what its invitation allows; the manager checks out and submits through the integration.
 */
class GroupOrderLunchStoryAcceptanceTest {

    private static final int LINES_EACH = 10;

    private final LunchFixture f = new LunchFixture();
    private final String shared = f.invite("Whole team");
    private final String bobInvitation = f.invite("Bob only");
    private final String carolInvitation = f.invite("Carol only");
    private final String dan = f.contributor(shared);
    private final String eve = f.contributor(shared);
    private final String bob = f.contributor(bobInvitation);
    private final String carol = f.contributor(carolInvitation);

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void contributorsAddingAtTheSameTimeLoseNoLineAndEachSeesOnlyWhatItsInvitationAllows() throws Exception {
        JsonNode cart = ok(f.api.get("/v1/cart", bob)).body();
        assertThat(cart.get("ID").asText()).isEqualTo(ORDER);
        assertThat(cart.at("/xp/Occasion").asText()).isEqualTo("Friday lunch");

        Map<String, List<String>> added = addConcurrently(Map.of("dan", dan, "eve", eve, "bob", bob, "carol", carol));

        String all = "/v1/orders/Outgoing/" + ORDER + "/lineitems?pageSize=100";
        assertThat(f.ids(all, f.manager)).hasSize(4 * LINES_EACH)
                .containsAll(added.get("dan")).containsAll(added.get("eve")).containsAll(added.get("bob")).containsAll(added.get("carol"));
        JsonNode order = ok(f.api.get("/v1/orders/Outgoing/" + ORDER, f.manager)).body();
        assertThat(order.get("LineItemCount").asInt()).isEqualTo(4 * LINES_EACH);
        assertThat(order.get("Subtotal").decimalValue()).isEqualByComparingTo("400.00");

        assertThat(f.ids("/v1/cart/lineitems?pageSize=100", bob)).containsExactlyInAnyOrderElementsOf(added.get("bob"));
        assertThat(f.ids("/v1/cart/lineitems?pageSize=100", carol)).containsExactlyInAnyOrderElementsOf(added.get("carol"));
        List<String> team = new ArrayList<>(added.get("dan"));
        team.addAll(added.get("eve"));
        assertThat(f.ids("/v1/cart/lineitems?pageSize=100", dan)).containsExactlyInAnyOrderElementsOf(team);
        assertThat(f.ids("/v1/cart/lineitems?pageSize=100", eve)).containsExactlyInAnyOrderElementsOf(team);
        assertThat(f.ids("/v1/cart/lineitems?pageSize=100&InvitationID=" + bobInvitation, f.manager))
                .containsExactlyInAnyOrderElementsOf(added.get("bob"));
        assertThat(f.ids("/v1/cart/lineitems?pageSize=100&InvitationID=" + shared, f.manager)).containsExactlyInAnyOrderElementsOf(team);
        JsonNode bobsLine = ok(f.api.get("/v1/cart/lineitems/" + added.get("bob").get(0), bob)).body();
        assertThat(bobsLine.get("InvitationID").asText()).isEqualTo(bobInvitation);
        assertThat(bobsLine.at("/xp/For").asText()).isEqualTo("bob");
    }

    @Test
    void contributorsEditAndDeleteTheirOwnLinesAndNeverAnotherInvitationsLines() {
        String bobLine = lineID(f.addLine(bob, "widget", 1, "bob"));
        String carolLine = lineID(f.addLine(carol, "gadget", 2, "carol"));
        String danLine = lineID(f.addLine(dan, "gadget", 1, "dan"));

        Response patched = f.api.patch("/v1/cart/lineitems/" + bobLine, bob, "{\"Quantity\":5,\"xp\":{\"Note\":\"no onions\"}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("UnitPrice").decimalValue()).isEqualByComparingTo("8.50");
        assertThat(patched.body().get("LineSubtotal").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(patched.body().at("/xp/For").asText()).isEqualTo("bob");
        assertThat(patched.body().get("InvitationID").asText()).isEqualTo(bobInvitation);
        Response put = f.api.put("/v1/cart/lineitems/" + bobLine, bob, json(Map.of("ProductID", "widget", "Quantity", 2)));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("InvitationID").asText()).isEqualTo(bobInvitation);
        Response eveEditsDan = f.api.patch("/v1/cart/lineitems/" + danLine, eve, "{\"Quantity\":3}");
        assertThat(eveEditsDan.status()).as("a shared invitation's lines belong to all who use it").isEqualTo(200);

        Response hidden = f.api.get("/v1/cart/lineitems/" + carolLine, bob);
        assertError(hidden, 404, "NotFound");
        assertThat(hidden.body().at("/Errors/0/Data/ObjectType").asText()).isEqualTo("LineItem");
        assertThat(hidden.body().at("/Errors/0/Data/ObjectID").asText()).isEqualTo(carolLine);
        assertError(f.api.patch("/v1/cart/lineitems/" + carolLine, bob, "{\"Quantity\":9}"), 404, "NotFound");
        assertError(f.api.put("/v1/cart/lineitems/" + carolLine, bob, json(Map.of("ProductID", "gadget", "Quantity", 9))), 404, "NotFound");
        assertError(f.api.delete("/v1/cart/lineitems/" + carolLine, bob), 404, "NotFound");
        assertError(f.api.delete("/v1/cart/lineitems/" + danLine, carol), 404, "NotFound");
        Response carolsAsManagerSeesIt = ok(f.api.get("/v1/orders/Outgoing/" + ORDER + "/lineitems/" + carolLine, f.manager));
        assertThat(carolsAsManagerSeesIt.body().get("Quantity").asInt()).isEqualTo(2);

        assertThat(f.api.delete("/v1/cart/lineitems/" + bobLine, bob).status()).isEqualTo(204);
        assertThat(f.ids("/v1/cart/lineitems", f.manager)).containsExactlyInAnyOrder(carolLine, danLine);
        assertThat(f.ids("/v1/cart/lineitems", bob)).isEmpty();
    }

    @Test
    void contributorsBrowseExactlyTheProductsTheCreatorCanBuy() {
        String zed = f.api.login(CommerceFixture.CLIENT, "zed", "pw-zed-1", "Shopper");
        assertThat(f.ids("/v1/me/products?sortBy=ID", bob)).containsExactly("gadget", "widget")
                .isEqualTo(f.ids("/v1/me/products?sortBy=ID", f.manager));
        assertThat(f.ids("/v1/me/products?sortBy=ID", zed)).containsExactly("caviar");
        JsonNode widget = ok(f.api.get("/v1/me/products/widget", dan)).body();
        assertThat(widget.at("/PriceSchedule/PriceBreaks/1/Price").decimalValue()).isEqualByComparingTo("8.50");
        assertError(f.api.get("/v1/me/products/caviar", bob), 404, "NotFound");
        assertError(f.api.get("/v1/me/products/caviar/specs", bob), 404, "NotFound");
        for (String sub : List.of("/specs", "/sellers")) {
            Response asContributor = f.api.get("/v1/me/products/widget" + sub, bob);
            assertThat(asContributor.status()).as("%s: %s", sub, asContributor.body()).isEqualTo(200);
            assertThat(asContributor.body()).isEqualTo(ok(f.api.get("/v1/me/products/widget" + sub, f.manager)).body());
        }
        assertThat(f.api.get("/v1/me/products/caviar", zed).status()).isEqualTo(200);
        assertError(f.addLine(bob, "caviar", 1, "bob"), 404, "NotFound");
        assertThat(f.ids("/v1/cart/lineitems", f.manager)).isEmpty();
    }

    @Test
    void theCreatorSubmitsEveryonesLinesThroughTheIntegrationAndThenContributorsOnlyRead() throws Exception {
        String bobLine = lineID(f.addLine(bob, "widget", 1, "bob"));
        lineID(f.addLine(dan, "gadget", 2, "dan"));
        assertError(f.api.post("/v1/cart/submit", bob, null), 403, "Auth.InsufficientRoles");

        ok(f.api.post("/v1/cart/calculate", f.manager, null));
        Response submitted = f.api.post("/v1/cart/submit", f.manager, null);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().get("Status").asText()).isEqualTo("Open");
        assertThat(submitted.body().get("Subtotal").decimalValue()).isEqualByComparingTo("16.50");
        JsonNode sent = f.checkoutCalls.stream().filter(c -> c.type() == CheckoutEventType.ORDER_SUBMIT)
                .map(c -> LunchFixture.read(c.payload())).findFirst().orElseThrow();
        assertThat(sent.at("/OrderWorksheet/Order/ID").asText()).isEqualTo(ORDER);
        assertThat(sent.at("/OrderWorksheet/LineItems").findValuesAsText("InvitationID")).containsExactlyInAnyOrder(bobInvitation, shared);

        assertError(f.addLine(bob, "widget", 1, "bob"), 400, "GroupOrder.CannotModifySubmittedOrder");
        assertError(f.api.patch("/v1/cart/lineitems/" + bobLine, bob, "{\"Quantity\":3}"), 400, "GroupOrder.CannotModifySubmittedOrder");
        assertError(f.api.delete("/v1/cart/lineitems/" + bobLine, bob), 400, "GroupOrder.CannotModifySubmittedOrder");
        assertThat(ok(f.api.get("/v1/cart", bob)).body().get("Status").asText()).isEqualTo("Open");
        assertThat(f.ids("/v1/cart/lineitems", bob)).containsExactly(bobLine);
        assertThat(f.ids("/v1/orders/Outgoing/" + ORDER + "/lineitems", f.manager)).hasSize(2);
        Response token = f.api.post("/v1/grouporders/" + bobInvitation + "/token", null, null);
        assertThat(token.status()).as("a submitted order still grants read-only tokens").isEqualTo(200);
    }

    @Test
    void aPostWebhookOnCartLineItemsFiresForAContributorsAdd() {
        Response hook = f.api.post("/v1/webhooks", f.admin, json(Map.of("ID", "lines", "Name", "Line added",
                "Url", "https://merchant.example/hooks/lines", "HashKey", "hook-key", "BeforeProcessRequest", false,
                "ApiClientIDs", List.of(CommerceFixture.CLIENT),
                "WebhookRoutes", List.of(Map.of("Route", "v1/cart/lineitems", "Verb", "POST")))));
        assertThat(hook.status()).isEqualTo(201);

        String line = lineID(f.addLine(carol, "gadget", 3, "carol"));

        assertThat(f.postHooks).hasSize(1);
        JsonNode payload = f.postHooks.get(0);
        assertThat(payload.get("Route").asText()).isEqualTo("v1/cart/lineitems");
        assertThat(payload.get("Verb").asText()).isEqualTo("POST");
        assertThat(payload.get("UserToken").asText()).isEqualTo(carol);
        assertThat(payload.at("/Request/Body/ProductID").asText()).isEqualTo("gadget");
        assertThat(payload.at("/Response/Body/ID").asText()).isEqualTo(line);
        assertThat(payload.at("/Response/Body/InvitationID").asText()).isEqualTo(carolInvitation);
        ok(f.api.patch("/v1/cart/lineitems/" + line, carol, "{\"Quantity\":4}"));
        assertThat(f.postHooks).as("the hook names POST only").hasSize(1);
    }

    @Test
    void aBlockingPreWebhookOnCartLineItemsStopsAContributorsAddBeforeAnythingChanges() {
        ok(f.api.post("/v1/webhooks", f.admin, json(Map.of("ID", "guard", "Name", "Lunch guard",
                "Url", "https://merchant.example/hooks/guard", "HashKey", "hook-key", "BeforeProcessRequest", true,
                "ApiClientIDs", List.of(CommerceFixture.CLIENT),
                "WebhookRoutes", List.of(Map.of("Route", "v1/cart/lineitems", "Verb", "POST"))))));
        f.preDecision = new PreHookDecision(false, TextNode.valueOf("Kitchen closed"), null);

        Response refused = f.addLine(bob, "widget", 1, "bob");

        assertError(refused, 400, "Webhook.Blocked");
        assertThat(refused.body().at("/Errors/0/Message").asText()).isEqualTo("Kitchen closed");
        assertThat(f.preHooks).hasSize(1);
        assertThat(f.preHooks.get(0).get("UserToken").asText()).isEqualTo(bob);
        assertThat(f.preHooks.get(0).at("/Request/Body/xp/For").asText()).isEqualTo("bob");
        assertThat(f.ids("/v1/cart/lineitems", f.manager)).isEmpty();
    }

    /** Every contributor adds {@value #LINES_EACH} one-widget lines, all contributors at once; returns the IDs by name. */
    private Map<String, List<String>> addConcurrently(Map<String, String> tokens) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            Map<String, Future<List<String>>> futures = new HashMap<>();
            tokens.forEach((name, token) -> futures.put(name, pool.submit(() -> {
                start.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < LINES_EACH; i++) {
                    ids.add(lineID(f.addLine(token, "widget", 1, name)));
                }
                return ids;
            })));
            start.countDown();
            Map<String, List<String>> out = new HashMap<>();
            for (var e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String lineID(Response r) {
        assertThat(r.status()).as("line added: %s", r.body()).isEqualTo(201);
        return r.body().get("ID").asText();
    }
}
