package io.orderhooks.engine.internal.checkout;

import io.orderhooks.core.observe.DeliveryEvent;
import io.orderhooks.core.observe.EngineEvent;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;

/** The engine's checkout port, telling an observer of every call and how it ended. Thread-safe. */
public final class ObservedCheckout implements CheckoutIntegration {

    private final CheckoutIntegration inner;
    private final Observer observer;

    private ObservedCheckout(CheckoutIntegration inner, Observer observer) {
        this.inner = inner;
        this.observer = observer;
    }

    /** {@code inner} itself when there is no observer. */
    public static CheckoutIntegration of(CheckoutIntegration inner, Observer observer) {
        return observer == Observer.NONE ? inner : new ObservedCheckout(inner, observer);
    }

    @Override
    public DeliveryOutcome deliver(CheckoutCall call) {
        DeliveryOutcome outcome = inner.deliver(call);
        Observer.publish(observer, new EngineEvent.CheckoutCalled(call.type().suffix(), outcome(outcome),
                outcome.succeeded()));
        return outcome;
    }

    static DeliveryEvent.Outcome outcome(DeliveryOutcome outcome) {
        return switch (DeliveryRecord.OutcomeKind.of(outcome)) {
            case DELIVERED -> DeliveryEvent.Outcome.DELIVERED;
            case REJECTED -> DeliveryEvent.Outcome.REJECTED;
            case TIMED_OUT -> DeliveryEvent.Outcome.TIMED_OUT;
            case UNREACHABLE -> DeliveryEvent.Outcome.UNREACHABLE;
            case CIRCUIT_OPEN -> DeliveryEvent.Outcome.BREAKER_OPEN;
            case NOT_ATTEMPTED -> DeliveryEvent.Outcome.NOT_ATTEMPTED;
        };
    }
}
