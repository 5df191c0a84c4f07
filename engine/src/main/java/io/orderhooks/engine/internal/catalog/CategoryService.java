package io.orderhooks.engine.internal.catalog;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Category;
import io.orderhooks.core.model.CategoryAssignment;
import io.orderhooks.core.model.CategoryProductAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Category trees of catalogs ({@code v1/catalogs/{catalogID}/categories}): parent/child by {@code ParentID}
 * (no cycles), {@code ChildCount} computed on read, {@code ListOrder} among siblings (default: after the last;
 * {@code adjustListOrders} moves the siblings at or after it down by one), assignments to buyers/user groups
 * and product assignments. Administration is the seller's; reads are open to the seller, see
 * {@link #visibleTo} for buyers. Thread-safe.
 */
public final class CategoryService {

    private final EngineContext ctx;

    public CategoryService(EngineContext ctx) {
        this.ctx = ctx;
    }

    public Category save(Caller caller, String catalogID, String id, Category body, boolean create, boolean adjustListOrders) {
        Errors.requireSeller(caller);
        requireCatalog(catalogID);
        if (body.name() == null || body.name().isBlank()) {
            throw Errors.required("Name");
        }
        String stored = id == null || id.isBlank() ? ctx.ids().next() : id;
        Map<String, Category> all = byID(catalogID);
        requireParent(all, stored, body.parentID());
        List<Category> siblings = all.values().stream().filter(c -> !c.id().equals(stored)
                && Objects.equals(c.parentID(), body.parentID())).toList();
        int order = body.listOrder() != null ? body.listOrder()
                : siblings.stream().map(Category::listOrder).filter(Objects::nonNull).max(Integer::compare).orElse(0) + 1;
        Category value = new Category(stored, body.name(), body.description(), order, body.active() == null || body.active(),
                body.parentID(), null, body.xp());
        // the shifted siblings and the category commit together: a taken ID (409) shifts nothing
        ctx.store().allOrNothing(() -> {
            if (adjustListOrders) {
                siblings.stream().filter(c -> c.listOrder() != null && c.listOrder() >= order).forEach(c -> repo().put(key(catalogID, c.id()),
                        new Category(c.id(), c.name(), c.description(), c.listOrder() + 1, c.active(), c.parentID(), null, c.xp())));
            }
            repo().save(key(catalogID, stored), value, create, "Category", stored);
            return null;
        });
        return withChildCount(catalogID, value);
    }

    public Category get(Caller caller, String catalogID, String id) {
        Category c = repo().find(key(catalogID, id)).orElseThrow(() -> Errors.notFound("Category", id));
        if (!caller.isSeller() && !visibleTo(caller, catalogID).contains(id)) {
            throw Errors.notFound("Category", id);
        }
        return withChildCount(catalogID, c);
    }

    /**
     * The categories of a catalog down to {@code depth} ({@code "all"} or a number, default 1) below
     * {@code parentID} (null: the top level), by {@code ListOrder}; a buyer sees only {@link #visibleTo} ones.
     */
    public List<Category> list(Caller caller, String catalogID, String parentID, String depth) {
        if (caller.isSeller()) {
            requireCatalog(catalogID);
        }
        Map<String, Category> all = byID(catalogID);
        if (parentID != null && !all.containsKey(parentID)) {
            throw Errors.notFound("Category", parentID);
        }
        int max = depth(depth, 1);
        Set<String> visible = caller.isSeller() ? all.keySet() : visibleTo(caller, catalogID);
        return all.values().stream().filter(c -> visible.contains(c.id()))
                .filter(c -> levelBelow(all, c, parentID) >= 1 && levelBelow(all, c, parentID) <= max)
                .sorted(Comparator.comparing((Category c) -> c.listOrder() == null ? Integer.MAX_VALUE : c.listOrder()))
                .map(c -> withChildCount(catalogID, c)).toList();
    }

    /** Deletes a category, its assignments, product assignments and (recursively) its children. */
    public void delete(Caller caller, String catalogID, String id) {
        Errors.requireSeller(caller);
        if (repo().find(key(catalogID, id)).isEmpty()) {
            throw Errors.notFound("Category", id);
        }
        for (Category child : byID(catalogID).values()) {
            if (id.equals(child.parentID())) {
                delete(caller, catalogID, child.id());
            }
        }
        repo().delete(key(catalogID, id));
        deleteAll(ctx.store().table(Tables.CATEGORY_ASSIGNMENTS), key(catalogID, id) + "/",
                a -> Table.key(catalogID, id, Tables.part(a.buyerID()), Tables.part(a.userGroupID())));
        deleteAll(ctx.store().table(Tables.CATEGORY_PRODUCTS), key(catalogID, id) + "/", a -> Table.key(catalogID, id, a.productID()));
    }

    public void assign(Caller caller, String catalogID, CategoryAssignment a) {
        Errors.requireSeller(caller);
        requireCategory(catalogID, a.categoryID());
        if (a.buyerID() == null || ctx.store().table(Tables.BUYERS).find(a.buyerID()).isEmpty()) {
            throw a.buyerID() == null ? Errors.required("BuyerID") : Errors.notFound("Buyer", a.buyerID());
        }
        if (a.userGroupID() != null && ctx.store().table(Tables.USER_GROUPS).find(Table.key(a.buyerID(), a.userGroupID())).isEmpty()) {
            throw Errors.notFound("UserGroup", a.userGroupID());
        }
        CategoryAssignment stored = new CategoryAssignment(a.categoryID(), a.buyerID(), a.userGroupID(),
                a.visible() == null || a.visible(), a.viewAllProducts() == null || a.viewAllProducts());
        ctx.store().table(Tables.CATEGORY_ASSIGNMENTS).put(Table.key(catalogID, a.categoryID(), a.buyerID(), Tables.part(a.userGroupID())), stored);
    }

    public void unassign(Caller caller, String catalogID, String categoryID, String buyerID, String groupID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.CATEGORY_ASSIGNMENTS).delete(Table.key(catalogID, categoryID, Tables.part(buyerID), Tables.part(groupID)))) {
            throw Errors.notFound("CategoryAssignment", categoryID);
        }
    }

    public List<CategoryAssignment> assignments(Caller caller, String catalogID) {
        Errors.requireSeller(caller);
        requireCatalog(catalogID);
        return ctx.store().table(Tables.CATEGORY_ASSIGNMENTS).listWithPrefix(catalogID + "/");
    }

    public void assignProduct(Caller caller, String catalogID, CategoryProductAssignment a) {
        Errors.requireSeller(caller);
        requireCategory(catalogID, a.categoryID());
        if (a.productID() == null || ctx.store().table(Tables.PRODUCTS).find(a.productID()).isEmpty()) {
            throw a.productID() == null ? Errors.required("ProductID") : Errors.notFound("Product", a.productID());
        }
        ctx.store().table(Tables.CATEGORY_PRODUCTS).put(Table.key(catalogID, a.categoryID(), a.productID()), a);
    }

    public void unassignProduct(Caller caller, String catalogID, String categoryID, String productID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.CATEGORY_PRODUCTS).delete(Table.key(catalogID, categoryID, productID))) {
            throw Errors.notFound("CategoryProductAssignment", categoryID + "/" + productID);
        }
    }

    public List<CategoryProductAssignment> productAssignments(Caller caller, String catalogID) {
        Errors.requireSeller(caller);
        requireCatalog(catalogID);
        return ctx.store().table(Tables.CATEGORY_PRODUCTS).listWithPrefix(catalogID + "/");
    }

    /**
     * The IDs of products in {@code categoryID} or its descendants down to {@code depth} ({@code "all"}, the
     * default, or a number; 1 = the category itself). 404 when the category is not in the catalog.
     */
    public Set<String> productsIn(String catalogID, String categoryID, String depth) {
        Map<String, Category> all = byID(catalogID);
        if (!all.containsKey(categoryID)) {
            throw Errors.notFound("Category", categoryID);
        }
        int max = depth(depth, Integer.MAX_VALUE);
        Set<String> categories = all.values().stream().filter(c -> c.id().equals(categoryID)
                || (levelBelow(all, c, categoryID) >= 1 && levelBelow(all, c, categoryID) < max)).map(Category::id).collect(Collectors.toSet());
        return categories.stream().flatMap(id -> ctx.store().table(Tables.CATEGORY_PRODUCTS).listWithPrefix(key(catalogID, id) + "/").stream())
                .map(CategoryProductAssignment::productID).collect(Collectors.toSet());
    }

    /**
     * The categories a buyer user sees in a catalog: all of them when the buyer's catalog assignment has
     * {@code ViewAllCategories}, else those assigned (visible) to the buyer or one of the user's groups, plus their
     * ancestors' path only as far as assigned. Empty when the catalog is not the buyer's.
     */
    public Set<String> visibleTo(Caller caller, String catalogID) {
        var catalogs = new ProductAccess(ctx).catalogsOf(caller.companyID());
        if (!catalogs.containsKey(catalogID)) {
            return Set.of();
        }
        if (Boolean.TRUE.equals(catalogs.get(catalogID).viewAllCategories())) {
            return byID(catalogID).values().stream().filter(c -> !Boolean.FALSE.equals(c.active())).map(Category::id).collect(Collectors.toSet());
        }
        Set<String> groups = new ProductAccess(ctx).groupsOf(caller.companyID(), caller.userID());
        return ctx.store().table(Tables.CATEGORY_ASSIGNMENTS).listWithPrefix(catalogID + "/").stream()
                .filter(a -> caller.companyID().equals(a.buyerID()) && (a.userGroupID() == null || groups.contains(a.userGroupID())))
                .filter(a -> !Boolean.FALSE.equals(a.visible())).map(CategoryAssignment::categoryID)
                .filter(id -> repo().find(key(catalogID, id)).map(c -> !Boolean.FALSE.equals(c.active())).orElse(false))
                .collect(Collectors.toSet());
    }

    /** The catalogs of a buyer user (to search categories when no {@code catalogID} is given). */
    public List<String> catalogsOf(Caller caller) {
        return new ArrayList<>(new ProductAccess(ctx).catalogsOf(caller.companyID()).keySet());
    }

    private static int depth(String depth, int fallback) {
        if (depth == null || depth.isBlank()) {
            return fallback;
        }
        if (depth.equalsIgnoreCase("all")) {
            return Integer.MAX_VALUE;
        }
        try {
            int d = Integer.parseInt(depth);
            if (d < 1) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw OrderCloudException.validation("depth must be 'all' or a positive integer, was " + depth);
        }
    }

    /** How many levels {@code c} is below {@code ancestorID} (null: the root); 0 when it is not below it. */
    private static int levelBelow(Map<String, Category> all, Category c, String ancestorID) {
        int level = 1;
        for (Category at = c; at != null; at = at.parentID() == null ? null : all.get(at.parentID()), level++) {
            if (Objects.equals(at.parentID(), ancestorID)) {
                return level;
            }
            if (level > all.size()) {
                return 0;
            }
        }
        return 0;
    }

    private void requireParent(Map<String, Category> all, String id, String parentID) {
        if (parentID == null) {
            return;
        }
        if (!all.containsKey(parentID)) {
            throw Errors.bad("Category.ParentNotFound", "ParentID does not name a category of this catalog: " + parentID);
        }
        for (String at = parentID; at != null; at = all.containsKey(at) ? all.get(at).parentID() : null) {
            if (at.equals(id)) {
                throw Errors.bad("Category.CircularReference", "A category cannot be its own ancestor: " + id);
            }
        }
    }

    private Category withChildCount(String catalogID, Category c) {
        int children = (int) repo().listWithPrefix(catalogID + "/").stream().filter(x -> c.id().equals(x.parentID())).count();
        return new Category(c.id(), c.name(), c.description(), c.listOrder(), c.active(), c.parentID(), children, c.xp());
    }

    private Map<String, Category> byID(String catalogID) {
        return repo().listWithPrefix(catalogID + "/").stream().collect(Collectors.toMap(Category::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private void requireCatalog(String catalogID) {
        ctx.store().table(Tables.CATALOGS).find(catalogID).orElseThrow(() -> Errors.notFound("Catalog", catalogID));
    }

    private void requireCategory(String catalogID, String categoryID) {
        requireCatalog(catalogID);
        if (categoryID == null || repo().find(key(catalogID, categoryID)).isEmpty()) {
            throw categoryID == null ? Errors.required("CategoryID") : Errors.notFound("Category", categoryID);
        }
    }

    private static <T> void deleteAll(Repository<T> repo, String prefix, Function<T, String> keyOf) {
        repo.listWithPrefix(prefix).forEach(x -> repo.delete(keyOf.apply(x)));
    }

    private Repository<Category> repo() {
        return ctx.store().table(Tables.CATEGORIES);
    }

    private static String key(String catalogID, String id) {
        return Table.key(catalogID, id);
    }
}
