package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.core.error.OrderCloudException;

/** Small request rules shared by the catalog routes. */
final class Creates {

    private Creates() {}

    /** POST creates: a body ID that is taken is a 409 {@code IdExists} (the engine's {@code save} would replace it). */
    static void requireNew(ApiContext ctx, Table<?> table, String id, String resource) {
        if (id != null && ctx.engine().context().store().table(table).find(id).isPresent()) {
            throw new OrderCloudException(409, "IdExists", resource + " already exists: " + id);
        }
    }

    /** A required integer query parameter; 400 {@code ValidationFailure} naming it when missing or not a number. */
    static int intQuery(ApiRequest r, String name) {
        String v = r.queryParam(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw OrderCloudException.validation(name + " must be an integer query parameter, was " + v);
        }
    }

    /** A required query parameter; 400 {@code ValidationFailure} naming it when missing. */
    static String query(ApiRequest r, String name) {
        String v = r.queryParam(name);
        if (v == null || v.isBlank()) {
            throw OrderCloudException.validation(name + " is required");
        }
        return v;
    }
}
