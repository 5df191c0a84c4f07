package io.orderhooks.engine.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.core.error.OrderCloudException;
import java.util.Set;

/** Route authorization: any one of the route's roles, or {@code FullAccess}, grants access. */
public final class RoleCheck {

    private RoleCheck() {}

    /**
     * @throws OrderCloudException 403 {@code Auth.InsufficientRoles} whose Data lists
     *     {@code SufficientRoles} (any one would do) and the caller's {@code AssignedRoles}
     */
    public static void require(AccessClaims caller, Set<String> anyOf) {
        if (anyOf == null || anyOf.isEmpty() || caller.roles().contains("FullAccess")) {
            return;
        }
        for (String role : anyOf) {
            if (caller.roles().contains(role)) {
                return;
            }
        }
        throw insufficient(caller, anyOf);
    }

    public static OrderCloudException insufficient(AccessClaims caller, Set<String> anyOf) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode sufficient = data.putArray("SufficientRoles");
        anyOf.forEach(sufficient::add);
        sufficient.add("FullAccess");
        ArrayNode assigned = data.putArray("AssignedRoles");
        caller.roles().forEach(assigned::add);
        return new OrderCloudException(403, "Auth.InsufficientRoles",
                "User does not have role(s) required to perform this action. One of these is required: "
                        + String.join(", ", anyOf) + ", FullAccess",
                data);
    }
}
