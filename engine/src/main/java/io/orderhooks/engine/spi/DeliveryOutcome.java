package io.orderhooks.engine.spi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What happened to one delivery, split by layer: the receiver answered 2xx ({@link Delivered}) or
 * otherwise ({@link Rejected}); or the transport failed before an answer ({@link TimedOut},
 * {@link Unreachable}); or the call was not made because the endpoint's breaker is open
 * ({@link CircuitOpen}).
 */
public sealed interface DeliveryOutcome {

    /** Time from the start of the first attempt to the outcome. */
    Duration latency();

    /** The HTTP status, or null when there was no answer. */
    default Integer httpStatus() {
        return null;
    }

    /** Whether the receiver accepted the delivery. */
    default boolean succeeded() {
        return false;
    }

    /** A one-line description for logs and {@code UnhandledErrorBody}. */
    String describe();

    record Delivered(int status, byte[] body, Duration latency) implements DeliveryOutcome {
        @Override
        public Integer httpStatus() {
            return status;
        }

        @Override
        public boolean succeeded() {
            return true;
        }

        @Override
        public String describe() {
            return "delivered (HTTP " + status + ")";
        }
    }

    record Rejected(int status, byte[] body, Duration latency) implements DeliveryOutcome {
        @Override
        public Integer httpStatus() {
            return status;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String describe() {
            return "rejected with HTTP " + status;
        }
    }

    record TimedOut(Duration limit, Duration latency) implements DeliveryOutcome {
        @Override
        public String describe() {
            return "timed out after " + limit.toMillis() + " ms";
        }
    }

    record Unreachable(String reason, Duration latency) implements DeliveryOutcome {
        @Override
        public String describe() {
            return "unreachable: " + reason;
        }
    }

    record CircuitOpen(String endpointID) implements DeliveryOutcome {
        @Override
        public Duration latency() {
            return Duration.ZERO;
        }

        @Override
        public String describe() {
            return "not attempted: circuit open for " + endpointID;
        }
    }
}
