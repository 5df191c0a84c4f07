package io.orderhooks.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The shared OkHttp client of the senders ({@link Transports#defaultHttpClient()}). */
class TransportsTest {

    private static final int CONCURRENT = 8;

    @Test
    void theDefaultClientsConnectionsSendWithoutNaglesDelay() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
            exchange.close();
        });
        server.start();
        List<Boolean> noDelay = new ArrayList<>();
        OkHttpClient client = Transports.defaultHttpClient().newBuilder().addNetworkInterceptor(chain -> {
            noDelay.add(chain.connection().socket().getTcpNoDelay());
            return chain.proceed(chain.request());
        }).build();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            for (int i = 0; i < 2; i++) { // a new connection, then the pooled one
                try (Response response = client.newCall(new Request.Builder().url(url)
                        .post(RequestBody.create(new byte[64 * 1024], null)).build()).execute()) {
                    assertThat(response.code()).isEqualTo(200);
                }
            }
            assertThat(noDelay).containsExactly(true, true);
        } finally {
            client.connectionPool().evictAll();
            server.stop(0);
        }
    }

    @Test
    void theDefaultClientReusesTheConnectionsOfMoreConcurrentCallsThanOkHttpsFiveIdleOnes() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        AtomicReference<CountDownLatch> wave = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService handlers = Executors.newFixedThreadPool(CONCURRENT);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort()); // one client port per connection
            CountDownLatch allArrived = wave.get();
            allArrived.countDown();
            try {
                allArrived.await(10, TimeUnit.SECONDS); // every call of a wave is in flight at once, each on a connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
            exchange.close();
        });
        server.start();
        OkHttpClient client = Transports.defaultHttpClient();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            concurrentCalls(client, callers, url, wave);
            concurrentCalls(client, callers, url, wave);

            assertThat(clientPorts).as("connections opened for two waves of %s concurrent calls", CONCURRENT).hasSize(CONCURRENT);
            assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(CONCURRENT);
        } finally {
            callers.shutdownNow();
            server.stop(0);
            handlers.shutdownNow();
            client.connectionPool().evictAll();
        }
    }

    private static void concurrentCalls(OkHttpClient client, ExecutorService callers, String url,
            AtomicReference<CountDownLatch> wave) throws Exception {
        wave.set(new CountDownLatch(CONCURRENT));
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            calls.add(callers.submit(() -> {
                try (Response r = client.newCall(new Request.Builder().url(url).post(RequestBody.create(new byte[0], null))
                        .build()).execute()) {
                    r.body().bytes();
                    return r.code();
                }
            }));
        }
        for (Future<Integer> call : calls) {
            assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo(200);
        }
    }
}
