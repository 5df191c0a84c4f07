package io.orderhooks.engine.internal.api.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * One endpoint's circuit breaker as {@code GET v1/deliveryBreakers} shows it.
 *
 * @param sender {@code checkout} (integration events) or {@code webhooks}
 * @param endpointID the integration event's or webhook's ID
 * @param state {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ... (resilience4j's state names)
 * @param failureRate the failure percentage over the sliding window, or -1 while too few calls were made
 * @param bufferedCalls calls in the sliding window
 * @param failedCalls failed calls in the sliding window
 * @param notPermittedCalls calls refused while the breaker was open
 */
public record BreakerView(
        @JsonProperty("Sender") String sender,
        @JsonProperty("EndpointID") String endpointID,
        @JsonProperty("State") String state,
        @JsonProperty("FailureRate") float failureRate,
        @JsonProperty("BufferedCalls") int bufferedCalls,
        @JsonProperty("FailedCalls") int failedCalls,
        @JsonProperty("NotPermittedCalls") long notPermittedCalls) {

    public static BreakerView of(String sender, CircuitBreaker breaker) {
        CircuitBreaker.Metrics m = breaker.getMetrics();
        return new BreakerView(sender, breaker.getName(), breaker.getState().name(), m.getFailureRate(),
                m.getNumberOfBufferedCalls(), m.getNumberOfFailedCalls(), m.getNumberOfNotPermittedCalls());
    }
}
