package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.SpendingAccountAssignment;
import java.util.Set;

/** {@code v1/buyers/{buyerID}/spendingaccounts} and assignments (SpendingAccountAdmin / SpendingAccountReader). */
public final class SpendingAccountRoutes {

    static final Set<String> READ = roles("SpendingAccountReader", "SpendingAccountAdmin");
    static final Set<String> ADMIN = roles("SpendingAccountAdmin");
    private static final String BASE = "v1/buyers/{buyerID}/spendingaccounts";
    private static final QuerySchema ASSIGNMENTS = QuerySchema.forType(SpendingAccountAssignment.class).reserved("level").build();

    private SpendingAccountRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        SpendingAccountService s = ctx.engine().spendingAccounts();
        t.get(BASE, READ, r -> ctx.list(r, s.list(buyer(ctx, r), r.param("buyerID")), SpendingAccount.class));
        t.get(BASE + "/{spendingAccountID}", READ, r -> s.get(buyer(ctx, r), r.param("buyerID"), r.param("spendingAccountID")));
        t.post(BASE, 201, ADMIN, r -> {
            Caller c = buyer(ctx, r);
            SpendingAccount a = ctx.body(r, SpendingAccount.class);
            return s.save(c, r.param("buyerID"), a, true);
        });
        t.put(BASE + "/{spendingAccountID}", ADMIN, r -> {
            SpendingAccount a = ctx.body(r, SpendingAccount.class);
            Ids.requireSame(a.id(), r.param("spendingAccountID"));
            return s.save(buyer(ctx, r), r.param("buyerID"), new SpendingAccount(r.param("spendingAccountID"), a.name(),
                    a.balance(), a.allowAsPaymentMethod(), a.redemptionCode(), a.startDate(), a.endDate(), a.xp()));
        });
        t.patch(BASE + "/{spendingAccountID}", ADMIN, r -> {
            Caller c = buyer(ctx, r);
            SpendingAccount merged = ctx.patch(r, s.get(c, r.param("buyerID"), r.param("spendingAccountID")), SpendingAccount.class);
            Ids.requireSame(merged.id(), r.param("spendingAccountID"));
            return s.save(c, r.param("buyerID"), merged);
        });
        t.delete(BASE + "/{spendingAccountID}", ADMIN, r -> {
            s.delete(buyer(ctx, r), r.param("buyerID"), r.param("spendingAccountID"));
            return null;
        });
        t.get(BASE + "/assignments", READ, r -> {
            String level = r.queryParam("level");
            return ctx.list(r, s.listAssignments(buyer(ctx, r), r.param("buyerID")).stream()
                    .filter(a -> Levels.matches(level, a.userID(), a.userGroupID())).toList(), SpendingAccountAssignment.class, ASSIGNMENTS);
        });
        t.post(BASE + "/assignments", 204, ADMIN, r -> {
            s.assign(buyer(ctx, r), r.param("buyerID"), ctx.body(r, SpendingAccountAssignment.class));
            return null;
        });
        t.delete(BASE + "/{spendingAccountID}/assignments", ADMIN, r -> {
            s.unassign(buyer(ctx, r), r.param("buyerID"), r.param("spendingAccountID"), r.queryParam("userID"), r.queryParam("userGroupID"));
            return null;
        });
    }

    private static Caller buyer(ApiContext ctx, io.orderhooks.engine.internal.api.ApiRequest r) {
        return UserRoutes.visible(ctx, r, CompanyKind.BUYER);
    }
}
