package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.core.model.OrderApprovalInfo;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnApproval;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.ApiRoute;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.engine.internal.api.RouteTable;
import java.util.Set;

/**
 * {@code v1/orderreturns} (the SDK's {@code OrderReturns}): list (with {@code approvable}), create (201), get, PUT,
 * PATCH, DELETE (204), {@code items/{lineItemID}} DELETE (the return, 200), {@code submit}, {@code approve}, {@code decline},
 * {@code cancel}, {@code complete} (each the return, 201), {@code approvals}, {@code eligibleapprovers}. Reads:
 * {@code OrderReader}, {@code OrderAdmin}, {@code Shopper}; writes: {@code OrderAdmin}, {@code Shopper}; complete:
 * {@code OrderAdmin}. The services decide which returns a caller sees and changes ({@code ReturnAccess}).
 */
public final class OrderReturnRoutes {

    static final Set<String> READ = roles("OrderReader", "OrderAdmin", "Shopper");
    static final Set<String> WRITE = roles("OrderAdmin", "Shopper");
    static final Set<String> ADMIN = roles("OrderAdmin");
    private static final QuerySchema LIST = QuerySchema.forType(OrderReturn.class).reserved("approvable").build();
    private static final String ONE = "v1/orderreturns/{returnID}";

    private OrderReturnRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        Engine e = ctx.engine();
        var returns = e.orderReturns();
        t.get("v1/orderreturns", READ, r -> ctx.list(r, returns.list(ctx.caller(r), "true".equalsIgnoreCase(r.queryParam("approvable"))),
                OrderReturn.class, LIST));
        t.post("v1/orderreturns", 201, WRITE, r -> returns.create(ctx.caller(r), ctx.body(r, OrderReturn.class)));
        t.get(ONE, READ, r -> returns.get(ctx.caller(r), id(r)));
        t.put(ONE, WRITE, r -> {
            OrderReturn body = ctx.body(r, OrderReturn.class);
            Ids.requireSame(body.id(), id(r));
            return returns.save(ctx.caller(r), id(r), body);
        });
        t.patch(ONE, WRITE, r -> {
            Caller c = ctx.caller(r);
            OrderReturn merged = ctx.patch(r, returns.get(c, id(r)), OrderReturn.class);
            Ids.requireSame(merged.id(), id(r));
            return returns.save(c, id(r), merged);
        });
        t.delete(ONE, WRITE, r -> {
            returns.delete(ctx.caller(r), id(r));
            return null;
        });
        // the SDK declares DeleteItem to answer the return
        t.add(new ApiRoute("DELETE", ONE + "/items/{lineItemID}", WRITE, 200, r -> returns.deleteItem(ctx.caller(r), id(r), r.param("lineItemID"))));
        t.add(new ApiRoute("POST", ONE + "/submit", WRITE, 201,
                r -> e.returnLifecycle().submit(ctx.caller(r), id(r), r.accessToken())).callingMiddleware());
        t.post(ONE + "/cancel", 201, WRITE, r -> e.returnLifecycle().cancel(ctx.caller(r), id(r)));
        t.post(ONE + "/complete", 201, ADMIN, r -> e.returnLifecycle().complete(ctx.caller(r), id(r)));
        t.post(ONE + "/approve", 201, WRITE, r -> e.returnApprovals().approve(ctx.caller(r), id(r), info(ctx, r)));
        t.post(ONE + "/decline", 201, WRITE, r -> e.returnApprovals().decline(ctx.caller(r), id(r), info(ctx, r)));
        t.get(ONE + "/approvals", READ, r -> ctx.list(r, e.returnApprovals().listApprovals(ctx.caller(r), id(r)), OrderReturnApproval.class));
        t.get(ONE + "/eligibleapprovers", READ, r -> ctx.list(r, e.returnApprovals().eligibleApprovers(ctx.caller(r), id(r)), User.class));
    }

    private static String id(ApiRequest r) {
        return r.param("returnID");
    }

    /** The optional {@code {Comments, AllowResubmit}} body of approve / decline. */
    private static OrderApprovalInfo info(ApiContext ctx, ApiRequest r) {
        return r.hasBody() ? ctx.body(r, OrderApprovalInfo.class) : new OrderApprovalInfo(null, null);
    }
}
