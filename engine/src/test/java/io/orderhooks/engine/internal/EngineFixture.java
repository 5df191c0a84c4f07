package io.orderhooks.engine.internal;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.User;
import java.math.BigDecimal;
import java.util.List;

/** A small marketplace: seller, buyer b1 with users u1/u2, buyer b2 with user x1, product P1 (10 / 9 from 10 / 8 from 50). */
final class EngineFixture extends EngineFixtureBase {

    final Caller u2 = Caller.buyer("u2", "b1", "client", "Shopper");

    EngineFixture() {
        this(b -> b);
    }

    /** The same marketplace on an engine built with {@code options} (e.g. another store). */
    EngineFixture(java.util.function.UnaryOperator<Engine.Builder> options) {
        super("{}", options);
        var cat = engine.catalog();
        cat.saveCatalog(seller, Catalog.builder().id("cat").name("Main").build());
        cat.saveCatalog(seller, Catalog.builder().id("cat2").name("Other").build());
        engine.orgs().saveBuyer(seller, new Buyer("b1", "Buyer One", "cat", true, null, null));
        engine.orgs().saveBuyer(seller, new Buyer("b2", "Buyer Two", "cat2", true, null, null));
        for (String[] u : new String[][] {{"b1", "u1"}, {"b1", "u2"}, {"b2", "x1"}}) {
            engine.orgs().saveUser(seller, u[0], User.builder().id(u[1]).username(u[1] + "@x").password("pw-" + u[1]).active(true).build());
        }
        cat.savePriceSchedule(seller, PriceSchedule.builder().id("ps1").name("P1 prices").priceBreaks(List.of(
                new PriceBreak(1, new BigDecimal("10.00"), null), new PriceBreak(10, new BigDecimal("9.00"), null),
                new PriceBreak(50, new BigDecimal("8.00"), null))).build());
        cat.createProduct(seller, Product.builder().id("P1").name("Shirt").active(true).defaultPriceScheduleID("ps1").build());
        cat.assignProductToCatalog(seller, new ProductCatalogAssignment("cat", "P1"));
        saveCheckoutIntegration(OrderCloudJson.mapper().createObjectNode().put("k", "v"));
    }

    /** A fake checkout middleware: fixed rates, tax 10% of the subtotal, empty answers for submit. */
    void standardMiddleware() {
        integration.set(c -> switch (c.type()) {
            case SHIPPING_RATES -> ok("{\"ShipEstimates\":[{\"ID\":\"e1\",\"ShipMethods\":[{\"ID\":\"ground\",\"Name\":\"Ground\",\"Cost\":5.00},"
                    + "{\"ID\":\"air\",\"Name\":\"Air\",\"Cost\":15.00}]}]}");
            case ORDER_CALCULATE -> ok("{\"TaxTotal\":2.00}");
            default -> ok("{\"xp\":{\"Exported\":true}}");
        });
    }
}
