package io.orderhooks.events.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.OrderCalculateHandler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** What a merchant writes to unit-test a handler with the test kit: under ten lines. */
class MerchantHandlerExampleTest {

    /** The merchant's handler: a 10% fee on the order subtotal. */
    final OrderCalculateHandler tenPercentFee = e -> OrderCalculateResponse.builder()
            .feeTotal(e.worksheet().order().subtotal().multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP)).build();

    @Test
    void chargesATenPercentFee() {
        var dispatcher = IntegrationEventsDispatcher.builder().hashKeys("key").orderCalculate(tenPercentFee).build();
        var client = TestDispatcherClient.of(dispatcher, "key");

        OrderCalculateResponse answer = client.calculate(Worksheets.order("o1").line("SHIRT", 2, "12.00").line("MUG", 1, "8.55").build());

        assertThat(answer.feeTotal()).isEqualByComparingTo("3.26");
    }

    @Test
    void worksheetsComputeLineAndOrderTotals() {
        var worksheet = Worksheets.order("o1").line("SHIRT", 2, "12.00").line("MUG", 3, "8.50", l -> l.promotionDiscount(new BigDecimal("1.50"))).build();

        assertThat(worksheet.lineItems()).extracting(l -> l.id() + ":" + l.lineSubtotal() + "/" + l.lineTotal())
                .containsExactly("line1:24.00/24.00", "line2:25.50/24.00");
        assertThat(worksheet.order().subtotal()).isEqualByComparingTo("49.50");
        assertThat(worksheet.order().total()).isEqualByComparingTo("48.00");
        assertThat(worksheet.order().lineItemCount()).isEqualTo(2);
    }
}
