package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.BuyerSupplier;
import io.orderhooks.core.model.Supplier;
import java.util.ArrayList;
import java.util.List;

/** Who a buyer can order from: the marketplace owner, then active suppliers open to all buyers or to it. */
final class Sellers {

    private Sellers() {}

    static List<BuyerSupplier> of(ApiContext ctx, String buyerID) {
        var store = ctx.engine().context().store();
        List<BuyerSupplier> out = new ArrayList<>();
        out.add(new BuyerSupplier(ctx.engine().context().config().sellerOrgID(), ctx.marketplaceName()));
        for (Supplier s : store.table(Tables.SUPPLIERS).list()) {
            boolean open = Boolean.TRUE.equals(s.allBuyersCanOrder())
                    || store.table(Tables.SUPPLIER_BUYERS).find(Table.key(s.id(), buyerID)).isPresent();
            if (open && Boolean.TRUE.equals(s.active())) {
                out.add(new BuyerSupplier(s.id(), s.name()));
            }
        }
        return out;
    }
}
