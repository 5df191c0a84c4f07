package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.messages.MessageCCListenerAssignment;
import io.orderhooks.engine.internal.messages.MessageSenderAssignment;
import io.orderhooks.engine.internal.messages.MessageSenderResource;
import io.orderhooks.engine.internal.messages.MessageSenderService;
import io.orderhooks.engine.internal.query.QuerySchema;
import java.util.Set;

/**
 * {@code v1/messagesenders} (MessageSenderReader / MessageSenderAdmin), their assignments and CC listener assignments
 * (MessageConfigAssignmentAdmin writes; readers also list). {@code SharedKey} is never returned.
 */
public final class MessageSenderRoutes {

    static final Set<String> READ = roles("MessageSenderReader", "MessageSenderAdmin");
    static final Set<String> ADMIN = roles("MessageSenderAdmin");
    static final Set<String> ASSIGNMENTS_READ = roles("MessageSenderReader", "MessageSenderAdmin", "MessageConfigAssignmentAdmin");
    static final Set<String> ASSIGN = roles("MessageConfigAssignmentAdmin");

    private static final QuerySchema ASSIGNMENT_LIST = QuerySchema.forType(MessageSenderAssignment.class)
            .reserved("level", "messageSenderID", "buyerID", "supplierID", "userGroupID").build();

    private MessageSenderRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        MessageSenderService s = ctx.engine().messageSenders();
        t.get("v1/messagesenders", READ, r -> ctx.list(r, s.list(ctx.caller(r)), MessageSenderResource.class));
        t.post("v1/messagesenders", 201, ADMIN, r -> s.create(ctx.caller(r), ctx.body(r, MessageSenderResource.class)));
        t.get("v1/messagesenders/{messageSenderID}", READ, r -> s.get(ctx.caller(r), r.param("messageSenderID")));
        t.put("v1/messagesenders/{messageSenderID}", ADMIN, r -> s.save(ctx.caller(r), r.param("messageSenderID"),
                ctx.body(r, MessageSenderResource.class)));
        t.patch("v1/messagesenders/{messageSenderID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            String id = r.param("messageSenderID");
            s.get(c, id);
            return s.save(c, id, ctx.patch(r, s.stored(id), MessageSenderResource.class));
        });
        t.delete("v1/messagesenders/{messageSenderID}", ADMIN, r -> {
            s.delete(ctx.caller(r), r.param("messageSenderID"));
            return null;
        });
        t.get("v1/messagesenders/assignments", ASSIGNMENTS_READ, r -> {
            String level = r.queryParam("level");
            Levels.matches(level, null, null); // refuses an unknown level even when nothing is assigned
            return ctx.list(r, s.listAssignments(ctx.caller(r)).stream()
                    .filter(a -> matches(r.queryParam("messageSenderID"), a.messageSenderID()))
                    .filter(a -> matches(r.queryParam("buyerID"), a.buyerID()))
                    .filter(a -> matches(r.queryParam("supplierID"), a.supplierID()))
                    .filter(a -> matches(r.queryParam("userGroupID"), a.userGroupID()))
                    .filter(a -> Levels.matches(level, null, a.userGroupID())).toList(),
                    MessageSenderAssignment.class, ASSIGNMENT_LIST);
        });
        t.post("v1/messagesenders/assignments", 204, ASSIGN, r -> {
            s.saveAssignment(ctx.caller(r), ctx.body(r, MessageSenderAssignment.class));
            return null;
        });
        t.delete("v1/messagesenders/{messageSenderID}/assignments", ASSIGN, r -> {
            s.deleteAssignment(ctx.caller(r), r.param("messageSenderID"), r.queryParam("buyerID"),
                    r.queryParam("supplierID"), r.queryParam("userGroupID"), r.queryParam("userID"));
            return null;
        });
        t.get("v1/messagesenders/CCListenerAssignments", ASSIGNMENTS_READ, r -> ctx.list(r, s.listCCListeners(ctx.caller(r)),
                MessageCCListenerAssignment.class));
        t.post("v1/messagesenders/CCListenerAssignments", 204, ASSIGN, r -> {
            s.saveCCListener(ctx.caller(r), ctx.body(r, MessageCCListenerAssignment.class));
            return null;
        });
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }
}
