package io.orderhooks.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why the chaos run's shoppers gave orders up, each order put in one of three buckets from its own failure and the
 * delivery log:
 *
 * <ul>
 *   <li><b>engine kill</b>: the request was in flight on the killed engine ({@code 502 Api.Unreachable} that is
 *       not a refused connection). A load balancer cannot replay such a request either.
 *   <li><b>no answer in time</b>: one of the order's checkout calls timed out, or was refused by an open breaker
 *       within {@link #AFTER_TIME_OUT} of a time-out anywhere in the run (the breaker opened on time-outs): no
 *       middleware instance answered within the engine's time limit, which only happens on an overloaded machine.
 *   <li><b>middleware kill</b>: everything else: a checkout call the killed middleware had in flight (a submit
 *       whose fate is unknown is not replayed), or the naive balancer's {@code 502} while that instance restarts
 *       (a real balancer retries a refused connection on another instance).
 * </ul>
 */
final class AbandonedCheckouts {

    /** How long after a time-out a refusal by an open breaker is still put down to time-outs. */
    static final Duration AFTER_TIME_OUT = Duration.ofSeconds(15);

    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    /** Notes that the shopper gave {@code orderID} up with {@code status} and {@code errorCode}. */
    void add(String orderID, int status, String errorCode) {
        reasons.put(orderID, status + " " + errorCode);
    }

    /** The orders given up, by bucket ({@code engine kill}, {@code no answer in time}, {@code middleware kill}). */
    Map<String, List<String>> byBucket(List<JsonNode> deliveries) {
        List<Instant> timeOuts = new ArrayList<>();
        Map<String, List<JsonNode>> checkoutsByOrder = new TreeMap<>();
        for (JsonNode d : deliveries) {
            if ("CHECKOUT".equals(d.path("Kind").asText())) {
                checkoutsByOrder.computeIfAbsent(d.path("OrderID").asText(), k -> new ArrayList<>()).add(d);
                if ("TIMED_OUT".equals(d.path("Outcome").asText())) {
                    timeOuts.add(at(d));
                }
            }
        }
        Map<String, List<String>> buckets = new TreeMap<>();
        reasons.forEach((order, reason) -> buckets.computeIfAbsent(bucket(reason,
                checkoutsByOrder.getOrDefault(order, List.of()), timeOuts), k -> new ArrayList<>()).add(order + " " + reason));
        return buckets;
    }

    private static String bucket(String reason, List<JsonNode> checkouts, List<Instant> timeOuts) {
        if (reason.equals("502 Api.Unreachable")) {
            return "engine kill";
        }
        for (JsonNode d : checkouts) {
            String outcome = d.path("Outcome").asText();
            if (outcome.equals("TIMED_OUT") || outcome.equals("CIRCUIT_OPEN") && timeOuts.stream()
                    .anyMatch(t -> !t.isAfter(at(d)) && Duration.between(t, at(d)).compareTo(AFTER_TIME_OUT) <= 0)) {
                return "no answer in time";
            }
        }
        return "middleware kill";
    }

    private static Instant at(JsonNode delivery) {
        return OffsetDateTime.parse(delivery.path("Timestamp").asText()).toInstant();
    }
}
