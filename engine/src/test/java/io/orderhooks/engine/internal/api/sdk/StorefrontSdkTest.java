package io.orderhooks.engine.internal.api.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official SDK runs {@code sdk-compat/storefront-flow.mjs}: browse a category tree, pick a variant (size M), pay with
 * a saved credit card, charge a cost center, submit, and ship from an inventory record; every answer of the new
 * resources is field-checked against the SDK's declared models (the script fails on a mismatch).
 */
class StorefrontSdkTest {

    final ApiTestServer api = ApiTestServer.start(e -> e.clock(Clock.systemUTC()), a -> a);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aShopperBuysASizedShirtFromACategoryWithASavedCardAndACostCenterAndTheSellerShipsItFromStock() throws Exception {
        api.seedBuyer("b1", "pat", "pat@x", "pw-shopper-1", "shop", "Shopper", "MeCreditCardAdmin");
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "CLIENT_ID", "shop", "USERNAME", "pat@x", "USER_ID", "pat",
                "PASSWORD", "pw-shopper-1", "ADMIN_CLIENT_ID", admin.clientID(), "ADMIN_CLIENT_SECRET", admin.clientSecret(), "BUYER_ID", "b1");

        NodeScripts.Result r = NodeScripts.node("storefront-flow.mjs", env, 120);

        assertThat(r.exitCode()).as("storefront-flow.mjs failed:\n" + r.stdout() + r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        JsonNode story = OrderCloudJson.mapper().readTree(lines[lines.length - 1]);
        assertThat(story.get("variantCount").asInt()).isEqualTo(2);
        assertThat(texts(story.get("top"))).containsExactly("apparel");
        assertThat(texts(story.get("tree"))).containsExactly("apparel:null", "shirts:apparel");
        assertThat(story.get("apparelChildren").asInt()).isEqualTo(1);
        assertThat(texts(story.get("inApparel"))).containsExactly("tee");
        assertThat(story.get("unknownCategory").asText()).isEqualTo("404 NotFound");
        assertThat(texts(story.get("variants"))).containsExactly("tee-M", "tee-S");
        assertThat(texts(story.get("records"))).containsExactly("wh-tee@dock");
        assertThat(texts(story.get("costCenters"))).containsExactly("cc-mkt");
        assertThat(story.get("cardEditable").asBoolean()).isTrue();
        assertThat(story.get("orderID").asText()).isEqualTo("SO-000042");
        assertThat(story.get("badCostCenter").asText()).isEqualTo("400 LineItem.InvalidCostCenter");
        assertThat(story.get("lineVariant").asText()).isEqualTo("tee-M");
        assertThat(story.get("lineRecord").asText()).isEqualTo("wh-tee");
        assertThat(story.get("lineCostCenter").asText()).isEqualTo("cc-mkt");
        assertThat(story.get("madeUpCard").asText()).isEqualTo("400 Payment.InvalidCreditCardID");
        assertThat(story.get("transactions").asInt()).isEqualTo(1);
        assertThat(story.get("status").asText()).isEqualTo("Open");
        assertThat(story.get("stockAfterSubmit").asInt()).isEqualTo(3);
        assertThat(story.get("shippedStatus").asText()).isEqualTo("Completed");
        assertThat(story.get("shippedID").asText()).isEqualTo("SO-000042");
        assertThat(story.get("overdraw").asText()).isEqualTo("400 Inventory.Insufficient");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
