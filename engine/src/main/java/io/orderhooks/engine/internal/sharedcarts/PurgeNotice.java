package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.core.model.Order;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A "shared cart purge imminent" notice: the inactive shared cart, when it will be purged, and who should be told
 * (its sharer and its last modifier, each only while still an active user of the cart's buyer; possibly empty).
 */
public record PurgeNotice(Order order, OffsetDateTime purgeDue, List<String> recipientUserIDs) {

    /** The message type subscribers listen for ({@code WebhookRoutes} entry {@code {"Route":"SharedCartPurgeImminent","Verb":"MESSAGE"}}). */
    public static final String MESSAGE_TYPE = "SharedCartPurgeImminent";

    public PurgeNotice {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(purgeDue, "purgeDue");
        recipientUserIDs = List.copyOf(recipientUserIDs);
    }
}
