package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookTestClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pre-webhook as OrderCloud reaches it: a signed payload for the line-item routes, answered proceed or block. */
class BulkQuantityGuardTest {

    static final String HASH_KEY = "shop-hash-key";

    final WebhooksDispatcher dispatcher = new BulkQuantityGuard().registerInto(WebhooksDispatcher.builder().hashKeys(HASH_KEY)).build();
    final WebhookTestClient client = WebhookTestClient.signed(dispatcher, HASH_KEY);

    @AfterEach
    void close() {
        dispatcher.close();
    }

    static WebhookPayloads.Builder addLine(String body) {
        return WebhookPayloads.forRoute(BulkQuantityGuard.ORDER_LINES, "POST")
                .param("direction", "Outgoing").param("orderID", "o1").requestBody(body);
    }

    @Test
    void letsALineUpToTheLimitThrough() {
        PreWebhookResponse answer = client.pre(addLine("{\"ProductID\":\"kombucha-6pk\",\"Quantity\":50}").build());

        assertThat(answer.shouldProceed()).isTrue();
    }

    @Test
    void blocksALineOverTheLimitWithAMessageForTheBuyer() {
        PreWebhookResponse answer = client.pre(addLine("{\"ProductID\":\"kombucha-6pk\",\"Quantity\":80}").build());

        assertThat(answer.shouldProceed()).isFalse();
        assertThat(answer.body().asText())
                .isEqualTo("Orders of more than 50 of one product go through our sales team (asked for 80 x kombucha-6pk)");
    }

    @Test
    void takesTheLimitFromTheWebhooksConfigData() {
        PreWebhookResponse answer = client.pre(addLine("{\"ProductID\":\"kombucha-6pk\",\"Quantity\":80}")
                .configData(Map.of("MaxQuantity", 100)).build());

        assertThat(answer.shouldProceed()).isTrue();
    }

    @Test
    void checksAQuantityChangeAndLetsOtherChangesThrough() {
        WebhookPayloads.Builder patch = WebhookPayloads.forRoute(BulkQuantityGuard.ORDER_LINES + "/{lineItemID}", "PATCH")
                .param("direction", "Outgoing").param("orderID", "o1").param("lineItemID", "line1");

        PreWebhookResponse raised = client.pre(patch.requestBody("{\"Quantity\":51}").build());
        PreWebhookResponse commented = client.pre(patch.requestBody("{\"xp\":{\"GiftNote\":\"Happy birthday\"}}").build());

        assertThat(raised.shouldProceed()).isFalse();
        assertThat(raised.body().asText())
                .isEqualTo("Orders of more than 50 of one product go through our sales team (asked for 51 x line line1)");
        assertThat(commented.shouldProceed()).isTrue();
    }
}
