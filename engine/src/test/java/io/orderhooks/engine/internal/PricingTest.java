package io.orderhooks.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.catalog.Pricing;
import io.orderhooks.engine.internal.catalog.SpecChoice;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static PriceSchedule schedule() {
        return PriceSchedule.builder().id("ps").priceBreaks(List.of(new PriceBreak(1, new BigDecimal("10.00"), new BigDecimal("7.50")),
                new PriceBreak(10, new BigDecimal("9.00"), null), new PriceBreak(50, new BigDecimal("8.00"), null)))
                .saleStart(OffsetDateTime.parse("2026-03-01T12:00:00Z")).saleEnd(OffsetDateTime.parse("2026-03-02T00:00:00Z")).build();
    }

    static BigDecimal unit(PriceSchedule ps, int q, List<SpecChoice> specs, Instant at) {
        return Pricing.price(ps, q, q, specs, at).unitPrice();
    }

    @Test
    void choosesTheLargestBreakAtOrBelowTheQuantityAtEachBoundary() {
        PriceSchedule ps = schedule().toBuilder().saleStart(null).saleEnd(null).priceBreaks(List.of(
                new PriceBreak(1, new BigDecimal("10.00"), null), new PriceBreak(10, new BigDecimal("9.00"), null),
                new PriceBreak(50, new BigDecimal("8.00"), null))).build();
        assertThat(unit(ps, 1, List.of(), NOW)).isEqualByComparingTo("10.00");
        assertThat(unit(ps, 9, List.of(), NOW)).isEqualByComparingTo("10.00");
        assertThat(unit(ps, 10, List.of(), NOW)).isEqualByComparingTo("9.00");
        assertThat(unit(ps, 49, List.of(), NOW)).isEqualByComparingTo("9.00");
        assertThat(unit(ps, 50, List.of(), NOW)).isEqualByComparingTo("8.00");
    }

    @Test
    void usesTheSalePriceFromSaleStartInclusiveToSaleEndExclusive() {
        PriceSchedule ps = schedule();
        assertThat(Pricing.price(ps, 1, 1, List.of(), NOW.minusMillis(1)).onSale()).isFalse();
        assertThat(unit(ps, 1, List.of(), NOW.minusMillis(1))).isEqualByComparingTo("10.00");
        assertThat(unit(ps, 1, List.of(), NOW)).isEqualByComparingTo("7.50");
        assertThat(Pricing.price(ps, 1, 1, List.of(), NOW).onSale()).isTrue();
        assertThat(unit(ps, 1, List.of(), Instant.parse("2026-03-01T23:59:59.999Z"))).isEqualByComparingTo("7.50");
        assertThat(unit(ps, 1, List.of(), Instant.parse("2026-03-02T00:00:00Z"))).isEqualByComparingTo("10.00");
        assertThat(unit(ps, 10, List.of(), NOW)).as("a break without SalePrice keeps Price").isEqualByComparingTo("9.00");
    }

    @Test
    void appliesEachMarkupType() {
        PriceSchedule ps = schedule().toBuilder().saleStart(null).saleEnd(null).priceBreaks(List.of(new PriceBreak(1, new BigDecimal("9.99"), null))).build();
        assertThat(unit(ps, 3, List.of(spec("NoMarkup", "5")), NOW)).isEqualByComparingTo("9.99");
        assertThat(unit(ps, 3, List.of(spec("AmountPerQuantity", "2.00")), NOW)).isEqualByComparingTo("11.99");
        assertThat(unit(ps, 4, List.of(spec("AmountTotal", "2.00")), NOW)).isEqualByComparingTo("10.49");
        assertThat(unit(ps, 3, List.of(spec("AmountTotal", "1.00")), NOW)).as("9.99 + 0.3333 rounds HALF_UP").isEqualByComparingTo("10.32");
        assertThat(unit(ps, 3, List.of(spec("Percentage", "10")), NOW)).as("9.99 + 0.999").isEqualByComparingTo("10.99");
        assertThat(unit(ps, 3, List.of(spec("AmountPerQuantity", "1.00"), spec("Percentage", "50")), NOW)).isEqualByComparingTo("15.99");
    }

    @Test
    void enforcesMinimumMaximumAndRestrictedQuantities() {
        PriceSchedule ps = schedule().toBuilder().minQuantity(2).maxQuantity(60).build();
        assertThatThrownBy(() -> unit(ps, 1, List.of(), NOW)).extracting(e -> ((OrderCloudException) e).errorCode())
                .isEqualTo("PriceSchedule.CannotBeLessThanMin");
        assertThatThrownBy(() -> unit(ps, 61, List.of(), NOW)).extracting(e -> ((OrderCloudException) e).errorCode())
                .isEqualTo("PriceSchedule.CannotExceedMax");
        PriceSchedule restricted = schedule().toBuilder().restrictedQuantity(true).build();
        assertThat(unit(restricted, 10, List.of(), NOW)).isEqualByComparingTo("9.00");
        assertThatThrownBy(() -> unit(restricted, 11, List.of(), NOW)).extracting(e -> ((OrderCloudException) e).errorCode())
                .isEqualTo("PriceSchedule.QuantityNotAllowed");
        assertThatThrownBy(() -> unit(ps, 0, List.of(), NOW)).extracting(e -> ((OrderCloudException) e).errorCode())
                .isEqualTo("LineItem.QuantityMustBePositive");
    }

    static SpecChoice spec(String type, String amount) {
        return new SpecChoice("s", "Size", "o", "L", type, new BigDecimal(amount));
    }
}
