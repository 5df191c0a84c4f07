package io.orderhooks.engine.internal.messages;

import io.orderhooks.engine.internal.store.Table;

/** The store tables of message senders (generic document tables: no migration). */
public final class MessageTables {

    private MessageTables() {}

    /** key {@code senderID}. */
    public static final Table<MessageSenderResource> SENDERS = Table.of("messagesenders", MessageSenderResource.class);
    /** key {@code senderID/companyID/userGroupID-or-empty}. */
    public static final Table<MessageSenderAssignment> ASSIGNMENTS =
            Table.of("messagesenderassignments", MessageSenderAssignment.class);
    /** key {@code senderID/companyID/userGroupID-or-empty/messageType/userCompanyID/userID}. */
    public static final Table<MessageCCListenerAssignment> CC_LISTENERS =
            Table.of("messagecclisteners", MessageCCListenerAssignment.class);
}
