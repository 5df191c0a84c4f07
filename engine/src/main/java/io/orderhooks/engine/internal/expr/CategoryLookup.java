package io.orderhooks.engine.internal.expr;

/**
 * Answers {@code product.incategory('catID')}: whether a product is assigned to a category.
 *
 * <p>Called during evaluation, possibly many times per expression and from several threads at once;
 * implementations should be fast, side-effect free and thread-safe. An exception thrown here propagates
 * out of the evaluation unchanged.
 */
@FunctionalInterface
public interface CategoryLookup {

    /** A lookup for which no product is in any category. */
    CategoryLookup NONE = (productID, categoryID) -> false;

    /**
     * @param productID the line's {@code ProductID} (never null: a line without one is in no category)
     * @param categoryID the category ID exactly as written in the expression
     */
    boolean inCategory(String productID, String categoryID);
}
