package io.orderhooks.core.observe;

import java.util.Locale;

/** What the order engine did for its API callers. */
public sealed interface EngineEvent extends ObservedEvent {

    /** An order state change made through the API. */
    enum Transition {
        SUBMITTED, APPROVED, DECLINED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An order was submitted, approved or declined. */
    record OrderTransitioned(Transition transition) implements EngineEvent {}

    /**
     * The engine called a checkout integration event ({@code event}: its suffix) and the call ended with
     * {@code outcome} ({@code delivered}, {@code rejected}, {@code timed_out}, {@code unreachable},
     * {@code breaker_open}); {@code succeeded} when the answer was usable.
     */
    record CheckoutCalled(String event, DeliveryEvent.Outcome outcome, boolean succeeded) implements EngineEvent {}

    /** {@code POST /oauth/token} issued an access token for {@code grantType}. */
    record TokenIssued(String grantType) implements EngineEvent {}

    /** {@code POST /oauth/token} refused {@code grantType} with {@code errorCode} (e.g. {@code Auth.IncorrectPassword}). */
    record LoginFailed(String grantType, String errorCode) implements EngineEvent {}
}
