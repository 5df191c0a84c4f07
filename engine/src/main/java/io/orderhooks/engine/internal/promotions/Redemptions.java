package io.orderhooks.engine.internal.promotions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.Promotion;
import java.util.List;

/**
 * Redemption counts: {@code Promotion.RedemptionCount} and a count per (promotion, user). A submit takes one
 * redemption of each promotion on the order with an atomic check-and-increment ({@link Repository#update}), so
 * two concurrent submits can never both pass a {@code RedemptionLimit} or {@code RedemptionLimitPerUser} of 1;
 * a failed submit's transaction rolls it back, and a declined or canceled order gives it back ({@link #release}). Thread-safe.
 */
public final class Redemptions {

    /** How often one user redeemed one promotion (key {@code promotionID/userID}). */
    public record PerUser(@JsonProperty("PromotionID") String promotionID, @JsonProperty("UserID") String userID,
            @JsonProperty("Count") int count) {}

    /** The per-user counters. */
    public static final Table<PerUser> PER_USER = Table.of("promotionuserredemptions", PerUser.class);

    private Redemptions() {}

    /** How often {@code userID} redeemed the promotion on submitted orders (declined/canceled ones given back). */
    public static int byUser(EngineContext ctx, String promotionID, String userID) {
        return ctx.store().table(PER_USER).find(Table.key(promotionID, userID)).map(PerUser::count).orElse(0);
    }

    /**
     * Takes one redemption of every promotion on the order, for its {@code FromUserID}; each take is an atomic
     * check-and-increment. Call it inside the order's transaction ({@code Store.withOrder}): on
     * {@code Promotion.ExceedsUsageLimit} (or any failure) the transaction rolls back what was taken.
     */
    public static void take(EngineContext ctx, OrderState s) {
        String user = s.order().fromUserID();
        for (String id : promotionIDs(s)) {
            ctx.store().table(Tables.PROMOTIONS).update(id, p -> {
                if (p.redemptionLimit() != null && count(p) >= p.redemptionLimit()) {
                    throw exceeded();
                }
                return p.toBuilder().redemptionCount(count(p) + 1).build();
            });
            Integer perUser = ctx.store().table(Tables.PROMOTIONS).find(id).map(Promotion::redemptionLimitPerUser).orElse(null);
            incrementUser(ctx, id, user, perUser);
        }
    }

    /** Gives back the redemptions a submitted order took (decline, cancel). Missing promotions are skipped. */
    public static void release(EngineContext ctx, OrderState s) {
        for (String id : promotionIDs(s)) {
            adjustPromotion(ctx, id, -1);
            adjustUser(ctx, id, s.order().fromUserID(), -1);
        }
    }

    static OrderCloudException exceeded() {
        return Errors.bad("Promotion.ExceedsUsageLimit", "Promotion code has already been used.");
    }

    static int count(Promotion p) {
        return p.redemptionCount() == null ? 0 : p.redemptionCount();
    }

    private static List<String> promotionIDs(OrderState s) {
        return s.promotions().stream().map(OrderPromotion::id).distinct().toList();
    }

    private static void incrementUser(EngineContext ctx, String promotionID, String userID, Integer limit) {
        Repository<PerUser> t = ctx.store().table(PER_USER);
        String key = Table.key(promotionID, userID);
        if (t.find(key).isEmpty()) {
            if (limit != null && limit < 1) {
                throw exceeded();
            }
            try {
                t.insert(key, new PerUser(promotionID, userID, 1));
                return;
            } catch (OrderCloudException e) {
                if (e.status() != 409) {
                    throw e;
                }
            }
        }
        t.update(key, u -> {
            if (limit != null && u.count() >= limit) {
                throw exceeded();
            }
            return new PerUser(promotionID, userID, u.count() + 1);
        });
    }

    private static void adjustPromotion(EngineContext ctx, String id, int delta) {
        if (ctx.store().table(Tables.PROMOTIONS).find(id).isPresent()) {
            ctx.store().table(Tables.PROMOTIONS).update(id, p -> p.toBuilder().redemptionCount(Math.max(0, count(p) + delta)).build());
        }
    }

    private static void adjustUser(EngineContext ctx, String id, String userID, int delta) {
        String key = Table.key(id, userID);
        if (ctx.store().table(PER_USER).find(key).isPresent()) {
            ctx.store().table(PER_USER).update(key, u -> new PerUser(id, userID, Math.max(0, u.count() + delta)));
        }
    }
}
