package io.orderhooks.engine.internal.catalog;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.grouporders.Contributors;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.CatalogAssignment;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductAssignment;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.SpecOption;
import io.orderhooks.core.model.SpecProductAssignment;
import io.orderhooks.core.model.UserGroupAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a buyer user may see and buy, and at which price schedule.
 *
 * <p>A product is visible to a buyer user when it is {@code Active} and in an active catalog the buyer can
 * access (assigned by a {@code CatalogAssignment}, or the buyer's {@code DefaultCatalogID}), and either that
 * catalog assignment has {@code ViewAllProducts} (a default catalog counts as such) or a
 * {@code ProductAssignment} names the buyer (no group) or one of the user's groups. The price schedule is the
 * one of the user's group assignment, else of the buyer assignment, else the product's
 * {@code DefaultPriceScheduleID}. Stateless over the store; thread-safe.
 */
public final class ProductAccess {

    /** A visible product and the price schedule that applies to this caller (null when none). */
    public record Visible(Product product, String priceScheduleID) {}

    private final EngineContext ctx;

    public ProductAccess(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The product if the buyer caller may see it; empty for anyone else or an invisible product. A group-order
     * contributor sees exactly what its order's creator sees (401 when its invitation is no longer live).
     */
    public Optional<Visible> visible(Caller who, String productID) {
        if (!who.isBuyer()) {
            return Optional.empty();
        }
        Caller caller = Contributors.catalogViewer(ctx, who);
        Optional<Product> product = ctx.store().table(Tables.PRODUCTS).find(productID);
        if (product.isEmpty() || !Boolean.TRUE.equals(product.get().active())) {
            return Optional.empty();
        }
        Map<String, CatalogAssignment> catalogs = catalogsOf(caller.companyID());
        List<String> productCatalogs = catalogs.keySet().stream()
                .filter(c -> ctx.store().table(Tables.PRODUCT_CATALOGS).find(Table.key(c, productID)).isPresent()).toList();
        if (productCatalogs.isEmpty()) {
            return Optional.empty();
        }
        Set<String> groups = groupsOf(caller.companyID(), caller.userID());
        List<ProductAssignment> assignments = ctx.store().table(Tables.PRODUCT_ASSIGNMENTS)
                .listWithPrefix(Table.key(productID, caller.companyID()) + "/").stream()
                .filter(a -> a.userGroupID() == null || groups.contains(a.userGroupID())).toList();
        boolean viewAll = productCatalogs.stream().anyMatch(c -> Boolean.TRUE.equals(catalogs.get(c).viewAllProducts()));
        if (!viewAll && assignments.isEmpty()) {
            return Optional.empty();
        }
        String schedule = assignments.stream().filter(a -> a.priceScheduleID() != null)
                .min(Comparator.comparing(a -> a.userGroupID() == null ? 1 : 0))
                .map(ProductAssignment::priceScheduleID).orElse(product.get().defaultPriceScheduleID());
        return Optional.of(new Visible(product.get(), schedule));
    }

    /** The price schedule a buyer caller buys {@code productID} at; 404 if invisible, 400 if it has none. */
    public PriceSchedule scheduleFor(Caller caller, String productID) {
        Visible v = visible(caller, productID).orElseThrow(() -> Errors.notFound("Product", productID));
        if (v.priceScheduleID() == null) {
            throw Errors.bad("PriceSchedule.MissingOrConflicting",
                    "You cannot add this Product to this Order. Price Schedule assigment is missing or associated with a conflicting order type.");
        }
        return ctx.store().table(Tables.PRICE_SCHEDULES).find(v.priceScheduleID())
                .orElseThrow(() -> Errors.bad("PriceSchedule.MissingOrConflicting", "Price schedule " + v.priceScheduleID() + " no longer exists."));
    }

    /** The active catalogs a buyer can access, with their assignment (a default catalog views all products). */
    public Map<String, CatalogAssignment> catalogsOf(String buyerID) {
        Map<String, CatalogAssignment> out = new LinkedHashMap<>();
        Optional<Buyer> buyer = ctx.store().table(Tables.BUYERS).find(buyerID);
        if (buyer.isEmpty()) {
            return out;
        }
        if (buyer.get().defaultCatalogID() != null) {
            out.put(buyer.get().defaultCatalogID(), new CatalogAssignment(buyer.get().defaultCatalogID(), buyerID, true, true));
        }
        for (CatalogAssignment a : ctx.store().table(Tables.CATALOG_ASSIGNMENTS).list()) {
            if (buyerID.equals(a.buyerID())) {
                out.merge(a.catalogID(), a, (x, y) -> Boolean.TRUE.equals(x.viewAllProducts()) ? x : y);
            }
        }
        out.keySet().removeIf(id -> ctx.store().table(Tables.CATALOGS).find(id).map(c -> Boolean.FALSE.equals(c.active())).orElse(true));
        return out;
    }

    public boolean inBuyerCatalog(String buyerID, String productID) {
        return catalogsOf(buyerID).keySet().stream()
                .anyMatch(c -> ctx.store().table(Tables.PRODUCT_CATALOGS).find(Table.key(c, productID)).isPresent());
    }

    /** The IDs of the user groups {@code userID} of company {@code companyID} belongs to. */
    public Set<String> groupsOf(String companyID, String userID) {
        return ctx.store().table(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(companyID + "/").stream()
                .filter(a -> userID.equals(a.userID())).map(UserGroupAssignment::userGroupID).collect(Collectors.toSet());
    }

    /** The specs assigned to a product, by {@code ListOrder}. */
    public List<Spec> specs(String productID) {
        return ctx.store().table(Tables.SPEC_PRODUCTS).list().stream().filter(a -> productID.equals(a.productID()))
                .map(SpecProductAssignment::specID).map(id -> ctx.store().table(Tables.SPECS).find(id)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(s -> s.listOrder() == null ? 0 : s.listOrder())).toList();
    }

    /**
     * Resolves a line's spec choices against the product's specs: unknown options fail with
     * {@code Spec.OptionNotFound}; a required spec without a choice takes its {@code DefaultOptionID} or fails
     * with {@code Spec.RequiresSelection}; open text is allowed only where {@code AllowOpenText}.
     */
    public List<SpecChoice> resolveSpecs(String productID, List<LineItemSpec> chosen) {
        List<LineItemSpec> given = chosen == null ? List.of() : chosen;
        List<Spec> specs = specs(productID);
        for (LineItemSpec c : given) {
            if (specs.stream().noneMatch(s -> s.id().equals(c.specID()))) {
                throw Errors.bad("Spec.OptionNotFound", "Spec " + c.specID() + " does not apply to product " + productID);
            }
        }
        List<SpecChoice> out = new ArrayList<>();
        for (Spec spec : specs) {
            LineItemSpec c = given.stream().filter(g -> spec.id().equals(g.specID())).findFirst().orElse(null);
            String optionID = c != null ? c.optionID() : null;
            if (c != null && optionID == null && c.value() != null) {
                if (!Boolean.TRUE.equals(spec.allowOpenText())) {
                    throw Errors.bad("Spec.RequiresSelection", "Spec " + spec.id() + " requires a selection.");
                }
                out.add(new SpecChoice(spec.id(), spec.name(), null, c.value(), "NoMarkup", null));
                continue;
            }
            if (optionID == null) {
                optionID = spec.defaultOptionID();
            }
            if (optionID == null) {
                if (Boolean.TRUE.equals(spec.required())) {
                    throw Errors.bad("Spec.RequiresSelection", "Spec " + spec.id() + " requires a selection.");
                }
                continue;
            }
            String oid = optionID;
            SpecOption o = ctx.store().table(Tables.SPEC_OPTIONS).find(Table.key(spec.id(), oid))
                    .orElseThrow(() -> Errors.bad("Spec.OptionNotFound", "Spec Option not found for the given ID: " + oid));
            out.add(new SpecChoice(spec.id(), spec.name(), o.id(), o.value(), o.priceMarkupType(), o.priceMarkup()));
        }
        return out;
    }

    static boolean eq(String a, String b) {
        return Objects.equals(a, b);
    }
}
