package io.orderhooks.engine.internal.catalog;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ProductFacet;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.incrementors.IncrementorService;
import io.orderhooks.engine.internal.store.Tables;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The marketplace's product facets ({@code v1/productfacets}), administered by the marketplace owner only. A facet
 * without {@code XpPath} counts the product {@code xp} key named like its ID; {@code XpPath} is a dotted path of
 * non-blank keys; {@code MinCount} is never negative. Thread-safe (state lives in the store).
 */
public final class ProductFacetService {

    private static final Pattern XP_PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    /** Facets in the order product lists show them: {@code ListOrder}, then ID. */
    public static final Comparator<ProductFacet> ORDER = Comparator.comparing(ProductFacet::listOrder)
            .thenComparing(ProductFacet::id);

    private final EngineContext ctx;

    public ProductFacetService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Creates ({@code create}, 409 {@code IdExists} when taken) or replaces the facet {@code id}. */
    public ProductFacet save(Caller caller, String id, ProductFacet body, boolean create) {
        Errors.requireSeller(caller);
        String stored = id == null || id.isBlank() ? ctx.ids().next() : new IncrementorService(ctx).expand(id);
        ProductFacet facet = valid(new ProductFacet(stored, body.name(), blankToNull(body.xpPath()) == null ? stored : body.xpPath(),
                body.listOrder(), body.minCount(), body.xp()));
        ctx.store().table(Tables.PRODUCT_FACETS).save(stored, facet, create);
        return facet;
    }

    public ProductFacet get(Caller caller, String id) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.PRODUCT_FACETS).find(id).orElseThrow(() -> Errors.notFound("ProductFacet", id));
    }

    public List<ProductFacet> list(Caller caller) {
        Errors.requireSeller(caller);
        return all();
    }

    /** Every facet in {@link #ORDER}, whoever asks (product lists count them for buyers too). */
    public List<ProductFacet> all() {
        return ctx.store().table(Tables.PRODUCT_FACETS).list().stream().sorted(ORDER).toList();
    }

    public void delete(Caller caller, String id) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.PRODUCT_FACETS).delete(id)) {
            throw Errors.notFound("ProductFacet", id);
        }
    }

    private static ProductFacet valid(ProductFacet f) {
        if (blankToNull(f.name()) == null) {
            throw Errors.required("Name");
        }
        if (!XP_PATH.matcher(f.xpPath()).matches()) {
            throw OrderCloudException.validation("XpPath must be a dotted path of xp keys (e.g. Color or Specs.Color), was "
                    + f.xpPath());
        }
        if (f.minCount() < 0) {
            throw OrderCloudException.validation("MinCount must be 0 or more, was " + f.minCount());
        }
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
