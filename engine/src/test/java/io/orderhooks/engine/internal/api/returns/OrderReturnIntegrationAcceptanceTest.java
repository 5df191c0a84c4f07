package io.orderhooks.engine.internal.api.returns;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Submitting a return through an API client with an {@code OrderReturnIntegrationEventID} calls
 * {@code /calculateorderreturn} outside the order's lock and applies (or refuses on) its answer.
 */
class OrderReturnIntegrationAcceptanceTest {

    final List<CheckoutCall> calls = new CopyOnWriteArrayList<>();
    volatile Function<CheckoutCall, DeliveryOutcome> returnAnswer;
    ApiTestServer api;
    String shopper;

    void start(Function<CheckoutCall, DeliveryOutcome> answer) {
        returnAnswer = answer;
        api = ReturnFixture.start(call -> {
            if (call.type() != CheckoutEventType.ORDER_RETURN_CALCULATE) {
                return CommerceFixture.CHECKOUT.deliver(call);
            }
            calls.add(call);
            return returnAnswer.apply(call);
        });
        ReturnFixture.submittedOrder(api, "o1");
        Caller seller = Caller.seller("admin", api.engine().context().config().sellerOrgID(), null, "FullAccess");
        api.engine().integrations().createEvent(seller, new IntegrationEvent(List.of(), "returns", null, "OrderReturn",
                "https://merchant.example/returns", null, null, "Returns", "hash-key-2"));
        ok(api.patch("/v1/apiclients/" + CommerceFixture.CLIENT, api.adminToken(), json(Map.of("OrderReturnIntegrationEventID", "returns"))));
        shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orderreturns", shopper, json(Map.of("ID", "r1", "OrderID", "o1",
                "ItemsToReturn", List.of(Map.of("LineItemID", "l1", "Quantity", 2))))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static DeliveryOutcome answer(int status, String body) {
        return status == 200 ? new DeliveryOutcome.Delivered(200, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO)
                : new DeliveryOutcome.Rejected(status, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    @Test
    void theMiddlewaresRefundsReplaceTheComputedOnesAndItReceivesTheReturnWithItsOrderWorksheet() throws Exception {
        start(call -> answer(200, "{\"RefundAmount\":17.5,\"ItemsToReturnCalcs\":[{\"LineItemID\":\"l1\",\"RefundAmount\":\"17.50\"}]}"));
        Response submitted = api.post("/v1/orderreturns/r1/submit", shopper, null);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().get("RefundAmount").decimalValue()).isEqualByComparingTo("17.50");
        assertThat(submitted.body().at("/ItemsToReturn/0/RefundAmount").decimalValue()).isEqualByComparingTo("17.50");

        CheckoutCall call = calls.get(0);
        assertThat(call.endpoint().url()).isEqualTo("https://merchant.example/returns");
        assertThat(call.orderID()).isEqualTo("o1");
        assertThat(call.idempotencyKey()).isEqualTo("r1/calculateorderreturn/0");
        JsonNode body = OrderCloudJson.mapper().readTree(call.payload());
        assertThat(body.at("/OrderReturn/ID").asText()).isEqualTo("r1");
        assertThat(body.at("/OrderReturn/ItemsToReturn/0/Quantity").asInt()).isEqualTo(2);
        assertThat(body.at("/OrderWorksheet/Order/ID").asText()).isEqualTo("o1");
        assertThat(body.at("/OrderWorksheet/LineItems").size()).isEqualTo(2);
        assertThat(body.get("Environment").asText()).isEqualTo("Sandbox");
        assertThat(body.get("OrderCloudAccessToken").asText()).isNotBlank();
    }

    @Test
    void aRefusingMiddlewareLeavesTheReturnUnsubmittedAndTheCallerGetsTheIntegrationError() {
        start(call -> answer(500, "{\"Errors\":[{\"ErrorCode\":\"Boom\"}]}"));
        Response refused = api.post("/v1/orderreturns/r1/submit", shopper, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("IntegrationEvent.BadRequest");
        assertThat(refused.body().at("/Errors/0/Data/EventType").asText()).isEqualTo("calculateorderreturn");
        assertThat(api.get("/v1/orderreturns/r1", shopper).body().get("Status").asText()).isEqualTo("Unsubmitted");
    }

    @Test
    void anAnswerNamingALineOutsideTheReturnIsRefusedAsABadAnswer() {
        start(call -> answer(200, "{\"ItemsToReturnCalcs\":[{\"LineItemID\":\"l2\",\"RefundAmount\":1}]}"));
        Response refused = api.post("/v1/orderreturns/r1/submit", shopper, null);
        assertThat(refused.errorCode()).isEqualTo("IntegrationEvent.BadRequest");
        assertThat(api.get("/v1/orderreturns/r1", shopper).body().get("Status").asText()).isEqualTo("Unsubmitted");
    }

    @Test
    void theMiddlewareIsCalledWithoutTheOrderLockAndAReturnChangedMeanwhileIsRefusedWithAConflict() {
        start(call -> {
            // another thread changes the return while the call is in flight: it would block if submit held the lock
            CompletableFuture<Response> change = CompletableFuture.supplyAsync(() ->
                    api.patch("/v1/orderreturns/r1", shopper, json(Map.of("Comments", "changed meanwhile"))));
            try {
                assertThat(change.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            } catch (Exception e) {
                throw new AssertionError("the change blocked while the integration event was called", e);
            }
            return answer(200, "{}");
        });
        Response refused = api.post("/v1/orderreturns/r1/submit", shopper, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("OrderReturn.ChangedDuringCalculation");
        assertThat(api.get("/v1/orderreturns/r1", shopper).body().get("Comments").asText()).isEqualTo("changed meanwhile");
        returnAnswer = call -> answer(200, "{}");
        assertThat(api.post("/v1/orderreturns/r1/submit", shopper, null).body().get("Status").asText()).isEqualTo("Open");
        assertThat(calls.get(1).idempotencyKey()).isEqualTo("r1/calculateorderreturn/1");
    }
}
