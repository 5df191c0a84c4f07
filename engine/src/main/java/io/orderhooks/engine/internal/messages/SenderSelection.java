package io.orderhooks.engine.internal.messages;

import io.orderhooks.core.model.User;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which message senders notify a recipient of a message type: a sender that lists the type and (a) for a buyer user,
 * has {@code AllowAllBuyers} or an assignment to the user's buyer (to the whole buyer, or to a user group the user
 * belongs to); (b) for a supplier user, an assignment to the supplier (or a group of it); (c) for a marketplace-owner
 * user, always (assignments cannot name the marketplace). The {@code CCList} of a notification is the emails of the
 * CC listeners of the matching assignment and type.
 */
final class SenderSelection {

    /** A sender chosen for a recipient, through {@code assignment} (null: AllowAllBuyers or a marketplace user). */
    record Target(MessageSenderResource sender, MessageSenderAssignment assignment) {}

    private final EngineContext ctx;

    SenderSelection(EngineContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    List<Target> targets(String messageType, User recipient) {
        String company = recipient.companyID();
        boolean seller = company.equals(ctx.config().sellerOrgID());
        boolean buyer = !seller && ctx.store().table(Tables.BUYERS).find(company).isPresent();
        Set<String> groups = seller ? Set.of() : ctx.store().table(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(company + "/")
                .stream().filter(a -> recipient.id().equals(a.userID())).map(a -> a.userGroupID()).collect(Collectors.toSet());
        List<Target> out = new ArrayList<>();
        for (MessageSenderResource s : ctx.store().table(MessageTables.SENDERS).list()) {
            if (s.messageTypes() == null || !s.messageTypes().contains(messageType)) {
                continue;
            }
            MessageSenderAssignment match = ctx.store().table(MessageTables.ASSIGNMENTS)
                    .listWithPrefix(Table.key(s.id(), company) + "/").stream()
                    .filter(a -> a.userGroupID() == null || groups.contains(a.userGroupID())).findFirst().orElse(null);
            if (seller || match != null || (buyer && Boolean.TRUE.equals(s.allowAllBuyers()))) {
                out.add(new Target(s, match));
            }
        }
        return out;
    }

    /** The emails of the CC listeners of {@code target}'s assignment for {@code messageType} (active users only). */
    List<String> ccList(Target target, String messageType) {
        if (target.assignment() == null) {
            return List.of();
        }
        String prefix = Table.key(MessageSenderService.assignmentKey(target.assignment()), messageType) + "/";
        return ctx.store().table(MessageTables.CC_LISTENERS).listWithPrefix(prefix).stream()
                .map(l -> ctx.store().table(Tables.USERS).find(Table.key(l.buyerID() != null ? l.buyerID() : l.supplierID(), l.userID())))
                .flatMap(java.util.Optional::stream)
                .filter(u -> Boolean.TRUE.equals(u.active()) && u.email() != null && !u.email().isBlank())
                .map(User::email).distinct().toList();
    }
}
