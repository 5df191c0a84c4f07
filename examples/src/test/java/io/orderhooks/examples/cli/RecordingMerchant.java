package io.orderhooks.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A merchant for multi-engine tests, on loopback: answers every checkout integration event with success ({@code {}})
 * and every webhook or message delivery with 200, and records each call's path and order ID, so a test can count
 * exports ({@code /integration/ordersubmit}) and message events ({@code /messages}).
 */
final class RecordingMerchant implements AutoCloseable {

    /** One call received. */
    record Call(String path, String orderID) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private RecordingMerchant(HttpServer server) {
        this.server = server;
    }

    static RecordingMerchant start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        RecordingMerchant m = new RecordingMerchant(server);
        server.createContext("/", m::answer);
        server.setExecutor(m.threads);
        server.start();
        return m;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Calls whose path is {@code path}. */
    List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            calls.add(new Call(exchange.getRequestURI().getPath(), orderID(body)));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** The order a checkout event is about ({@code OrderWorksheet.Order.ID}), or null. */
    private static String orderID(byte[] body) {
        try {
            JsonNode id = OrderCloudJson.mapper().readTree(body).path("OrderWorksheet").path("Order").path("ID");
            return id.isMissingNode() ? null : id.asText();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
