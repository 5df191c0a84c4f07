package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's seller queries on {@code v1/orders/Incoming}: carts by age ({@code from}/{@code to} bound
 * {@code DateCreated} for orders never submitted) and the batch sync by {@code xp.Downloaded}.
 */
class IncomingCartsAcceptanceTest {

    final ApiTestServer api = CommerceFixture.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theSellerListsBuyersCartsCreatedBeforeADateMostRecentFirst() {
        CommerceFixture.seed(api);
        String shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "old-cart"))));
        api.clock().advance(Duration.ofDays(2));
        shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "new-cart"))));
        String admin = api.adminToken();

        JsonNode carts = ok(api.get("/v1/orders/Incoming?Status=Unsubmitted&to=2030-01-01&sortBy=!DateCreated", admin)).body();
        JsonNode olderThanADay = ok(api.get("/v1/orders/Incoming?Status=Unsubmitted&to=2026-03-02&sortBy=!DateCreated", admin)).body();

        assertThat(ids(carts)).containsExactly("new-cart", "old-cart");
        assertThat(ids(olderThanADay)).containsExactly("old-cart");
    }

    @Test
    void theBatchSyncQueryByDownloadedStillListsSubmittedOrdersOnly() {
        CommerceFixture.seed(api);
        String shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "cart"))));
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "sent"))));
        ok(api.post("/v1/orders/Outgoing/sent/lineitems", shopper, json(Map.of("ProductID", "gadget", "Quantity", 1))));
        ok(api.post("/v1/orders/Outgoing/sent/calculate", shopper, null));
        ok(api.post("/v1/orders/Outgoing/sent/submit", shopper, null));
        String admin = api.adminToken();

        JsonNode page = ok(api.get("/v1/orders/Incoming?sortBy=!DateSubmitted&xp.Downloaded=!true", admin)).body();

        assertThat(ids(page)).contains("sent");
        assertThat(page.at("/Items/0/ID").asText()).as("submitted orders first when sorted by !DateSubmitted").isEqualTo("sent");
    }

    private static java.util.List<String> ids(JsonNode page) {
        java.util.List<String> out = new java.util.ArrayList<>();
        page.get("Items").forEach(o -> out.add(o.get("ID").asText()));
        return out;
    }
}
