package io.orderhooks.engine.internal.messages;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * {@code v1/messagesenders}: message senders, their assignments to buyers/suppliers (or one of their user groups) and
 * CC listener assignments. Only the marketplace owner manages them (roles are checked by the API). Deleting a sender
 * deletes its assignments and CC listeners. Thread-safe (the store is).
 */
public final class MessageSenderService {

    private final EngineContext ctx;

    public MessageSenderService(EngineContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    public List<MessageSenderResource> list(Caller caller) {
        Errors.requireSeller(caller);
        return senders().list().stream().map(MessageSenderResource::redacted).toList();
    }

    public MessageSenderResource get(Caller caller, String id) {
        Errors.requireSeller(caller);
        return stored(id).redacted();
    }

    /** Creates a sender (a new ID when none is given); 409 {@code IdExists} when the ID is taken. */
    public MessageSenderResource create(Caller caller, MessageSenderResource s) {
        Errors.requireSeller(caller);
        String id = s.id() == null || s.id().isBlank() ? ctx.ids().next() : s.id();
        MessageSenderResource stored = validate(s).stored(id, null);
        try {
            senders().insert(id, stored);
        } catch (OrderCloudException e) {
            throw "IdExists".equals(e.errorCode()) ? new OrderCloudException(409, "IdExists", "MessageSender " + id + " already exists") : e;
        }
        return stored.redacted();
    }

    /** Creates or replaces sender {@code id}; an absent {@code SharedKey} keeps the stored one. */
    public MessageSenderResource save(Caller caller, String id, MessageSenderResource s) {
        Errors.requireSeller(caller);
        String previousKey = senders().find(id).map(MessageSenderResource::sharedKey).orElse(null);
        MessageSenderResource stored = validate(s).stored(s.id() == null ? id : s.id(), previousKey);
        if (!stored.id().equals(id)) {
            throw OrderCloudException.validation("ID " + s.id() + " does not match the messageSenderID " + id);
        }
        senders().put(id, stored);
        return stored.redacted();
    }

    /** The stored sender, SharedKey included (for PATCH merges, which must keep it). */
    public MessageSenderResource stored(String id) {
        return senders().find(id).orElseThrow(() -> Errors.notFound("MessageSender", id));
    }

    public void delete(Caller caller, String id) {
        Errors.requireSeller(caller);
        stored(id);
        assignments().listWithPrefix(id + "/").forEach(a -> assignments().delete(assignmentKey(a)));
        listeners().listWithPrefix(id + "/").forEach(l -> listeners().delete(listenerKey(l)));
        senders().delete(id);
    }

    /** Saves an assignment (idempotent); the sender, the company and the group must exist. */
    public void saveAssignment(Caller caller, MessageSenderAssignment a) {
        Errors.requireSeller(caller);
        MessageSenderResource sender = stored(required(a.messageSenderID(), "MessageSenderID"));
        requireCompany(a.buyerID(), a.supplierID());
        if (a.userGroupID() != null && ctx.store().table(Tables.USER_GROUPS).find(Table.key(a.companyID(), a.userGroupID())).isEmpty()) {
            throw Errors.notFound("UserGroup", a.userGroupID());
        }
        MessageSenderAssignment clean = new MessageSenderAssignment(a.messageSenderID(), a.buyerID(), a.supplierID(),
                a.userGroupID(), null, null);
        assignments().put(assignmentKey(clean), clean.describedBy(sender));
    }

    public List<MessageSenderAssignment> listAssignments(Caller caller) {
        Errors.requireSeller(caller);
        return assignments().list().stream().map(a -> a.describedBy(stored(a.messageSenderID()))).toList();
    }

    /**
     * Deletes the sender's assignments to {@code buyerID}/{@code supplierID} (and {@code userGroupID} when given);
     * a {@code userID} deletes that user's CC listener assignments of the sender instead.
     */
    public void deleteAssignment(Caller caller, String senderID, String buyerID, String supplierID, String userGroupID,
            String userID) {
        Errors.requireSeller(caller);
        stored(senderID);
        if (userID != null) {
            listeners().listWithPrefix(senderID + "/").stream().filter(l -> userID.equals(l.userID()))
                    .forEach(l -> listeners().delete(listenerKey(l)));
            return;
        }
        String company = requireCompany(buyerID, supplierID);
        assignments().listWithPrefix(Table.key(senderID, company) + "/").stream()
                .filter(a -> userGroupID == null || userGroupID.equals(a.userGroupID()))
                .forEach(a -> assignments().delete(assignmentKey(a)));
    }

    /** Saves a CC listener: its sender assignment must exist, list the type, and the user must exist. */
    public void saveCCListener(Caller caller, MessageCCListenerAssignment l) {
        Errors.requireSeller(caller);
        MessageSenderAssignment a = l.messageSenderAssignment();
        if (a == null) {
            throw Errors.required("MessageSenderAssignment");
        }
        MessageSenderResource sender = stored(required(a.messageSenderID(), "MessageSenderAssignment.MessageSenderID"));
        MessageSenderAssignment assignment = assignments().find(assignmentKey(a))
                .orElseThrow(() -> Errors.notFound("MessageSenderAssignment", a.messageSenderID() + "/" + a.companyID()));
        String type = required(l.messageType(), "MessageType");
        if (!sender.messageTypes().contains(type)) {
            throw OrderCloudException.validation("MessageSender " + sender.id() + " does not send " + type);
        }
        String company = requireCompany(l.buyerID(), l.supplierID());
        String userID = required(l.userID(), "UserID");
        if (ctx.store().table(Tables.USERS).find(Table.key(company, userID)).isEmpty()) {
            throw Errors.notFound("User", userID);
        }
        MessageCCListenerAssignment clean = new MessageCCListenerAssignment(assignment, sender.name(), sender.description(),
                type, l.buyerID(), l.supplierID(), l.userGroupID(), userID);
        listeners().put(listenerKey(clean), clean);
    }

    public List<MessageCCListenerAssignment> listCCListeners(Caller caller) {
        Errors.requireSeller(caller);
        return listeners().list();
    }

    private MessageSenderResource validate(MessageSenderResource s) {
        required(s.name(), "Name");
        if (s.messageTypes() == null || s.messageTypes().isEmpty()) {
            throw Errors.required("MessageTypes");
        }
        s.messageTypes().stream().filter(t -> !MessageTypes.KNOWN.contains(t)).findFirst().ifPresent(t -> {
            throw OrderCloudException.validation("MessageTypes: unknown message type " + t);
        });
        String url = required(s.url(), "URL");
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw OrderCloudException.validation("URL must be an absolute http(s) URL, was " + url);
            }
        } catch (java.net.URISyntaxException e) {
            throw OrderCloudException.validation("URL must be an absolute http(s) URL, was " + url);
        }
        return s;
    }

    private String requireCompany(String buyerID, String supplierID) {
        if ((buyerID == null) == (supplierID == null)) {
            throw OrderCloudException.validation("exactly one of BuyerID and SupplierID is required");
        }
        if (buyerID != null && ctx.store().table(Tables.BUYERS).find(buyerID).isEmpty()) {
            throw Errors.notFound("Buyer", buyerID);
        }
        if (supplierID != null && ctx.store().table(Tables.SUPPLIERS).find(supplierID).isEmpty()) {
            throw Errors.notFound("Supplier", supplierID);
        }
        return buyerID != null ? buyerID : supplierID;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Errors.required(field);
        }
        return value;
    }

    static String assignmentKey(MessageSenderAssignment a) {
        return Table.key(a.messageSenderID(), a.companyID(), a.userGroupID() == null ? "" : a.userGroupID());
    }

    static String listenerKey(MessageCCListenerAssignment l) {
        return Table.key(assignmentKey(l.messageSenderAssignment()), l.messageType(),
                l.buyerID() != null ? l.buyerID() : l.supplierID(), l.userID());
    }

    Repository<MessageSenderResource> senders() {
        return ctx.store().table(MessageTables.SENDERS);
    }

    Repository<MessageSenderAssignment> assignments() {
        return ctx.store().table(MessageTables.ASSIGNMENTS);
    }

    Repository<MessageCCListenerAssignment> listeners() {
        return ctx.store().table(MessageTables.CC_LISTENERS);
    }
}
