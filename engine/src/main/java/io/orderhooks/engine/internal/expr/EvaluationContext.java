package io.orderhooks.engine.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The data an expression sees: JSON trees exactly as the wire models serialize with
 * {@link io.orderhooks.core.json.OrderCloudJson#mapper()} (PascalCase names, {@code xp} verbatim).
 *
 * <p>Use the factories: {@link #ofOrder} for order-level kinds and approval rules, {@link #ofLine} for
 * line-level kinds, then {@link #withCategories} / {@link #withApprovedRules} where needed. Null
 * components are normalized: a missing order reads as all-null fields, missing items as no items,
 * missing categories as {@link CategoryLookup#NONE}, missing approved rules as "nothing approved".
 *
 * <p>The context is immutable as long as the caller does not mutate the trees it passed in; share it
 * across threads only under that condition.
 *
 * @param order the order ({@code order.*})
 * @param items all lines of the order ({@code items.*(...)})
 * @param item the current line for line-level kinds ({@code item.*}); null for order-level ones
 * @param categories answers {@code product.incategory('X')}
 * @param approvedRules answers {@code order.approved('ruleID')}
 */
public record EvaluationContext(JsonNode order, List<JsonNode> items, JsonNode item,
        CategoryLookup categories, Predicate<String> approvedRules) {

    public EvaluationContext {
        order = order == null ? MissingNode.getInstance() : order;
        items = items == null ? List.of() : List.copyOf(items);
        categories = categories == null ? CategoryLookup.NONE : categories;
        approvedRules = approvedRules == null ? ruleID -> false : approvedRules;
    }

    /** A context for an order-level expression or approval rule. */
    public static EvaluationContext ofOrder(JsonNode order, List<JsonNode> items) {
        return new EvaluationContext(order, items, null, null, null);
    }

    /** A context for a line-level expression evaluated for {@code item} (normally one of {@code items}). */
    public static EvaluationContext ofLine(JsonNode order, List<JsonNode> items, JsonNode item) {
        return new EvaluationContext(order, items, Objects.requireNonNull(item, "item"), null, null);
    }

    /** This context with another current line (for evaluating a line-level expression line by line). */
    public EvaluationContext withItem(JsonNode line) {
        return new EvaluationContext(order, items, line, categories, approvedRules);
    }

    /** This context with a category lookup for {@code product.incategory('X')}. */
    public EvaluationContext withCategories(CategoryLookup lookup) {
        return new EvaluationContext(order, items, item, lookup, approvedRules);
    }

    /** This context with the set of approval rules already approved on the order. */
    public EvaluationContext withApprovedRules(Predicate<String> approved) {
        return new EvaluationContext(order, items, item, categories, approved);
    }
}
