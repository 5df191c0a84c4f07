package io.orderhooks.examples.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Post-webhooks fired by the engine API ({@code POST v1/buyers}) through {@code HttpWebhookSink} to WireMock:
 * retries on the injected clock, the dead letter, redelivery through {@code POST v1/deliveries/{id}/redeliver},
 * and a shutdown that leaves every queued delivery in the log as a redeliverable dead letter.
 */
class PostWebhookDeliveryAcceptanceTest {

    private static final String HOOK_KEY = "webhook-hash-key";

    private final WireMockServer mw = new WireMockServer(options().dynamicPort());
    private DeliveryMarketplace m;
    private String admin;

    @BeforeEach
    void start() {
        mw.start();
        m = new DeliveryMarketplace(Duration.ofSeconds(1), mw.baseUrl() + "/a", mw.baseUrl() + "/b");
        admin = m.api.adminToken();
        ApiTestServer.ok(m.api.post("/v1/webhooks", admin, ApiTestServer.json(Map.of("ID", "buyer-sync",
                "Name", "Buyer sync", "Url", mw.baseUrl() + "/hooks/buyers", "HashKey", HOOK_KEY,
                "BeforeProcessRequest", false, "ApiClientIDs", List.of(AdminBootstrap.LOCAL_DEFAULTS.clientID()),
                "WebhookRoutes", List.of(Map.of("Route", "v1/buyers", "Verb", "POST"))))));
    }

    @AfterEach
    void stop() {
        m.close();
        mw.stop();
    }

    private void createBuyer(String id) {
        ApiTestServer.ok(m.api.post("/v1/buyers", admin, ApiTestServer.json(Map.of("ID", id, "Name", id, "Active", true))));
    }

    private List<LoggedRequest> deliveries() {
        return mw.findAll(postRequestedFor(urlEqualTo("/hooks/buyers")));
    }

    private static JsonNode json(byte[] body) {
        try {
            return OrderCloudJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DeliveryRecord> postRecords() {
        return m.log.list(io.orderhooks.engine.spi.DeliveryLog.Query.ALL.withKind(DeliveryRecord.Kind.POST_WEBHOOK));
    }

    @Test
    void aFailingPostWebhookIsRetriedOnTheClockThenDeadLetteredAndRedeliveredThroughTheApi() {
        mw.stubFor(post("/hooks/buyers").willReturn(aResponse().withStatus(500).withBody("sync down")));

        createBuyer("b9");
        assertThat(m.webhooks.queued()).as("the write did not wait for the hook").isEqualTo(1);
        assertThat(m.webhooks.runDue()).isEqualTo(1);
        assertThat(m.webhooks.runDue()).as("the retry waits for the clock").isZero();
        m.clock.advance(Duration.ofSeconds(1));
        assertThat(m.webhooks.runDue()).isEqualTo(1);
        m.clock.advance(Duration.ofSeconds(5));
        assertThat(m.webhooks.runDue()).isEqualTo(1);
        assertThat(m.webhooks.queued()).isZero();

        Response dead = m.api.get("/v1/deliveries?Kind=POST_WEBHOOK&DeadLetter=true", admin);
        assertThat(dead.body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        JsonNode letter = dead.body().at("/Items/0");
        assertThat(letter.get("Attempt").asInt()).isEqualTo(3);
        assertThat(letter.get("HttpStatus").asInt()).isEqualTo(500);
        assertThat(letter.get("ResponseBody").asText()).isEqualTo("sync down");
        assertThat(letter.get("Redeliverable").asBoolean()).isTrue();
        assertThat(letter.get("Subject").asText()).isEqualTo("POST v1/buyers");

        mw.stubFor(post("/hooks/buyers").willReturn(okJson("{}")));
        Response again = m.api.post("/v1/deliveries/" + letter.get("ID").asText() + "/redeliver", admin, null);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("Succeeded").asBoolean()).isTrue();
        assertThat(again.body().get("RedeliveryOf").asText()).isEqualTo(letter.get("ID").asText());
        List<LoggedRequest> sent = deliveries();
        assertThat(sent).hasSize(4).allSatisfy(r -> {
            assertThat(r.getBody()).isEqualTo(sent.get(0).getBody());
            assertThat(r.getHeader(OcHash.HEADER)).isEqualTo(OcHash.sign(HOOK_KEY, r.getBody()));
        });
        JsonNode payload = json(sent.get(0).getBody());
        assertThat(payload.get("Route").asText()).isEqualTo("v1/buyers");
        assertThat(payload.at("/Request/Body/ID").asText()).isEqualTo("b9");
        assertThat(postRecords()).extracting(DeliveryRecord::attempt, DeliveryRecord::succeeded, DeliveryRecord::deadLetter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true, false),
                        org.assertj.core.groups.Tuple.tuple(3, false, true),
                        org.assertj.core.groups.Tuple.tuple(2, false, false),
                        org.assertj.core.groups.Tuple.tuple(1, false, false));
        assertThat(m.api.get("/v1/buyers/b9", admin).status()).as("the buyer was created once").isEqualTo(200);
    }

    @Test
    void shuttingTheSinkDownLeavesEveryQueuedAndLaterPostWebhookAsARedeliverableDeadLetter() {
        mw.stubFor(post("/hooks/buyers").willReturn(okJson("{}")));
        createBuyer("b7");
        createBuyer("b8");
        assertThat(m.webhooks.queued()).isEqualTo(2);

        List<DeliveryRecord> letters = m.webhooks.shutdown();
        createBuyer("b9");

        assertThat(letters).hasSize(2).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(OutcomeKind.NOT_ATTEMPTED);
            assertThat(r.error()).startsWith("shutdown");
        });
        assertThat(deliveries()).as("nothing was sent after shutdown").isEmpty();
        Response dead = m.api.get("/v1/deliveries?DeadLetter=true", admin);
        assertThat(dead.body().at("/Meta/TotalCount").asInt()).isEqualTo(3);
        for (JsonNode letter : dead.body().get("Items")) {
            assertThat(letter.get("Redeliverable").asBoolean()).isTrue();
            Response again = m.api.post("/v1/deliveries/" + letter.get("ID").asText() + "/redeliver", admin, null);
            assertThat(again.body().get("Succeeded").asBoolean()).isTrue();
        }
        assertThat(deliveries()).extracting(r -> json(r.getBody()).at("/Request/Body/ID").asText())
                .containsExactlyInAnyOrder("b7", "b8", "b9");
    }
}
