package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.engine.internal.security.SecurityProfileService;
import io.orderhooks.core.model.SecurityProfile;
import io.orderhooks.core.model.SecurityProfileAssignment;
import java.util.Set;

/**
 * {@code v1/securityprofiles} and their assignments (SecurityProfileAdmin writes, SecurityProfileReader
 * reads). Assignment lists filter with {@code buyerID}, {@code supplierID}, {@code userID},
 * {@code userGroupID}, {@code securityProfileID} and {@code level} ({@code Company}, {@code Group},
 * {@code User}).
 */
public final class SecurityProfileRoutes {

    static final Set<String> READ = roles("SecurityProfileReader", "SecurityProfileAdmin");
    static final Set<String> ADMIN = roles("SecurityProfileAdmin");
    private static final QuerySchema ASSIGNMENTS = QuerySchema.forType(SecurityProfileAssignment.class)
            .reserved("level").build();

    private SecurityProfileRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        SecurityProfileService s = ctx.engine().securityProfiles();
        t.get("v1/securityprofiles", READ, r -> ctx.list(r, s.list(ctx.caller(r)), SecurityProfile.class));
        t.post("v1/securityprofiles", 201, ADMIN, r -> s.create(ctx.caller(r), ctx.body(r, SecurityProfile.class)));
        t.get("v1/securityprofiles/{securityProfileID}", READ, r -> s.get(ctx.caller(r), r.param("securityProfileID")));
        t.put("v1/securityprofiles/{securityProfileID}", ADMIN, r -> s.save(ctx.caller(r), r.param("securityProfileID"),
                ctx.body(r, SecurityProfile.class)));
        t.patch("v1/securityprofiles/{securityProfileID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            String id = r.param("securityProfileID");
            return s.save(c, id, ctx.patch(r, s.get(c, id), SecurityProfile.class));
        });
        t.delete("v1/securityprofiles/{securityProfileID}", ADMIN, r -> {
            s.delete(ctx.caller(r), r.param("securityProfileID"));
            return null;
        });
        t.get("v1/securityprofiles/assignments", READ, r -> {
            String level = r.queryParam("level");
            return ctx.list(r, s.listAssignments(ctx.caller(r)).stream().filter(a -> Levels.matches(level, a.userID(), a.userGroupID())).toList(),
                    SecurityProfileAssignment.class, ASSIGNMENTS);
        });
        t.post("v1/securityprofiles/assignments", 204, ADMIN, r -> {
            s.assign(ctx.caller(r), ctx.body(r, SecurityProfileAssignment.class));
            return null;
        });
        t.delete("v1/securityprofiles/{securityProfileID}/assignments", ADMIN, r -> {
            s.unassign(ctx.caller(r), new SecurityProfileAssignment(r.param("securityProfileID"), r.queryParam("buyerID"),
                    r.queryParam("supplierID"), r.queryParam("userID"), r.queryParam("userGroupID")));
            return null;
        });
    }
}
