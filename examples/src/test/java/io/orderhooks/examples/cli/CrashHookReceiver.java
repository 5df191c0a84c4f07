package io.orderhooks.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The post-webhook receiver of the crash test: answers 500 while {@link #failing}, else 200, and counts the deliveries
 * it answered 200 per LogID, with the write each LogID belongs to ({@code order:ID} or {@code line:ID}). Every request
 * is also kept in {@link #timeline} (time, answer, LogID, write), which the test saves when it fails.
 */
final class CrashHookReceiver implements AutoCloseable {

    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger refused = new AtomicInteger();
    final Map<String, AtomicInteger> deliveredByLogID = new ConcurrentHashMap<>();
    final Map<String, Set<String>> logIDsByWrite = new ConcurrentHashMap<>();
    final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;

    CrashHookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode payload = OrderCloudJson.mapper().readTree(body);
            String logID = payload.path("LogID").asText();
            boolean refuse = failing.get();
            timeline.add(Instant.now() + " " + (refuse ? 500 : 200) + " " + logID + " " + writeOf(payload));
            if (refuse) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            deliveredByLogID.computeIfAbsent(logID, k -> new AtomicInteger()).incrementAndGet();
            logIDsByWrite.computeIfAbsent(writeOf(payload), k -> ConcurrentHashMap.newKeySet()).add(logID);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** {@code line:ID} for a line added to order ID, {@code order:ID} for order ID created. */
    static String writeOf(JsonNode payload) {
        String orderID = payload.path("RouteParams").path("orderID").asText("");
        return orderID.isEmpty() ? "order:" + payload.path("Request").path("Body").path("ID").asText()
                : "line:" + orderID;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/orders";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
