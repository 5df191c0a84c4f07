package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.incrementors.IncrementorService;
import io.orderhooks.core.model.Incrementor;
import java.util.Set;

/** {@code v1/incrementors} (IncrementorAdmin / IncrementorReader). */
public final class IncrementorRoutes {

    static final Set<String> READ = roles("IncrementorReader", "IncrementorAdmin");
    static final Set<String> ADMIN = roles("IncrementorAdmin");

    private IncrementorRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        IncrementorService s = ctx.engine().incrementors();
        t.get("v1/incrementors", READ, r -> ctx.list(r, s.list(ctx.caller(r)), Incrementor.class));
        t.get("v1/incrementors/{incrementorID}", READ, r -> s.get(ctx.caller(r), r.param("incrementorID")));
        t.post("v1/incrementors", 201, ADMIN, r -> {
            Incrementor body = ctx.body(r, Incrementor.class);
            return s.save(ctx.caller(r), body.id(), body, true);
        });
        t.put("v1/incrementors/{incrementorID}", ADMIN, r -> {
            Incrementor body = ctx.body(r, Incrementor.class);
            Ids.requireSame(body.id(), r.param("incrementorID"));
            return s.save(ctx.caller(r), r.param("incrementorID"), body, false);
        });
        t.patch("v1/incrementors/{incrementorID}", ADMIN, r -> {
            Incrementor merged = ctx.patch(r, s.get(ctx.caller(r), r.param("incrementorID")), Incrementor.class);
            Ids.requireSame(merged.id(), r.param("incrementorID"));
            return s.save(ctx.caller(r), r.param("incrementorID"), merged, false);
        });
        t.delete("v1/incrementors/{incrementorID}", ADMIN, r -> {
            s.delete(ctx.caller(r), r.param("incrementorID"));
            return null;
        });
    }
}
