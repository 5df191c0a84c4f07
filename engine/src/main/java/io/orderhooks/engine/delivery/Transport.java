package io.orderhooks.engine.delivery;

import io.orderhooks.engine.spi.DeliveryOutcome;
import java.time.Duration;

/**
 * Carries one request to a receiver and reports what happened, split by layer: an answer is
 * {@link DeliveryOutcome.Delivered} (2xx) or {@link DeliveryOutcome.Rejected}; no answer within
 * {@code timeLimit} is {@link DeliveryOutcome.TimedOut}; a failure to connect or a broken connection is
 * {@link DeliveryOutcome.Unreachable}. A response body over the transport's cap is not read: it becomes
 * {@code Rejected(status, "Response body exceeds the limit of N bytes")}.
 *
 * <p>Implementations never throw for a delivery failure, never wait longer than {@code timeLimit} (plus
 * scheduling slack), never retry by themselves, and are thread-safe. Circuit breaking and recording are
 * the {@link Deliverer}'s.
 */
@FunctionalInterface
public interface Transport {

    DeliveryOutcome exchange(OutboundRequest request, Duration timeLimit);
}
