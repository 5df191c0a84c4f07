package io.orderhooks.engine.internal.promotions.internal;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.LineItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which eligible lines of a line-level promotion get a discount: sorted by {@code ItemSortBy} (a comma-separated
 * list of line properties, {@code !} before a name for descending, as OrderCloud's {@code sortBy}), then cut to
 * {@code ItemLimitPerOrder} lines. Stateless and thread-safe.
 */
public final class LineSelection {

    private static final Map<String, Function<LineItem, Comparable<?>>> KEYS = Map.of(
            "id", LineItem::id,
            "productid", LineItem::productID,
            "quantity", LineItem::quantity,
            "unitprice", LineItem::unitPrice,
            "linesubtotal", LineItem::lineSubtotal,
            "dateadded", LineItem::dateAdded);

    private LineSelection() {}

    /** Checks an {@code ItemSortBy} value; 400 {@code ValidationFailure} naming the unknown property. */
    public static void validate(String itemSortBy) {
        comparator(itemSortBy);
    }

    /** The eligible lines in discount order, at most {@code itemLimit} of them (null = no limit). */
    public static List<LineItem> select(List<LineItem> eligible, String itemSortBy, Integer itemLimit) {
        List<LineItem> sorted = new ArrayList<>(eligible);
        Comparator<LineItem> c = comparator(itemSortBy);
        if (c != null) {
            sorted.sort(c);
        }
        return itemLimit == null || itemLimit >= sorted.size() ? sorted : sorted.subList(0, itemLimit);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<LineItem> comparator(String itemSortBy) {
        if (itemSortBy == null || itemSortBy.isBlank()) {
            return null;
        }
        Comparator<LineItem> out = null;
        for (String raw : itemSortBy.split(",")) {
            String part = raw.trim();
            boolean desc = part.startsWith("!");
            String name = desc ? part.substring(1).trim() : part;
            Function<LineItem, Comparable<?>> key = KEYS.get(name.toLowerCase(Locale.ROOT));
            if (key == null) {
                throw OrderCloudException.validation("ItemSortBy: cannot sort line items by '" + name
                        + "' (supported: ID, ProductID, Quantity, UnitPrice, LineSubtotal, DateAdded, each optionally prefixed with !)");
            }
            Comparator<Comparable> direction = desc ? Comparator.<Comparable>reverseOrder() : Comparator.<Comparable>naturalOrder();
            Comparator<LineItem> one = Comparator.comparing(l -> (Comparable) key.apply(l), Comparator.nullsLast(direction));
            out = out == null ? one : out.thenComparing(one);
        }
        return out;
    }
}
