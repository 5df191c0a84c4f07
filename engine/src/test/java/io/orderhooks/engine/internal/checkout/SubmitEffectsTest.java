package io.orderhooks.engine.internal.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.LineItemVariant;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.Payment;
import io.orderhooks.engine.internal.orders.OrderState;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a submit's hold keeps of the submitted order ({@link SubmitEffects#releasable}). */
class SubmitEffectsTest {

    @Test
    void aHoldKeepsWhatReleaseReadsAndNotTheWorksheetOrTheLinesDetails() {
        LineItem line = LineItem.builder().id("L1").productID("P1").quantity(3).inventoryRecordID("R1")
                .variant(LineItemVariant.builder().id("V1").name("Blue").build())
                .product(LineItemProduct.builder().id("P1").name("Product 1").description("a long description").build())
                .shippingAddress(Address.builder().id("home").street1("110 N 5th St").build())
                .unitPrice(new BigDecimal("12.50")).build();
        Payment payment = Payment.builder().id("PAY1").type("SpendingAccount").spendingAccountID("sa").build();
        OrderPromotion promotion = OrderPromotion.builder().id("PROMO").amount(BigDecimal.ONE).build();
        OrderState submitted = OrderState.of(Order.builder().id("O1").fromCompanyID("b1").fromUserID("u1").build())
                .withLineItems(List.of(line)).withPayments(List.of(payment)).withPromotions(List.of(promotion))
                .withCalculateResponse(new OrderCalculateResponse(null, null, new BigDecimal("1.00"), null, 200, null, null, true));

        OrderState kept = SubmitEffects.releasable(submitted);

        assertThat(kept.order()).isEqualTo(submitted.order());
        assertThat(kept.payments()).containsExactly(payment);
        assertThat(kept.promotions()).containsExactly(promotion);
        assertThat(kept.lineItems()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("L1");
            assertThat(l.productID()).isEqualTo("P1");
            assertThat(l.quantity()).isEqualTo(3);
            assertThat(l.inventoryRecordID()).isEqualTo("R1");
            assertThat(l.variant().id()).isEqualTo("V1");
            assertThat(l.product()).isNull();
            assertThat(l.shippingAddress()).isNull();
            assertThat(l.unitPrice()).isNull();
        });
        assertThat(kept.calculateResponse()).isNull();
    }
}
