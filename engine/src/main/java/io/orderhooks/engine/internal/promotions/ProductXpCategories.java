package io.orderhooks.engine.internal.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.expr.CategoryLookup;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.Tables;
import java.util.Objects;

/**
 * The default {@link CategoryLookup}: the engine has no category resource, so a product's categories are the
 * strings in its {@code xp.Categories} array (a single string counts as one category), read from the catalog
 * as it is now. IDs compare exactly. A product that does not exist is in no category. Thread-safe.
 */
public final class ProductXpCategories implements CategoryLookup {

    private final Store store;

    public ProductXpCategories(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean inCategory(String productID, String categoryID) {
        JsonNode cats = store.table(Tables.PRODUCTS).find(productID)
                .map(p -> p.xp() == null ? null : p.xp().get("Categories")).orElse(null);
        if (cats == null) {
            return false;
        }
        if (cats.isTextual()) {
            return cats.asText().equals(categoryID);
        }
        for (JsonNode c : cats) {
            if (c.isTextual() && c.asText().equals(categoryID)) {
                return true;
            }
        }
        return false;
    }
}
