package io.orderhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.webhooks.PreHookPolicy;
import io.orderhooks.webhooks.WebhooksDispatcher;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RawHandlerServlet} registered with async support: handlers run on the container's request thread, and a
 * handler ignoring interruption is answered at its limit from the dispatcher's timer while it still runs.
 */
class RawHandlerServletAsyncTest {

    static final String KEY = "k";
    static final Duration LIMIT = Duration.ofMillis(200);
    static final byte[] WORKSHEET = CheckoutRequests.bytes(CheckoutRequests.payload(
            Worksheets.order("o-async").line("SHIRT", 2, "12.00").build()));
    static final byte[] ADDRESS = ("{\"Route\":\"v1/buyers/{buyerID}/addresses/{addressID}\",\"Verb\":\"PUT\","
            + "\"RouteParams\":{\"buyerID\":\"b\",\"addressID\":\"a\"},\"Request\":{\"Body\":{\"City\":\"Minneapolis\"}}}")
            .getBytes(StandardCharsets.UTF_8);

    final HttpClient http = HttpClient.newHttpClient();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean returned = new AtomicBoolean();
    final AtomicReference<String> thread = new AtomicReference<>();
    IntegrationEventsDispatcher events;
    WebhooksDispatcher webhooks;
    Server jetty;
    String base;

    /** Waits for {@link #release} whatever interrupts arrive. */
    <T> T ignoreInterrupts(T answer) {
        thread.set(Thread.currentThread().getName());
        while (true) {
            try {
                release.await();
                break;
            } catch (InterruptedException ignored) {
                // on purpose
            }
        }
        returned.set(true);
        return answer;
    }

    @BeforeEach
    void start() throws Exception {
        events = IntegrationEventsDispatcher.builder().hashKeys(KEY).timeLimit(LIMIT)
                .orderCalculate(e -> e.orderID().equals("o-async")
                        ? ignoreInterrupts(OrderCalculateResponse.builder().taxTotal(BigDecimal.ONE).build())
                        : OrderCalculateResponse.builder().taxTotal(BigDecimal.TEN).build())
                .build();
        webhooks = WebhooksDispatcher.builder().hashKeys(KEY)
                .preHook("PUT", "v1/buyers/{buyerID}/addresses/{addressID}", new PreHookPolicy(LIMIT,
                        io.orderhooks.webhooks.FailurePolicy.BLOCK), e -> ignoreInterrupts(PreWebhookResponse.proceed()))
                .build();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/shop");
        ServletHolder eventsHolder = new ServletHolder(new RawHandlerServlet(events, events.maxBodyBytes()));
        eventsHolder.setAsyncSupported(true);
        ServletHolder webhooksHolder = new ServletHolder(new RawHandlerServlet(webhooks));
        webhooksHolder.setAsyncSupported(true);
        context.addServlet(eventsHolder, "/integration/*");
        context.addServlet(webhooksHolder, "/webhooks/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/shop";
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        jetty.stop();
        events.close();
        webhooks.close();
    }

    HttpResponse<String> signed(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header(OcHash.HEADER, OcHash.sign(KEY, body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCalculateHandlerIgnoringInterruptionIsAnswered504AtItsLimitOnTheContainersThread() throws Exception {
        HttpResponse<String> response = signed("/integration/ordercalculate", WORKSHEET);

        assertThat(returned).as("the handler still runs").isFalse();
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("\"ErrorCode\":\"IntegrationEvent.Timeout\"");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length());
        assertThat(thread.get()).doesNotStartWith("integration-events");
    }

    @Test
    void aPreHookIgnoringInterruptionIsBlockedAtItsLimit() throws Exception {
        HttpResponse<String> response = signed("/webhooks", ADDRESS);

        assertThat(returned).as("the hook still runs").isFalse();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"proceed\":false").contains("Webhook.HandlerTimedOut");
        assertThat(thread.get()).doesNotStartWith("orderhooks-webhook");
    }

    @Test
    void anAnswerInTimeIsWrittenWhole() throws Exception {
        byte[] other = CheckoutRequests.bytes(CheckoutRequests.payload(
                Worksheets.order("o-fast").line("MUG", 1, "8.50").build()));

        HttpResponse<String> response = signed("/integration/ordercalculate", other);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"TaxTotal\":10");
    }
}
