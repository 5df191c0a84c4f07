package io.orderhooks.events.sender.internal;

import io.orderhooks.core.spi.DeliveryOutcome;
import io.orderhooks.delivery.OutboundRequest;
import io.orderhooks.delivery.Transport;
import io.orderhooks.events.IntegrationEventsDispatcher;
import java.time.Duration;
import java.util.Objects;

/**
 * In-process delivery to an {@link IntegrationEventsDispatcher} without a second thread hop: when the
 * dispatcher is sure to answer the call within the sender's time limit
 * ({@link IntegrationEventsDispatcher#answersWithin}), it runs on the caller's thread and its own time limit
 * (a 504 answer) is what bounds it; otherwise the call goes through {@code bounded}, which enforces the
 * sender's limit on its own threads. Thread-safe.
 */
public final class DispatcherTransport implements Transport {

    private final IntegrationEventsDispatcher dispatcher;
    private final Transport direct;
    private final Transport bounded;

    public DispatcherTransport(IntegrationEventsDispatcher dispatcher, Transport direct, Transport bounded) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.direct = Objects.requireNonNull(direct, "direct");
        this.bounded = Objects.requireNonNull(bounded, "bounded");
    }

    @Override
    public DeliveryOutcome exchange(OutboundRequest request, Duration timeLimit) {
        return dispatcher.answersWithin(request.path(), timeLimit)
                ? direct.exchange(request, timeLimit)
                : bounded.exchange(request, timeLimit);
    }
}
