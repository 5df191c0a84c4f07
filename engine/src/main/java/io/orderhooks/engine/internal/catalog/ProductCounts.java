package io.orderhooks.engine.internal.catalog;

import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.SpecProductAssignment;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.store.Tables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code SpecCount}, the read-only count OrderCloud computes on a product: the specs assigned to it that still
 * exist. Whatever a client sent for it is replaced on every read. ({@code VariantCount} is kept on the stored
 * product by variant generation, see {@link VariantService}, and survives product saves.)
 */
public final class ProductCounts {

    private final EngineContext ctx;

    public ProductCounts(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** {@code p} with its count. */
    public Product of(Product p) {
        return of(List.of(p)).get(0);
    }

    /** {@code products} with their counts, from one pass over the specs and one over the spec assignments. */
    public List<Product> of(List<Product> products) {
        if (products.isEmpty()) {
            return products;
        }
        Set<String> specs = ctx.store().table(Tables.SPECS).list().stream().map(Spec::id).collect(Collectors.toSet());
        Map<String, Integer> counts = new HashMap<>();
        for (SpecProductAssignment a : ctx.store().table(Tables.SPEC_PRODUCTS).list()) {
            if (specs.contains(a.specID())) {
                counts.merge(a.productID(), 1, Integer::sum);
            }
        }
        return products.stream().map(p -> p.toBuilder().specCount(counts.getOrDefault(p.id(), 0)).build()).toList();
    }
}
