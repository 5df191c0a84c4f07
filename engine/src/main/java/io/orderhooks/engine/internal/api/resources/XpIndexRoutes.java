package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.core.model.XpIndex;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRoute;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.xpindices.XpIndexService;
import java.util.Set;

/** {@code v1/xpindices} (XpIndexAdmin, marketplace owner users only): declared xp indices, see {@link XpIndexService}. */
public final class XpIndexRoutes {

    static final Set<String> ADMIN = roles("XpIndexAdmin");

    private XpIndexRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        XpIndexService s = new XpIndexService(ctx.engine().context());
        t.get("v1/xpindices", ADMIN, r -> ctx.list(r, s.list(ctx.caller(r)), XpIndex.class));
        t.add(new ApiRoute("PUT", "v1/xpindices", ADMIN, 204, r -> {
            s.put(ctx.caller(r), ctx.body(r, XpIndex.class));
            return null;
        }));
        t.delete("v1/xpindices/{thingType}/{key}", ADMIN, r -> {
            s.delete(ctx.caller(r), r.param("thingType"), r.param("key"));
            return null;
        });
    }
}
