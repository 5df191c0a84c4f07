package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.orders.MarketplaceApi.refused;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Specs, options with markups and spec-product assignments, priced on lines added over HTTP. */
class SpecPricingAcceptanceTest {

    final MarketplaceApi m = new MarketplaceApi();
    final ApiTestServer api = m.api;

    /**
     * widget (1 → 10.00, 5 → 8.50) gets spec {@code size} (S: no markup, XL: +1.25 per unit) and spec
     * {@code gift} (wrap: +10%, plain: no markup); gadget gets the required spec {@code engraving} (no default).
     */
    @BeforeEach
    void specs() {
        ok(api.post("/v1/specs", m.admin, json(Map.of("ID", "size", "Name", "Size", "ListOrder", 1))));
        ok(api.post("/v1/specs/size/options", m.admin, json(Map.of("ID", "S", "Value", "Small", "PriceMarkupType", "NoMarkup"))));
        Response xl = api.post("/v1/specs/size/options", m.admin, json(Map.of("ID", "XL", "Value", "Extra large",
                "PriceMarkupType", "AmountPerQuantity", "PriceMarkup", 1.25)));
        assertThat(xl.status()).isEqualTo(201);
        assertThat(xl.body().get("PriceMarkup").decimalValue()).isEqualByComparingTo("1.25");
        ok(api.post("/v1/specs", m.admin, json(Map.of("ID", "gift", "Name", "Gift", "ListOrder", 2))));
        ok(api.post("/v1/specs/gift/options", m.admin, json(Map.of("ID", "wrap", "Value", "Wrapped",
                "PriceMarkupType", "Percentage", "PriceMarkup", 10))));
        ok(api.post("/v1/specs/gift/options", m.admin, json(Map.of("ID", "plain", "Value", "Plain", "PriceMarkupType", "NoMarkup"))));
        ok(api.post("/v1/specs", m.admin, json(Map.of("ID", "engraving", "Name", "Engraving", "Required", true))));
        ok(api.post("/v1/specs/engraving/options", m.admin, json(Map.of("ID", "initials", "Value", "Initials",
                "PriceMarkupType", "AmountTotal", "PriceMarkup", 2.00))));
        for (String[] a : new String[][] {{"size", "widget"}, {"gift", "widget"}, {"engraving", "gadget"}}) {
            assertThat(api.post("/v1/specs/productassignments", m.admin, json(Map.of("SpecID", a[0], "ProductID", a[1]))).status())
                    .isEqualTo(204);
        }
        ok(api.post("/v1/orders/Outgoing", m.shopper, json(Map.of("ID", "o1"))));
    }

    @AfterEach
    void stop() {
        m.close();
    }

    Response addLine(String productID, int quantity, Map<?, ?>... specs) {
        return api.post("/v1/orders/Outgoing/o1/lineitems", m.shopper, json(Map.of("ProductID", productID, "Quantity", quantity,
                "Specs", List.of(specs))));
    }

    static Map<String, String> spec(String specID, String optionID) {
        return Map.of("SpecID", specID, "OptionID", optionID);
    }

    @Test
    void theBuyerSeesTheSpecsAssignedToAProductWithTheirOptions() {
        Response specs = api.get("/v1/me/products/widget/specs?sortBy=ListOrder", m.shopper);
        assertThat(specs.status()).isEqualTo(200);
        assertThat(specs.body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(specs.body().at("/Items/0/ID").asText()).isEqualTo("size");
        assertThat(api.get("/v1/specs/productassignments?ProductID=widget", m.admin).body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        JsonNode options = api.get("/v1/specs/size/options", m.admin).body();
        assertThat(options.at("/Meta/TotalCount").asInt()).isEqualTo(2);
    }

    @Test
    void anAmountPerQuantityMarkupAddsToTheBreakPriceOfEveryUnit() {
        Response line = addLine("widget", 2, spec("size", "XL"));
        assertThat(line.status()).isEqualTo(201);
        assertThat(line.body().get("UnitPrice").decimalValue()).isEqualByComparingTo("11.25");
        assertThat(line.body().get("LineSubtotal").decimalValue()).isEqualByComparingTo("22.50");
        assertThat(line.body().at("/Specs/0/SpecID").asText()).isEqualTo("size");
        assertThat(line.body().at("/Specs/0/OptionID").asText()).isEqualTo("XL");
        assertThat(line.body().at("/Specs/0/Value").asText()).isEqualTo("Extra large");
        assertThat(line.body().at("/Specs/0/PriceMarkupType").asText()).isEqualTo("AmountPerQuantity");
        assertThat(line.body().at("/Specs/0/PriceMarkup").decimalValue()).isEqualByComparingTo("1.25");
    }

    @Test
    void aPercentageMarkupIsTakenOfTheBreakPriceAndCombinesWithAnAmountMarkup() {
        Response wrapped = addLine("widget", 3, spec("gift", "wrap"));
        assertThat(wrapped.body().get("UnitPrice").decimalValue()).isEqualByComparingTo("11.00");
        assertThat(wrapped.body().get("LineSubtotal").decimalValue()).isEqualByComparingTo("33.00");

        Response both = addLine("widget", 6, spec("size", "XL"), spec("gift", "wrap"));
        assertThat(both.body().get("UnitPrice").decimalValue()).as("8.50 + 1.25 + 0.85").isEqualByComparingTo("10.60");
        assertThat(both.body().get("LineSubtotal").decimalValue()).isEqualByComparingTo("63.60");
        assertThat(api.get("/v1/orders/Outgoing/o1", m.shopper).body().get("Subtotal").decimalValue()).isEqualByComparingTo("96.60");
    }

    @Test
    void patchingASpecRepricesTheLine() {
        String id = addLine("widget", 2, spec("size", "XL")).body().get("ID").asText();
        Response patched = api.patch("/v1/orders/Outgoing/o1/lineitems/" + id, m.shopper,
                json(Map.of("Specs", List.of(spec("size", "S")))));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("UnitPrice").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(patched.body().get("LineSubtotal").decimalValue()).isEqualByComparingTo("20.00");
    }

    @Test
    void anUnknownOptionOrASpecNotOnTheProductIsOptionNotFoundAndAddsNothing() {
        addLine("widget", 1, spec("size", "S"));
        Response unknown = refused(addLine("widget", 2, spec("size", "XXL")), 400, "Spec.OptionNotFound");
        assertThat(unknown.body().at("/Errors/0/Message").asText()).contains("XXL");
        refused(addLine("widget", 2, spec("engraving", "initials")), 400, "Spec.OptionNotFound");
        refused(addLine("widget", 2, spec("gift", "initials")), 400, "Spec.OptionNotFound");

        JsonNode lines = api.get("/v1/orders/Outgoing/o1/lineitems", m.shopper).body();
        assertThat(lines.at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/orders/Outgoing/o1", m.shopper).body().get("Subtotal").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void aRequiredSpecWithoutASelectionIsRequiresSelectionAndAddsNothing() {
        Response missing = refused(addLine("gadget", 2), 400, "Spec.RequiresSelection");
        assertThat(missing.body().at("/Errors/0/Message").asText()).contains("engraving");
        assertThat(api.get("/v1/orders/Outgoing/o1/lineitems", m.shopper).body().at("/Meta/TotalCount").asInt()).isZero();

        Response chosen = addLine("gadget", 4, spec("engraving", "initials"));
        assertThat(chosen.status()).isEqualTo(201);
        assertThat(chosen.body().get("UnitPrice").decimalValue()).as("3.25 + 2.00 / 4").isEqualByComparingTo("3.75");
        assertThat(chosen.body().get("LineSubtotal").decimalValue()).isEqualByComparingTo("15.00");
    }

    @Test
    void aRequiredSpecWithADefaultOptionTakesIt() {
        ok(api.patch("/v1/specs/engraving", m.admin, json(Map.of("DefaultOptionID", "initials"))));
        Response line = addLine("gadget", 2);
        assertThat(line.status()).isEqualTo(201);
        assertThat(line.body().at("/Specs/0/OptionID").asText()).isEqualTo("initials");
        assertThat(line.body().get("UnitPrice").decimalValue()).isEqualByComparingTo("4.25");
        assertThat(line.body().get("LineSubtotal").decimalValue()).isEqualByComparingTo("8.50");
    }
}
