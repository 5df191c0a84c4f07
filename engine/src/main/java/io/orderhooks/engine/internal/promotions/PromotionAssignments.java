package io.orderhooks.engine.internal.promotions;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.PromotionAssignment;
import java.util.List;

/** Reading and removing promotion assignments (creating them is {@link PromotionService#assign}). Seller only; thread-safe. */
public final class PromotionAssignments {

    private final EngineContext ctx;

    public PromotionAssignments(EngineContext ctx) {
        this.ctx = ctx;
    }

    public List<PromotionAssignment> list(Caller caller) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.PROMOTION_ASSIGNMENTS).list();
    }

    /** Removes the assignment of a promotion to a buyer (or one of its user groups); 404 when there is none. */
    public void unassign(Caller caller, String promotionID, String buyerID, String userGroupID) {
        Errors.requireSeller(caller);
        String key = Table.key(promotionID, Tables.part(buyerID), Tables.part(userGroupID));
        if (!ctx.store().table(Tables.PROMOTION_ASSIGNMENTS).delete(key)) {
            throw Errors.notFound("PromotionAssignment", key);
        }
    }
}
