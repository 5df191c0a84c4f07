package io.orderhooks.engine.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A realistic cart serialized exactly as the wire models are: three lines (2 SHIRT at 25.00, 3 MUG at
 * 10.00, 1 HAT at 70.00), Subtotal 150.00, Total 230.50, xp.Department "Finance".
 * Categories: SHIRT and HAT in Apparel, MUG in Kitchen. Approved rules: rule1.
 */
final class SampleOrder {

    static final ObjectMapper JSON = OrderCloudJson.mapper();

    static final JsonNode ORDER = JSON.valueToTree(Order.builder()
            .id("o1").fromUserID("buyer1").status(OrderStatus.Unsubmitted).lineItemCount(3)
            .billingAddress(Address.builder().id("a1").city("Minneapolis").state("MN").country("US").build())
            .dateCreated(OffsetDateTime.parse("2024-05-01T10:00:00+00:00"))
            .subtotal(new BigDecimal("150.00")).shippingCost(new BigDecimal("68.00")).taxCost(new BigDecimal("12.50"))
            .gratuity(BigDecimal.ZERO).fees(BigDecimal.ZERO).promotionDiscount(BigDecimal.ZERO)
            .total(new BigDecimal("230.50")).currency("USD").isSubmitted(false)
            .xp(tree("{\"Department\":\"Finance\",\"Priority\":2,\"Rush\":true,\"Code\":\"12.5\","
                    + "\"Region\":{\"Name\":\"North\"},\"Tags\":[\"a\",\"b\"],\"Deadline\":\"2024-06-01\"}"))
            .build());

    static final JsonNode SHIRT = line("L1", "SHIRT", 2, "25.00", "ABC", "{\"OnSale\":true}",
            "{\"Clearance\":false,\"Color\":\"Red\"}");
    static final JsonNode MUG = line("L2", "MUG", 3, "10.00", "XYZ", "{\"OnSale\":true}", "{\"Clearance\":true}");
    static final JsonNode HAT = line("L3", "HAT", 1, "70.00", "ABC", "{\"OnSale\":false}", null);

    static final List<JsonNode> ITEMS = List.of(SHIRT, MUG, HAT);

    static final Map<String, Set<String>> CATEGORIES = Map.of("SHIRT", Set.of("Apparel"), "HAT", Set.of("Apparel"),
            "MUG", Set.of("Kitchen"));

    static final CategoryLookup LOOKUP = (product, category) ->
            CATEGORIES.getOrDefault(product, Set.of()).contains(category);

    private SampleOrder() {}

    /** The whole order, categories and approved rule1, for order-level kinds. */
    static EvaluationContext orderContext() {
        return EvaluationContext.ofOrder(ORDER, ITEMS).withCategories(LOOKUP).withApprovedRules("rule1"::equals);
    }

    /** The whole order with {@code line} as the current item. */
    static EvaluationContext lineContext(JsonNode line) {
        return EvaluationContext.ofLine(ORDER, ITEMS, line).withCategories(LOOKUP);
    }

    private static JsonNode line(String id, String product, int quantity, String price, String costCenter,
            String productXp, String xp) {
        BigDecimal unit = new BigDecimal(price);
        return JSON.valueToTree(LineItem.builder()
                .id(id).productID(product).quantity(quantity).unitPrice(unit)
                .lineSubtotal(unit.multiply(BigDecimal.valueOf(quantity))).lineTotal(unit.multiply(BigDecimal.valueOf(quantity)))
                .promotionDiscount(BigDecimal.ZERO).costCenter(costCenter).supplierID("SUP1")
                .product(LineItemProduct.builder().id(product).name(product.toLowerCase()).xp(tree(productXp)).build())
                .xp(tree(xp))
                .build());
    }

    static JsonNode tree(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
