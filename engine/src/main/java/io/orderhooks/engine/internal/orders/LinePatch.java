package io.orderhooks.engine.internal.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.LineItemSpec;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The writable fields of a line item; a null field is left unchanged. {@code UnitPrice} is honoured only for
 * callers with the {@code OverrideUnitPrice} role (and then sticks: the line is no longer re-priced).
 */
public record LinePatch(
        Integer quantity,
        List<LineItemSpec> specs,
        BigDecimal unitPrice,
        String shippingAddressID,
        String costCenter,
        OffsetDateTime dateNeeded,
        JsonNode xp) {

    public static LinePatch quantity(int q) {
        return new LinePatch(q, null, null, null, null, null, null);
    }

    public static LinePatch xp(JsonNode xp) {
        return new LinePatch(null, null, null, null, null, null, xp);
    }
}
