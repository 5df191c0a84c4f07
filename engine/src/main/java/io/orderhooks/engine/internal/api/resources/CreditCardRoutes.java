package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.orgs.ResourceAssignment;
import io.orderhooks.engine.internal.payments.CreditCardService;
import io.orderhooks.core.model.BuyerCreditCard;
import io.orderhooks.core.model.CreditCard;
import io.orderhooks.core.model.CreditCardAssignment;
import java.util.Set;

/**
 * {@code v1/buyers/{buyerID}/creditcards} with assignments (CreditCardAdmin / CreditCardReader) and
 * {@code v1/me/creditcards} (read: Shopper/MeCreditCardAdmin; write: MeCreditCardAdmin).
 */
public final class CreditCardRoutes {

    static final Set<String> READ = roles("CreditCardReader", "CreditCardAdmin");
    static final Set<String> ADMIN = roles("CreditCardAdmin");
    static final Set<String> ME_READ = roles("MeCreditCardAdmin", "Shopper");
    static final Set<String> ME_ADMIN = roles("MeCreditCardAdmin");
    private static final String BASE = "v1/buyers/{buyerID}/creditcards";
    private static final String ME = "v1/me/creditcards";

    private CreditCardRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        CreditCardService s = ctx.engine().creditCards();
        t.get(BASE, READ, r -> ctx.list(r, s.admin().list(buyer(ctx, r), r.param("buyerID")), CreditCard.class));
        t.get(BASE + "/{creditCardID}", READ, r -> s.admin().get(buyer(ctx, r), r.param("buyerID"), r.param("creditCardID")));
        t.post(BASE, 201, ADMIN, r -> {
            CreditCard body = ctx.body(r, CreditCard.class);
            return s.save(buyer(ctx, r), r.param("buyerID"), body.id(), body, true);
        });
        t.put(BASE + "/{creditCardID}", ADMIN, r -> {
            CreditCard body = ctx.body(r, CreditCard.class);
            Ids.requireSame(body.id(), r.param("creditCardID"));
            return s.save(buyer(ctx, r), r.param("buyerID"), r.param("creditCardID"), body, false);
        });
        t.patch(BASE + "/{creditCardID}", ADMIN, r -> {
            Caller c = buyer(ctx, r);
            CreditCard merged = ctx.patch(r, s.admin().get(c, r.param("buyerID"), r.param("creditCardID")), CreditCard.class);
            Ids.requireSame(merged.id(), r.param("creditCardID"));
            return s.save(c, r.param("buyerID"), r.param("creditCardID"), merged, false);
        });
        t.delete(BASE + "/{creditCardID}", ADMIN, r -> {
            s.admin().delete(buyer(ctx, r), r.param("buyerID"), r.param("creditCardID"));
            return null;
        });
        t.get(BASE + "/assignments", READ, r -> {
            String level = r.queryParam("level");
            return ctx.list(r, s.admin().listAssignments(buyer(ctx, r), r.param("buyerID")).stream()
                    .filter(a -> CostCenterRoutes.matches(r.queryParam("creditCardID"), a.resourceID())
                            && CostCenterRoutes.matches(r.queryParam("userID"), a.userID())
                            && CostCenterRoutes.matches(r.queryParam("userGroupID"), a.userGroupID())
                            && Levels.matches(level, a.userID(), a.userGroupID()))
                    .map(a -> new CreditCardAssignment(a.resourceID(), a.userID(), a.userGroupID())).toList(), CreditCardAssignment.class);
        });
        t.post(BASE + "/assignments", 204, ADMIN, r -> {
            CreditCardAssignment a = ctx.body(r, CreditCardAssignment.class);
            s.admin().assign(buyer(ctx, r), r.param("buyerID"), new ResourceAssignment(a.creditCardID(), a.userID(), a.userGroupID()));
            return null;
        });
        t.delete(BASE + "/{creditCardID}/assignments", ADMIN, r -> {
            s.admin().unassign(buyer(ctx, r), r.param("buyerID"), r.param("creditCardID"), r.queryParam("userID"), r.queryParam("userGroupID"));
            return null;
        });
        registerMe(t, ctx, s);
    }

    private static void registerMe(RouteTable t, ApiContext ctx, CreditCardService s) {
        t.get(ME, ME_READ, r -> ctx.list(r, ctx.caller(r).isBuyer() ? s.listMine(ctx.caller(r)) : java.util.List.of(), BuyerCreditCard.class));
        t.get(ME + "/{creditcardID}", ME_READ, r -> s.getMine(ctx.caller(r), r.param("creditcardID")));
        t.post(ME, 201, ME_ADMIN, r -> {
            CreditCard body = ctx.body(r, CreditCard.class);
            return s.saveMine(ctx.caller(r), body.id(), body, true);
        });
        t.put(ME + "/{creditcardID}", ME_ADMIN, r -> {
            CreditCard body = ctx.body(r, CreditCard.class);
            Ids.requireSame(body.id(), r.param("creditcardID"));
            return s.saveMine(ctx.caller(r), r.param("creditcardID"), body, false);
        });
        t.patch(ME + "/{creditcardID}", ME_ADMIN, r -> {
            Caller c = ctx.caller(r);
            CreditCard merged = ctx.patch(r, s.ownCard(c, r.param("creditcardID")), CreditCard.class);
            Ids.requireSame(merged.id(), r.param("creditcardID"));
            return s.saveMine(c, r.param("creditcardID"), merged, false);
        });
        t.delete(ME + "/{creditcardID}", ME_ADMIN, r -> {
            s.deleteMine(ctx.caller(r), r.param("creditcardID"));
            return null;
        });
    }

    private static Caller buyer(ApiContext ctx, ApiRequest r) {
        return UserRoutes.visible(ctx, r, CompanyKind.BUYER);
    }
}
