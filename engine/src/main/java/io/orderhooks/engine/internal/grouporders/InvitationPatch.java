package io.orderhooks.engine.internal.grouporders;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The writable fields of an invitation after a PATCH (the API merges the request body, xp included, onto the
 * current invitation first); a null field is left unchanged, a non-null {@code xp} replaces the stored one.
 * {@code OrderID} cannot change: naming another order is a 400.
 */
public record InvitationPatch(String name, OffsetDateTime expirationDate, String orderID, JsonNode xp) {}
