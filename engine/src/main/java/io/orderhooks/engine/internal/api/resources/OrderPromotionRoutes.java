package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.resources.OrderRouting.READ;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.WRITE;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.promotions.PromotionService;
import io.orderhooks.core.model.EligiblePromotion;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.Promotion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Promotions on an order and on the cart: list, {@code eligiblepromotions} (what the order qualifies for, each with
 * its {@code Amount}), add / remove a code, {@code applypromotions} (auto-apply,
 * answers the Order) and {@code refreshpromotions} (answers OrderCloud's {@code RefreshPromosResponse}).
 */
public final class OrderPromotionRoutes {

    /** OrderCloud's {@code RefreshPromosResponse}: refresh never adds, so {@code PromosAdded} is empty. */
    public record RefreshPromosResponse(@JsonProperty("PromosAdded") List<OrderPromotion> promosAdded,
            @JsonProperty("PromosRemoved") List<OrderPromotion> promosRemoved) {}

    private OrderPromotionRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        PromotionService promotions = ctx.engine().promotions();
        OrderRouting both = new OrderRouting(t, ctx);
        both.get("/promotions", READ, (r, c, d, id) -> ctx.list(r, promotions.listOnOrder(c, d, id), OrderPromotion.class));
        both.get("/eligiblepromotions", READ, (r, c, d, id) -> {
            // filter, sort and page as promotions, then add each one's Amount
            Map<String, EligiblePromotion> byID = new LinkedHashMap<>();
            promotions.eligible(c, d, id).forEach(e -> byID.put(e.promotion().id(), e));
            List<Promotion> matching = byID.values().stream().map(EligiblePromotion::promotion).toList();
            ListPage<Promotion> page = ctx.list(r, matching, Promotion.class);
            return new ListPage<>(page.meta(), page.items().stream().map(p -> byID.get(p.id())).toList());
        });
        both.post("/promotions/{promoCode}", 201, WRITE, (r, c, d, id) -> promotions.apply(c, d, id, r.param("promoCode")));
        both.deleteAnswering("/promotions/{promoCode}", WRITE, (r, c, d, id) -> {
            promotions.remove(c, d, id, r.param("promoCode"));
            return ctx.engine().orders().get(c, d, id);
        });
        both.post("/applypromotions", 201, WRITE, (r, c, d, id) -> promotions.applyAuto(c, d, id));
        both.post("/refreshpromotions", 201, WRITE, (r, c, d, id) -> {
            List<OrderPromotion> before = promotions.listOnOrder(c, d, id);
            Set<String> kept = promotions.refreshOrder(c, d, id).stream().map(OrderPromotion::code).collect(Collectors.toSet());
            return new RefreshPromosResponse(List.of(), before.stream().filter(p -> !kept.contains(p.code())).toList());
        });
    }
}
