package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.orderhooks.core.http.JdkHttpServerAdapter;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.examples.Main;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.webhooks.WebhooksDispatcher;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code orderhooks trigger} against the example middleware and deliberately broken handlers; {@code orderhooks sign}. */
class TriggerAndSignCommandTest {

    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CopyOnWriteArrayList<String> signatures = new CopyOnWriteArrayList<>();
    HttpServer broken;

    @AfterEach
    void stop() {
        if (broken != null) {
            broken.stop(0);
        }
    }

    int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    /** A handler that answers every path with {@code status} and {@code body}, noting the signatures it got. */
    String brokenHandler(int status, String body) throws Exception {
        broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broken.createContext("/", exchange -> {
            signatures.add(exchange.getRequestHeaders().getFirst(OcHash.HEADER) + " " + OcHash.sign("k1",
                    exchange.getRequestBody().readAllBytes()));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        broken.start();
        return "http://127.0.0.1:" + broken.getAddress().getPort() + "/integration";
    }

    @Test
    void triggersAnOrderCalculateOfTwentyLinesAgainstTheExampleMiddlewareAndExitsZero() throws Exception {
        try (MerchantMiddleware middleware = MerchantMiddleware.start(new MerchantMiddleware.Settings(0,
                java.util.List.of("k1"), java.util.List.of("k1"), tmp, null, java.time.Clock.systemUTC()))) {
            int exit = run("trigger", "ordercalculate", "--url", middleware.integrationUrl(), "--hash-key", "k1", "--lines", "20");

            assertThat(exit).as(out + "" + err).isZero();
            assertThat(out.toString()).contains("POST " + middleware.integrationUrl() + "/ordercalculate (")
                    .containsPattern("<- 200 in \\d+ ms").contains("\"TaxTotal\"")
                    .contains("OK: the engine would accept this answer");
        }
    }

    @Test
    void triggersShippingRatesAgainstTheExampleMiddlewareAndExitsZero() throws Exception {
        try (MerchantMiddleware middleware = MerchantMiddleware.start(new MerchantMiddleware.Settings(0,
                java.util.List.of("k1"), java.util.List.of("k1"), tmp, null, java.time.Clock.systemUTC()))) {
            int exit = run("trigger", "shippingrates", "--url", middleware.integrationUrl(), "--hash-key", "k1");

            assertThat(exit).as(out + "" + err).isZero();
            assertThat(out.toString()).contains("\"ShipEstimates\"").contains("OK: the engine would accept this answer");
        }
    }

    @Test
    void exitsOneNamingTheViolationWhenAHandlerAnswersANegativeTax() throws Exception {
        String url = brokenHandler(200, "{\"TaxTotal\": -5.00, \"ShippingTotal\": 4.95}");

        int exit = run("trigger", "ordercalculate", "--url", url, "--hash-key", "k1", "--lines", "20");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("<- 200 in").contains("REFUSED: the engine would refuse this answer:")
                .contains("  - TaxTotal must not be negative, was -5.00");
        assertThat(signatures).singleElement().satisfies(s -> assertThat(s.split(" ")[0]).isEqualTo(s.split(" ")[1]));
    }

    @Test
    void exitsOneWhenAShippingRatesAnswerIsNotAJsonObject() throws Exception {
        String url = brokenHandler(200, "[]");

        assertThat(run("trigger", "shippingrates", "--url", url, "--hash-key", "k1")).isEqualTo(1);
        assertThat(out.toString()).contains("  - Malformed JSON in the response to /shippingrates: expected a JSON object, got array");
    }

    @Test
    void exitsOneWhenAShipEstimateLeavesALineUncovered() throws Exception {
        String url = brokenHandler(200, "{\"ShipEstimates\":[{\"ID\":\"e1\",\"ShipEstimateItems\":[{\"LineItemID\":\"line1\","
                + "\"Quantity\":1}],\"ShipMethods\":[{\"ID\":\"ground\",\"Name\":\"Ground\",\"Cost\":5}]}]}");

        assertThat(run("trigger", "shippingrates", "--url", url, "--hash-key", "k1", "--lines", "2", "--order-id", "o-77")).isEqualTo(1);
        assertThat(out.toString()).contains("  - LineItem 'line2' (quantity 2) is not covered by any ship estimate");
    }

    @Test
    void exitsOneWhenTheHandlerFailsWithAStatus() throws Exception {
        String url = brokenHandler(500, "{\"Errors\":[{\"ErrorCode\":\"ServerError\",\"Message\":\"boom\"}]}");

        assertThat(run("trigger", "ordersubmit", "--url", url, "--hash-key", "k1")).isEqualTo(1);
        assertThat(out.toString()).contains("<- 500 in").contains("REFUSED").contains("500");
    }

    @Test
    void sendsTheExactBytesOfAPayloadFile() throws Exception {
        String url = brokenHandler(200, "{}");
        Path file = tmp.resolve("payload.json");
        byte[] body = io.orderhooks.events.testkit.CheckoutRequests.bytes(io.orderhooks.events.testkit.CheckoutRequests.payload(
                io.orderhooks.events.testkit.Worksheets.order("o-file").line("A", 1, "1.00").build()));
        Files.write(file, body);

        assertThat(run("trigger", "ordersubmit", "--url", url, "--hash-key", "k1", "--file", file.toString())).isZero();
        assertThat(out.toString()).contains("(" + body.length + " bytes, X-oc-hash: " + OcHash.sign("k1", body) + ")");
    }

    @Test
    void triggersAPreWebhookAndChecksItsReply() throws Exception {
        WebhooksDispatcher pre = WebhooksDispatcher.builder().hashKeys("k1")
                .preHook("PUT", "v1/buyers/{buyerID}/addresses/{addressID}", e -> PreWebhookResponse.proceed()).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        JdkHttpServerAdapter.mount(server, "/webhooks/pre", pre.maxBodyBytes(), pre);
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/pre/";
            int ok = run("trigger", "webhook", "--url", url, "--hash-key", "k1", "--pre",
                    "--route", "PUT v1/buyers/{buyerID}/addresses/{addressID}");
            assertThat(ok).as(out.toString()).isZero();
            assertThat(out.toString()).contains("\"proceed\" : true");
        } finally {
            server.stop(0);
            pre.close();
        }
        String url = brokenHandler(200, "{\"ok\":true}");
        assertThat(run("trigger", "webhook", "--url", url, "--hash-key", "k1", "--pre")).isEqualTo(1);
        assertThat(out.toString()).contains("  - pre-webhook reply has no boolean \"proceed\": {\"ok\":true}");
    }

    @Test
    void refusesAnUnknownEventOrBothLinesAndFileWithExitTwo() {
        assertThat(run("trigger", "ordercancel", "--url", "http://127.0.0.1:1", "--hash-key", "k1")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown event 'ordercancel'");
        assertThat(run("trigger", "ordercalculate", "--url", "http://127.0.0.1:1", "--hash-key", "k1", "--lines", "2",
                "--file", "x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void signPrintsThePublishedReferenceHash() {
        byte[] vector = ("{\"Route\":\"v1/buyers/{buyerID}/addresses/{addressID}\",\"Verb\":\"PUT\","
                + "\"Request\":{\"Body\":{\"City\":\"Minneapolis\"}},\"ConfigData\":{\"Foo\":\"blah\"}}").getBytes(StandardCharsets.UTF_8);
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        ((SignCommand) cli.getSubcommands().get("sign").getCommand()).in = new ByteArrayInputStream(vector);

        assertThat(cli.execute("sign", "--hash-key", "myhashkey")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("4NPw1O9AviSOC1A3C+HqkDutRLNwyABneY/3M2OqByE=" + System.lineSeparator());
    }
}
