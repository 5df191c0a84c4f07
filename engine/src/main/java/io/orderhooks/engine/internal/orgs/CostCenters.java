package io.orderhooks.engine.internal.orgs;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.CostCenter;

/**
 * Cost centers of buyers ({@link AssignedResources} over {@link Tables#COST_CENTERS}) and the line-item rule:
 * when the order's buyer has cost centers, a line's {@code CostCenter} must name one of them that the buyer user
 * may use (assigned to the whole buyer or to one of their groups); a buyer without cost centers keeps
 * {@code CostCenter} as free text.
 */
public final class CostCenters {

    private CostCenters() {}

    public static AssignedResources<CostCenter> resources(EngineContext ctx) {
        return new AssignedResources<>(ctx, "CostCenter", Tables.COST_CENTERS, Tables.COST_CENTER_ASSIGNMENTS, CostCenter::id);
    }

    /** 400 {@code LineItem.InvalidCostCenter} unless {@code costCenter} is null or usable (see class doc). */
    public static void requireUsable(EngineContext ctx, Caller caller, String buyerID, String costCenter) {
        if (costCenter == null || ctx.store().table(Tables.COST_CENTERS).listWithPrefix(buyerID + "/").isEmpty()) {
            return;
        }
        boolean exists = ctx.store().table(Tables.COST_CENTERS).find(Table.key(buyerID, costCenter)).isPresent();
        if (!exists || (caller.isBuyer() && !resources(ctx).usable(caller, buyerID, costCenter))) {
            throw Errors.bad("LineItem.InvalidCostCenter", "Cost center not found or not available to this user: " + costCenter);
        }
    }
}
