package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.core.error.OrderCloudException;

/** Path-ID rules shared by PUT and PATCH handlers. */
final class Ids {

    private Ids() {}

    /**
     * OrderCloud lets PUT/PATCH rename a resource; orderhooks does not (other records refer to IDs), so a
     * body ID different from the path's is a 400 {@code ValidationFailure}.
     */
    static void requireSame(String bodyID, String pathID) {
        if (bodyID != null && !bodyID.equals(pathID)) {
            throw OrderCloudException.validation("ID cannot be changed: the path names " + pathID + ", the body " + bodyID);
        }
    }
}
