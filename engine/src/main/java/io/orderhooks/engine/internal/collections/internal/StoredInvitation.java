package io.orderhooks.engine.internal.collections.internal;

import io.orderhooks.core.model.ProductCollectionInvitation;
import java.time.OffsetDateTime;

/**
 * An invitation as stored: the wire model, when it was created (the base of the 365-day limit), and who used
 * it. {@code usedBy} is set once, by accepting or declining; {@code declined} tells which.
 */
public record StoredInvitation(ProductCollectionInvitation invitation, OffsetDateTime dateCreated, String usedBy, boolean declined) {

    public String id() {
        return invitation.id();
    }

    public boolean pending() {
        return usedBy == null;
    }

    public boolean acceptedBy(String userID) {
        return usedBy != null && !declined && usedBy.equals(userID);
    }

    public boolean admin() {
        return Boolean.TRUE.equals(invitation.admin());
    }
}
