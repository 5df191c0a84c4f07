package io.orderhooks.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.examples.client.OrderCloudClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * What happened when during a chaos run, for its report: the test's own steps (kills, restarts), every change of the
 * engines' checkout circuit breakers (polled on each instance, as {@code GET v1/deliveryBreakers} shows them), and
 * the failed delivery attempts grouped by what failed and how, each group with its first and last second. Seconds
 * count from {@link #start}.
 */
final class ChaosTimeline implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    private final Instant start = Instant.now();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, String> breakerStates = new HashMap<>();
    private final Map<String, double[]> spans = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final Thread watcher;

    private ChaosTimeline(EngineCluster cluster, String admin) {
        watcher = new Thread(() -> watchBreakers(cluster, admin), "chaos-breaker-watch");
        watcher.setDaemon(true);
    }

    /** Starts the clock and the breaker watch on both instances of {@code cluster} (reads with {@code admin}). */
    static ChaosTimeline start(EngineCluster cluster, String admin) {
        ChaosTimeline timeline = new ChaosTimeline(cluster, admin);
        timeline.watcher.start();
        return timeline;
    }

    /** Notes {@code what} at the current second. */
    void note(String what) {
        events.add(String.format(Locale.ROOT, "%6.1f s %s", seconds(Instant.now()), what));
    }

    private double seconds(Instant at) {
        return Duration.between(start, at).toMillis() / 1000.0;
    }

    private void watchBreakers(EngineCluster cluster, String admin) {
        while (!closed) {
            for (int i = 0; i < 2; i++) {
                try {
                    String state = breakerState(cluster.instance(i), admin);
                    if (!state.equals(breakerStates.put(i, state))) {
                        note("engine " + i + " checkout breaker " + state);
                    }
                } catch (RuntimeException down) {
                    breakerStates.remove(i); // killed or restarting: a new instance starts with a new breaker
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private static String breakerState(OrderCloudClient api, String admin) {
        StringBuilder state = new StringBuilder();
        for (JsonNode b : api.get("v1/deliveryBreakers?Sender=checkout", admin).path("Items")) {
            state.append(b.path("State").asText()).append(" (failed ").append(b.path("FailedCalls").asInt())
                    .append(" of ").append(b.path("BufferedCalls").asInt()).append(')');
        }
        return state.isEmpty() ? "none yet" : state.toString();
    }

    /** Counts {@code what} at the current second (the report gives its count, first and last second). */
    void count(String what) {
        count(spans, what, seconds(Instant.now()));
    }

    private static void count(Map<String, double[]> spans, String what, double at) {
        spans.merge(what, new double[] {at, at, 1}, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]),
                a[2] + b[2]});
    }

    /** The noted events in order, then the counted ones and the failed attempts of {@code deliveries}, grouped. */
    List<String> report(List<JsonNode> deliveries) {
        Map<String, double[]> all = new TreeMap<>(spans);
        for (JsonNode d : deliveries) {
            if (!d.path("Succeeded").asBoolean()) {
                String error = d.path("Error").asText();
                count(all, "failed " + d.path("Kind").asText() + " " + d.path("Subject").asText() + " attempt "
                        + d.path("Attempt").asInt() + " " + d.path("Outcome").asText() + " "
                        + d.path("HttpStatus").asText("") + " " + error.substring(0, Math.min(90, error.length())),
                        seconds(OffsetDateTime.parse(d.path("Timestamp").asText()).toInstant()));
            }
        }
        List<String> lines = new ArrayList<>(List.copyOf(events));
        all.forEach((what, span) -> lines.add(String.format(Locale.ROOT, "%6.1f-%.1f s %d x %s",
                span[0], span[1], (int) span[2], what)));
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        watcher.join(POLL.toMillis() * 20);
    }
}
