package io.orderhooks.core.observe;

import org.slf4j.LoggerFactory;

/**
 * Told of what receivers, senders and the engine do, as typed {@link ObservedEvent}s: the one hook for metrics,
 * alerts and tests. Receivers and the engine take one through their builders ({@code observer(...)}); the default
 * is {@link #NONE}. {@code orderhooks-micrometer} adapts the events to Micrometer meters.
 *
 * <p>Contract: {@link #on} is called on the thread that did the work (often a request thread, on the hot path), so
 * it must be fast, thread-safe and must not block. It should not throw; publishers catch and log what it throws
 * ({@link #publish}) so an observer can never change an answer.
 */
@FunctionalInterface
public interface Observer {

    /** Ignores every event. */
    Observer NONE = event -> { };

    void on(ObservedEvent event);

    /** Tells {@code observer} of {@code event}; a failure of the observer is logged, never thrown. */
    static void publish(Observer observer, ObservedEvent event) {
        if (observer == NONE) {
            return;
        }
        try {
            observer.on(event);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Observer.class).warn("observer {} failed on {}", observer, event, e);
        }
    }

    /** An observer telling {@code first}, then {@code second}. */
    static Observer both(Observer first, Observer second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return event -> {
            publish(first, event);
            publish(second, event);
        };
    }
}
