package io.orderhooks.engine.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.Redelivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryLogAcceptanceTest {

    final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    final Redelivery redelivery = id -> {
        DeliveryRecord original = log.find(id).orElseThrow();
        DeliveryRecord again = DeliveryRecord.builder().id(id + "-again").kind(original.kind()).subject(original.subject())
                .endpointID(original.endpointID()).outcome(DeliveryRecord.OutcomeKind.DELIVERED).httpStatus(200)
                .succeeded(true).requestBody(original.requestBody()).timestamp(Instant.parse("2026-03-01T11:00:00Z"))
                .redeliveryOf(id).build();
        log.append(again);
        return new Redelivery.Result(again, new DeliveryOutcome.Delivered(200, new byte[0], Duration.ZERO));
    };
    final ApiTestServer api = ApiTestServer.start(e -> e, a -> a.deliveryLog(log).redelivery(redelivery));
    final String admin = api.adminToken();

    @AfterEach
    void stop() {
        api.close();
    }

    void record(String id, DeliveryRecord.Kind kind, String order, boolean succeeded, boolean dead, String body) {
        log.append(DeliveryRecord.builder().id(id).kind(kind).subject(kind == DeliveryRecord.Kind.CHECKOUT ? "ordersubmit" : "PUT v1/buyers/{buyerID}")
                .endpointID("ep1").url("https://mw.example").orderID(order)
                .outcome(succeeded ? DeliveryRecord.OutcomeKind.DELIVERED : DeliveryRecord.OutcomeKind.TIMED_OUT)
                .succeeded(succeeded).deadLetter(dead).requestBody(body.getBytes(StandardCharsets.UTF_8))
                .timestamp(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(log.size())).build());
    }

    @Test
    void listsFiltersAndRedactsTokensFromRequestBodies() {
        record("d1", DeliveryRecord.Kind.CHECKOUT, "o1", false, false,
                "{\"OrderCloudAccessToken\":\"eyJ.secret\",\"OrderWorksheet\":{\"Order\":{\"ID\":\"o1\"}}}");
        record("d2", DeliveryRecord.Kind.POST_WEBHOOK, null, false, true, "{\"UserToken\":\"eyJ.user\",\"Verb\":\"PUT\"}");
        record("d3", DeliveryRecord.Kind.POST_WEBHOOK, null, true, false, "not json");

        Response all = api.get("/v1/deliveries", admin);
        assertThat(all.body().at("/Meta/TotalCount").asInt()).isEqualTo(3);
        assertThat(all.body().at("/Items/0/ID").asText()).isEqualTo("d3");
        assertThat(all.body().at("/Items/0/RequestBody").asText()).isEqualTo("not json");

        Response dead = api.get("/v1/deliveries?Kind=POST_WEBHOOK&DeadLetter=true", admin);
        assertThat(dead.body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(dead.body().at("/Items/0/RequestBody/UserToken").asText()).isEqualTo("REDACTED");
        assertThat(dead.body().at("/Items/0/Redeliverable").asBoolean()).isTrue();

        Response one = api.get("/v1/deliveries/d1", admin);
        assertThat(one.body().at("/RequestBody/OrderCloudAccessToken").asText()).isEqualTo("REDACTED");
        assertThat(one.body().at("/RequestBody/OrderWorksheet/Order/ID").asText()).isEqualTo("o1");
        assertThat(one.body().get("Outcome").asText()).isEqualTo("TIMED_OUT");
        assertThat(api.get("/v1/deliveries?OrderID=o1", admin).body().at("/Items/0/ID").asText()).isEqualTo("d1");
        assertThat(api.get("/v1/deliveries/nope", admin).status()).isEqualTo(404);
    }

    @Test
    void redeliveryRunsThroughThePortAndNeedsTheAdminRole() {
        record("d1", DeliveryRecord.Kind.POST_WEBHOOK, "o1", false, true, "{\"UserToken\":\"t\"}");
        Response refused = api.post("/v1/deliveries/d1/redeliver", api.adminToken("DeliveryLogReader"), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("/v1/deliveries", api.adminToken("DeliveryLogReader")).status()).isEqualTo(200);

        Response again = api.post("/v1/deliveries/d1/redeliver", api.adminToken("DeliveryLogAdmin"), null);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("ID").asText()).isEqualTo("d1-again");
        assertThat(again.body().get("RedeliveryOf").asText()).isEqualTo("d1");
        assertThat(again.body().at("/RequestBody/UserToken").asText()).isEqualTo("REDACTED");
    }

    @Test
    void aFailedOrderSubmitIsNotRedeliveredThroughTheEngineBecauseItsSubmitWasUndone() {
        record("d1", DeliveryRecord.Kind.CHECKOUT, "o1", false, false, "{\"OrderCloudAccessToken\":\"t\"}");
        assertThat(log.find("d1").orElseThrow().redeliverable()).as("the sender's view").isTrue();
        assertThat(api.get("/v1/deliveries/d1", admin).body().get("Redeliverable").asBoolean()).isFalse();

        Response r = api.post("/v1/deliveries/d1/redeliver", admin, null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("Delivery.NotRedeliverable");
        assertThat(r.body().at("/Errors/0/Message").asText()).contains("order o1", "submit the order again");
        assertThat(log.size()).as("nothing was sent").isEqualTo(1);
        assertThat(api.post("/v1/deliveries/nope/redeliver", admin, null).status()).isEqualTo(404);
    }

    @Test
    void aReplayToAnotherUrlNeedsAnAbsoluteHttpUrlAndASenderThatCanReplay() {
        record("d1", DeliveryRecord.Kind.POST_WEBHOOK, "o1", true, false, "{}");

        Response badUrl = api.post("/v1/deliveries/d1/redeliver", admin, "{\"Url\":\"localhost:9000/hooks\"}");
        Response notReplayable = api.post("/v1/deliveries/d1/redeliver", admin, "{\"Url\":\"http://localhost:9000/hooks\"}");

        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.errorCode()).isEqualTo("Delivery.InvalidUrl");
        assertThat(badUrl.body().at("/Errors/0/Message").asText())
                .isEqualTo("Url must be an absolute http or https URL, was \"localhost:9000/hooks\"");
        assertThat(notReplayable.status()).isEqualTo(400);
        assertThat(notReplayable.errorCode()).isEqualTo("Delivery.NotReplayable");
        assertThat(log.size()).as("nothing was sent").isEqualTo(1);
    }

    @Test
    void listsNoBreakersWhenTheEngineHasNoSenderBreakers() {
        Response r = api.get("/v1/deliveryBreakers", admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(api.get("/v1/deliveryBreakers", api.adminToken("DeliveryLogReader")).status()).isEqualTo(200);
    }

    @Test
    void buyerUsersCannotReadTheLogEvenWithTheRole() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "DeliveryLogReader");
        Response r = api.get("/v1/deliveries", api.login("shop", "ann", "pw", "DeliveryLogReader"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("Auth.UserNotAuthorizedToAdmin");
    }
}
