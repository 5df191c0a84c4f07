package io.orderhooks.core.engine.grouporders;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The writable fields of a {@code PATCH v1/me/orderinvitations/{id}}; a null field is left unchanged.
 * {@code xp} is merged into the stored xp (objects recursively, everything else replaced), as OrderCloud
 * patches xp. {@code OrderID} cannot change: naming another order is a 400.
 */
public record InvitationPatch(String name, OffsetDateTime expirationDate, String orderID, JsonNode xp) {}
