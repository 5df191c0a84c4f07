package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookSigning;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole middleware over loopback HTTP, as OrderCloud calls it: signed bytes in, OrderCloud's JSON out. */
class ShopMiddlewareTest {

    static final String HASH_KEY = "shop-hash-key";

    final ShopMiddleware middleware = ShopMiddleware.start(HASH_KEY, "127.0.0.1", 0);
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        middleware.close();
    }

    JsonNode post(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + middleware.port() + path))
                .header("Content-Type", "application/json")
                .header("X-oc-hash", WebhookSigning.sign(HASH_KEY, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return OrderCloudJson.mapper().readTree(response.body());
    }

    @Test
    void answersOrderCalculateWithTheTaxPlugin() throws Exception {
        byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o1").line("lunch-tote", 2, "21.50").build()));

        JsonNode answer = post("/integration/ordercalculate", body);

        assertThat(answer.get("TaxTotal").decimalValue()).isEqualByComparingTo("2.96");
    }

    @Test
    void answersThePreWebhookWithTheGuardsDecision() throws Exception {
        byte[] body = WebhookPayloads.forRoute(BulkQuantityGuard.ORDER_LINES, "POST").param("direction", "Outgoing")
                .param("orderID", "o1").requestBody("{\"ProductID\":\"lunch-tote\",\"Quantity\":500}").toBytes();

        JsonNode answer = post("/webhooks/pre", body);

        assertThat(answer.get("proceed").asBoolean()).isFalse();
        assertThat(answer.get("body").asText())
                .isEqualTo("Orders of more than 50 of one product go through our sales team (asked for 500 x lunch-tote)");
    }
}
