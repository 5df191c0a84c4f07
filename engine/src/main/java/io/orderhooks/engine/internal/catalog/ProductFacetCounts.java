package io.orderhooks.engine.internal.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductFacet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OrderCloud's {@code Meta.Facets} of a product list: for each facet (in {@link ProductFacetService#ORDER}), the
 * values found at its {@code XpPath} in the products' {@code xp} with how many products carry each. A string, number
 * or boolean is one value (numbers and booleans as their JSON text); an array gives each of its scalar elements; a
 * product counts once per distinct value; objects, nulls and missing paths count nothing. Values below
 * {@code MinCount} (and never-seen ones) are left out; values are ordered by count, most first, then by value.
 * Counting runs over every product that matched the list's filters and search, not only the page.
 */
public final class ProductFacetCounts {

    private ProductFacetCounts() {}

    /** The {@code ListFacet} array for {@code products} (all matches of the list, before paging). */
    public static ArrayNode of(List<ProductFacet> facets, Collection<Product> products) {
        ArrayNode out = OrderCloudJson.mapper().createArrayNode();
        for (ProductFacet facet : facets) {
            String[] path = facet.xpPath().split("\\.");
            Map<String, Integer> counts = new HashMap<>();
            for (Product p : products) {
                for (String value : values(at(p.xp(), path))) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
            out.add(listFacet(facet, counts));
        }
        return out;
    }

    private static ObjectNode listFacet(ProductFacet facet, Map<String, Integer> counts) {
        ObjectNode node = OrderCloudJson.mapper().createObjectNode();
        node.put("Name", facet.name());
        node.put("XpPath", facet.xpPath());
        ArrayNode values = node.putArray("Values");
        int min = Math.max(1, facet.minCount());
        counts.entrySet().stream().filter(e -> e.getValue() >= min)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> values.addObject().put("Value", e.getKey()).put("Count", e.getValue()));
        node.set("xp", facet.xp());
        return node;
    }

    private static JsonNode at(JsonNode xp, String[] path) {
        JsonNode node = xp;
        for (String key : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(key);
        }
        return node;
    }

    private static Set<String> values(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        if (node == null) {
            return out;
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            if (item.isValueNode() && !item.isNull()) {
                out.add(item.asText());
            }
        }
        return out;
    }
}
