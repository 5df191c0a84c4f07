package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.LineItemReturnCalculation;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.OrderReturns;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /calculateorderreturn}: a typed handler receives the return with its order and its answer is validated. */
class OrderReturnCalculateTest {

    static final String KEY = "return-key";
    final OrderWorksheet worksheet = Worksheets.order("o1").line("SHIRT", 2, "12.00").line("MUG", 1, "8.50").build();
    final OrderReturn ret = OrderReturns.of("r1", worksheet).item("line1", 1).build();
    final AtomicReference<CheckoutEvent> seen = new AtomicReference<>();

    TestDispatcherClient client(OrderReturnCalculateHandler handler) {
        return TestDispatcherClient.of(IntegrationEventsDispatcher.builder().hashKeys(KEY).orderReturnCalculate(handler).build(), KEY);
    }

    @Test
    void theHandlerGetsTheReturnAndItsOrderAndItsRefundsAreAnswered() {
        TestDispatcherClient c = client(e -> {
            seen.set(e);
            return OrderReturnCalculateResponse.of(new BigDecimal("11.00"), List.of(new LineItemReturnCalculation("line1", new BigDecimal("11.00"))));
        });
        OrderReturnCalculateResponse answer = c.orderReturnCalculate(worksheet, ret);
        assertThat(answer.refundAmount()).isEqualByComparingTo("11.00");
        assertThat(answer.itemsToReturnCalcs()).containsExactly(new LineItemReturnCalculation("line1", new BigDecimal("11.00")));
        assertThat(seen.get().type()).isEqualTo(CheckoutEventType.ORDER_RETURN_CALCULATE);
        assertThat(seen.get().orderReturn().id()).isEqualTo("r1");
        assertThat(seen.get().orderID()).isEqualTo("o1");
        assertThat(seen.get().lineItems()).hasSize(2);
    }

    @Test
    void anAnswerNamingALineOutsideTheReturnIsA500NamingTheViolation() {
        TestDispatcherClient c = client(e -> OrderReturnCalculateResponse.of(null,
                List.of(new LineItemReturnCalculation("line2", new BigDecimal("-1")))));
        assertThatThrownBy(() -> c.orderReturnCalculate(worksheet, ret))
                .isInstanceOfSatisfying(TestDispatcherClient.ErrorAnswer.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo("IntegrationEvent.InvalidResponse");
                    assertThat(e.error().message()).contains("ItemsToReturnCalcs[0].LineItemID line2 is not an item of the return")
                            .contains("ItemsToReturnCalcs[0].RefundAmount must be a non-negative amount, was -1");
                });
    }

    @Test
    void aBodyWithoutAnOrderReturnIsRefusedAsMalformedBeforeTheHandlerRuns() {
        TestDispatcherClient c = client(e -> {
            seen.set(e);
            return OrderReturnCalculateResponse.of(BigDecimal.ZERO, List.of());
        });
        RawResponse r = c.send(CheckoutEventType.ORDER_RETURN_CALCULATE, worksheet);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).contains("Request.InvalidJson").contains("OrderReturn is required");
        assertThat(seen.get()).isNull();
    }

    @Test
    void anUnsignedCallIsRefusedAndAStringRefundAsTheSdkDeclaresItIsRead() throws Exception {
        TestDispatcherClient c = client(e -> OrderReturnCalculateResponse.of(null, List.of()));
        byte[] body = CheckoutRequests.bytes(CheckoutRequests.returnPayload(worksheet, ret, null));
        assertThat(c.send(CheckoutRequests.unsigned(CheckoutEventType.ORDER_RETURN_CALCULATE, body)).status()).isEqualTo(401);
        OrderReturnCalculateResponse parsed = io.orderhooks.core.json.OrderCloudJson.mapper().readValue(
                "{\"ItemsToReturnCalcs\":[{\"LineItemID\":\"line1\",\"RefundAmount\":\"4.50\"}]}".getBytes(StandardCharsets.UTF_8),
                OrderReturnCalculateResponse.class);
        assertThat(parsed.itemsToReturnCalcs().get(0).refundAmount()).isEqualByComparingTo("4.50");
    }
}
