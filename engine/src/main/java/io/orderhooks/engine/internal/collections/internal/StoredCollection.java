package io.orderhooks.engine.internal.collections.internal;

import io.orderhooks.core.model.ProductCollection;
import java.time.OffsetDateTime;

/** A product collection as stored: the wire model plus its buyer and owner (never sent to callers). */
public record StoredCollection(String buyerID, String ownerUserID, OffsetDateTime dateCreated, ProductCollection collection) {

    public String id() {
        return collection.id();
    }

    public StoredCollection with(ProductCollection next) {
        return new StoredCollection(buyerID, ownerUserID, dateCreated, next);
    }
}
