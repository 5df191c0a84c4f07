package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.engine.WebhookSinks;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.examples.Main;
import io.orderhooks.examples.client.OrderCloudClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code orderhooks replay} against a real engine: a post-webhook dead-lettered by a middleware that failed its
 * first call is redelivered to its endpoint, then replayed with {@code --to} to another URL as the exact bytes.
 */
class ReplayCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger hookCalls = new AtomicInteger();
    final List<byte[]> copies = new CopyOnWriteArrayList<>();
    final List<String> copySignatures = new CopyOnWriteArrayList<>();
    HttpServer middleware;
    OrderEngine engine;
    DeliveryRecord failed;

    @BeforeEach
    void start() throws Exception {
        middleware = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        middleware.createContext("/hooks/export", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(hookCalls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        middleware.createContext("/laptop", exchange -> {
            copies.add(exchange.getRequestBody().readAllBytes());
            copySignatures.add(exchange.getRequestHeaders().getFirst(OcHash.HEADER));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        middleware.start();
        engine = OrderEngine.create(cfg -> cfg.admin(new AdminBootstrap("admin-client", "s3cret", "admin", "pw-123456"))
                .clock(Clock.systemUTC()).webhooks(WebhookSinks.http(s -> s.schedule(RetrySchedule.of(0)))))
                .start("127.0.0.1", 0);
        OrderCloudClient api = new OrderCloudClient(engine.baseUrl());
        String token = api.clientCredentials("admin-client", "s3cret", "FullAccess");
        api.post("v1/webhooks", token, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("ID", "wh-export").put("Name", "Export").put("Url", middlewareUrl("/hooks/export")).put("HashKey", "hk")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("ApiClientIDs",
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("admin-client"))
                .set("WebhookRoutes", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                        .add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                .put("Route", "v1/buyers").put("Verb", "POST"))));
        api.post("v1/buyers", token, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("ID", "b-replay").put("Name", "Replay Buyer").put("Active", true));
        assertThat(engine.awaitWebhooksSent(Duration.ofSeconds(20))).isTrue();
        failed = engine.deliveryLog().list(DeliveryLog.Query.ALL).stream().filter(r -> !r.succeeded()).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        engine.close();
        middleware.stop(0);
    }

    String middlewareUrl(String path) {
        return "http://127.0.0.1:" + middleware.getAddress().getPort() + path;
    }

    int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void redeliversADeadLetteredPostWebhookToItsEndpoint() {
        int exit = run("replay", failed.id(), "--engine", engine.baseUrl(), "--client-secret", "s3cret");

        assertThat(exit).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("POST_WEBHOOK POST v1/buyers -> " + middlewareUrl("/hooks/export"))
                .containsPattern("new delivery \\S+ \\(redelivery of " + failed.id() + "\\): DELIVERED 204 in \\d+ ms");
        assertThat(hookCalls.get()).isEqualTo(2);
    }

    @Test
    void replaysTheExactSignedBytesToAnotherUrlWithTo() {
        int exit = run("replay", failed.id(), "--engine", engine.baseUrl(), "--client-secret", "s3cret",
                "--to", middlewareUrl("/laptop"));

        assertThat(exit).as(out + "" + err).isZero();
        assertThat(copies).singleElement().isEqualTo(failed.requestBody());
        assertThat(copySignatures).containsExactly(OcHash.sign("hk", failed.requestBody()));
        assertThat(hookCalls.get()).isEqualTo(1);
        assertThat(engine.deliveryLog().list(DeliveryLog.Query.ALL))
                .anyMatch(r -> failed.id().equals(r.redeliveryOf()) && r.url().equals(middlewareUrl("/laptop")));
    }

    @Test
    void exitsOneNamingTheEnginesErrorForAnUnknownDeliveryOrABadUrl() {
        assertThat(run("replay", "no-such-delivery", "--engine", engine.baseUrl(), "--client-secret", "s3cret")).isEqualTo(1);
        assertThat(err.toString()).contains("replay of no-such-delivery refused: 404 NotFound");

        assertThat(run("replay", failed.id(), "--engine", engine.baseUrl(), "--client-secret", "s3cret", "--to", "ftp://x/y"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("400 Delivery.InvalidUrl: Url must be an absolute http or https URL, was \"ftp://x/y\"");
    }

    @Test
    void exitsOneWhenTheAdminCredentialsAreWrong() {
        assertThat(run("replay", failed.id(), "--engine", engine.baseUrl(), "--client-secret", "wrong")).isEqualTo(1);
        assertThat(err.toString()).contains("replay of " + failed.id() + " refused: 40");
    }
}
