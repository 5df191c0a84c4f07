package io.orderhooks.engine.delivery;

import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;

/** One attempt's outcome and the record written for it. */
public record Sent(DeliveryOutcome outcome, DeliveryRecord record) {

    /** Whether the receiver accepted the delivery with a usable answer. */
    public boolean succeeded() {
        return record.succeeded();
    }
}
