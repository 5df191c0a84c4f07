package io.orderhooks.engine.senders.checkout.internal;

import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Transport;
import io.orderhooks.core.http.RawHandler;
import java.time.Duration;
import java.util.Objects;

/**
 * In-process delivery to a dispatcher without a second thread hop: when the dispatcher is sure to answer the
 * call within the sender's time limit ({@link RawHandler#answersWithin}), it runs on the caller's thread and its own time limit
 * (a 504 answer) is what bounds it; otherwise the call goes through {@code bounded}, which enforces the
 * sender's limit on its own threads. Thread-safe.
 */
public final class DispatcherTransport implements Transport {

    private final RawHandler dispatcher;
    private final Transport direct;
    private final Transport bounded;

    public DispatcherTransport(RawHandler dispatcher, Transport direct, Transport bounded) {
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
