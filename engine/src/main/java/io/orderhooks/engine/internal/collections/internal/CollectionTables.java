package io.orderhooks.engine.internal.collections.internal;

import io.orderhooks.engine.internal.store.Table;

/** The store tables of product collections. IDs never contain {@code /}, so key prefixes are exact. */
public final class CollectionTables {

    private CollectionTables() {}

    /** key {@code buyerID/collectionID}. */
    public static final Table<StoredCollection> COLLECTIONS = Table.of("productcollections", StoredCollection.class);
    /** key {@code buyerID/collectionID/productID}. */
    public static final Table<StoredEntry> ENTRIES = Table.of("productcollectionentries", StoredEntry.class);
    /** key {@code buyerID/collectionID/invitationID}. */
    public static final Table<StoredInvitation> INVITATIONS = Table.of("productcollectioninvitations", StoredInvitation.class);
}
