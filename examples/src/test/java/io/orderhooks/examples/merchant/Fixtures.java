package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateItem;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small builders shared by the merchant plugin tests. */
final class Fixtures {

    private Fixtures() {}

    /** A US address in {@code state}, with ID {@code addr-STATE}. */
    static Address us(String state) {
        return address("US", state);
    }

    static Address address(String country, String state) {
        return Worksheets.DEFAULT_SHIP_TO.toBuilder().id("addr-" + country + "-" + state).country(country).state(state).build();
    }

    /** Sets the line's product: its ID, weight in lb (null for none) and xp as JSON. */
    static UnaryOperator<LineItem.Builder> product(String id, String weight, String xpJson) {
        LineItemProduct product = LineItemProduct.builder().id(id).name(id)
                .shipWeight(weight == null ? null : new BigDecimal(weight)).xp(json(xpJson)).build();
        return line -> line.product(product);
    }

    /** A product of tax category {@code category}, 1 lb. */
    static UnaryOperator<LineItem.Builder> taxCategory(String category) {
        return product("P-" + category, "1", "{\"TaxCategory\":\"" + category + "\"}");
    }

    /** A ship estimate covering {@code lineIDs} (quantity 1 each, as tax reads only the IDs) with one selected method. */
    static ShipEstimate selected(String estimateID, String cost, String... lineIDs) {
        List<ShipEstimateItem> items = Arrays.stream(lineIDs).map(id -> new ShipEstimateItem(id, 1)).toList();
        return new ShipEstimate(estimateID, null, "GROUND", items,
                List.of(new ShipMethod("GROUND", "Ground", new BigDecimal(cost), 3, null),
                        new ShipMethod("NEXT_DAY", "Next-Day", new BigDecimal("99.00"), 1, null)));
    }

    static JsonNode json(String json) {
        try {
            return OrderCloudJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
