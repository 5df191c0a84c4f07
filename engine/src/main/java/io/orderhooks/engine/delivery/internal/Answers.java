package io.orderhooks.engine.delivery.internal;

import io.orderhooks.engine.spi.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Maps an answer (status and body) to an outcome, the same way for every transport. */
public final class Answers {

    private Answers() {}

    /** 2xx is delivered, anything else rejected. */
    public static DeliveryOutcome of(int status, byte[] body, Duration latency) {
        return status >= 200 && status < 300
                ? new DeliveryOutcome.Delivered(status, body, latency)
                : new DeliveryOutcome.Rejected(status, body, latency);
    }

    /** An answer whose body was over the cap: rejected whatever its status, the body not kept. */
    public static DeliveryOutcome oversize(int status, long maxBytes, Duration latency) {
        return new DeliveryOutcome.Rejected(status, oversizeMessage(maxBytes).getBytes(StandardCharsets.UTF_8), latency);
    }

    public static String oversizeMessage(long maxBytes) {
        return "Response body exceeds the limit of " + maxBytes + " bytes";
    }

    /** {@code outcome} with {@code latency} instead of its own (e.g. the total over several attempts). */
    public static DeliveryOutcome withLatency(DeliveryOutcome outcome, Duration latency) {
        if (outcome instanceof DeliveryOutcome.Delivered d) {
            return new DeliveryOutcome.Delivered(d.status(), d.body(), latency);
        } else if (outcome instanceof DeliveryOutcome.Rejected r) {
            return new DeliveryOutcome.Rejected(r.status(), r.body(), latency);
        } else if (outcome instanceof DeliveryOutcome.TimedOut t) {
            return new DeliveryOutcome.TimedOut(t.limit(), latency);
        } else if (outcome instanceof DeliveryOutcome.Unreachable u) {
            return new DeliveryOutcome.Unreachable(u.reason(), latency);
        }
        return outcome;
    }

    /** Whether the outcome says the endpoint is unhealthy (counts against its circuit breaker). */
    public static boolean endpointFailure(DeliveryOutcome outcome) {
        return outcome instanceof DeliveryOutcome.TimedOut
                || outcome instanceof DeliveryOutcome.Unreachable
                || (outcome instanceof DeliveryOutcome.Rejected r && r.status() >= 500);
    }
}
