package io.orderhooks.engine.internal.catalog;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.LineItemVariant;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.SpecOption;
import io.orderhooks.core.model.Variant;
import io.orderhooks.core.model.VariantSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Product variants: {@link #generate} makes one variant per combination of the options of the product's specs
 * with {@code DefinesVariant} (ID {@code productID-optionID-optionID...}, name the product's plus the option
 * values), keeping existing variants unless {@code overwriteExisting}, and deleting those whose combination is
 * gone. A line item whose specs pick one option of each variant-defining spec gets that variant. Thread-safe.
 */
public final class VariantService {

    private final EngineContext ctx;

    public VariantService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Regenerates the variants of a product (seller only) and answers the product with its {@code VariantCount}. */
    public Product generate(Caller caller, String productID, boolean overwriteExisting) {
        Errors.requireSeller(caller);
        Product p = product(productID);
        List<Spec> defining = new ProductAccess(ctx).specs(productID).stream().filter(s -> Boolean.TRUE.equals(s.definesVariant())).toList();
        List<List<VariantSpec>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Spec spec : defining) {
            List<List<VariantSpec>> next = new ArrayList<>();
            for (SpecOption o : options(spec.id())) {
                for (List<VariantSpec> prefix : combinations) {
                    List<VariantSpec> c = new ArrayList<>(prefix);
                    c.add(new VariantSpec(spec.id(), spec.name(), o.id(), o.value(), o.priceMarkupType(), o.priceMarkup()));
                    next.add(c);
                }
            }
            combinations = next;
        }
        if (defining.isEmpty()) {
            combinations = List.of();
        }
        Set<String> wanted = combinations.stream().map(c -> idOf(productID, c)).collect(Collectors.toSet());
        var table = ctx.store().table(Tables.VARIANTS);
        table.listWithPrefix(productID + "/").stream().filter(v -> !wanted.contains(v.id()))
                .forEach(v -> table.delete(Table.key(productID, v.id())));
        for (List<VariantSpec> c : combinations) {
            String id = idOf(productID, c);
            if (overwriteExisting || table.find(Table.key(productID, id)).isEmpty()) {
                String name = p.name() + " " + c.stream().map(VariantSpec::value).collect(Collectors.joining(" "));
                table.put(Table.key(productID, id), new Variant(id, name, p.description(), true, p.shipWeight(), p.shipHeight(),
                        p.shipWidth(), p.shipLength(), null, c, null));
            }
        }
        return new ProductCounts(ctx).of(ctx.store().table(Tables.PRODUCTS).update(productID,
                x -> x.toBuilder().variantCount(combinations(productID)).build()));
    }

    /** The variants of a product in generation order: by each defining spec's option {@code ListOrder}, in spec order. */
    public List<Variant> list(String productID) {
        product(productID);
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        for (Spec spec : new ProductAccess(ctx).specs(productID)) {
            List<SpecOption> options = options(spec.id());
            for (int i = 0; i < options.size(); i++) {
                rank.put(spec.id() + "/" + options.get(i).id(), i);
            }
        }
        Comparator<Variant> order = (a, b) -> {
            for (int i = 0; i < Math.min(a.specs().size(), b.specs().size()); i++) {
                int c = Integer.compare(rank.getOrDefault(a.specs().get(i).specID() + "/" + a.specs().get(i).optionID(), 0),
                        rank.getOrDefault(b.specs().get(i).specID() + "/" + b.specs().get(i).optionID(), 0));
                if (c != 0) {
                    return c;
                }
            }
            return a.id().compareTo(b.id());
        };
        return ctx.store().table(Tables.VARIANTS).listWithPrefix(productID + "/").stream().sorted(order).toList();
    }

    public Variant get(String productID, String variantID) {
        product(productID);
        return ctx.store().table(Tables.VARIANTS).find(Table.key(productID, variantID))
                .orElseThrow(() -> Errors.notFound("Variant", variantID));
    }

    /** Replaces a variant's editable fields; its ID and {@code Specs} are the generator's (seller only). */
    public Variant save(Caller caller, String productID, String variantID, Variant body) {
        Errors.requireSeller(caller);
        Variant old = get(productID, variantID);
        Variant next = new Variant(variantID, body.name(), body.description(), body.active() == null || body.active(), body.shipWeight(),
                body.shipHeight(), body.shipWidth(), body.shipLength(), body.inventory() == null ? null
                        : new io.orderhooks.core.model.VariantInventory(body.inventory().quantityAvailable(),
                                body.inventory().notificationPoint(), ctx.now()), old.specs(), body.xp());
        ctx.store().table(Tables.VARIANTS).put(Table.key(productID, variantID), next);
        return next;
    }

    /** The variant a line's spec choices select, when the product has variants and every defining spec is chosen. */
    public Optional<Variant> forSpecs(String productID, List<LineItemSpec> specs) {
        List<Variant> variants = ctx.store().table(Tables.VARIANTS).listWithPrefix(productID + "/");
        if (variants.isEmpty() || specs == null) {
            return Optional.empty();
        }
        return variants.stream().filter(v -> v.specs().stream().allMatch(vs -> specs.stream()
                .anyMatch(ls -> vs.specID().equals(ls.specID()) && vs.optionID().equals(ls.optionID())))).findFirst();
    }

    /** The line-item view of a variant. */
    public static LineItemVariant lineView(Variant v) {
        return new LineItemVariant(v.id(), v.name(), v.description(), v.shipWeight(), v.shipHeight(), v.shipWidth(), v.shipLength(), v.xp());
    }

    private int combinations(String productID) {
        return ctx.store().table(Tables.VARIANTS).listWithPrefix(productID + "/").size();
    }

    private List<SpecOption> options(String specID) {
        return ctx.store().table(Tables.SPEC_OPTIONS).listWithPrefix(specID + "/").stream()
                .sorted(Comparator.comparing((SpecOption o) -> o.listOrder() == null ? Integer.MAX_VALUE : o.listOrder())).toList();
    }

    private static String idOf(String productID, List<VariantSpec> c) {
        return productID + "-" + c.stream().map(VariantSpec::optionID).collect(Collectors.joining("-"));
    }

    private Product product(String productID) {
        return ctx.store().table(Tables.PRODUCTS).find(productID).orElseThrow(() -> Errors.notFound("Product", productID));
    }
}
