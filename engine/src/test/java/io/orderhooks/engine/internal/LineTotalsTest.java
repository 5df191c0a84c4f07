package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.orders.LinePatch;
import io.orderhooks.engine.internal.orders.OrderMath;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line changes keep every line and order total exactly what a full recompute gives, and cumulative schedules re-price siblings. */
class LineTotalsTest {

    final EngineFixture f = new EngineFixture();
    final Engine e = f.engine;
    final Caller overrider = Caller.buyer("u1", "b1", "client", "Shopper", "OverrideUnitPrice");

    LineItem add(Caller c, int q, String unitPrice) {
        return e.lineItems().add(c, Outgoing, "O1", LineItem.builder().productID("P1").quantity(q)
                .unitPrice(unitPrice == null ? null : new BigDecimal(unitPrice)).build());
    }

    OrderState state() {
        return e.orders().state(f.u1, Outgoing, "O1");
    }

    List<String> unitPrices() {
        return state().lineItems().stream().map(l -> l.unitPrice().toPlainString()).toList();
    }

    void assertTotalsAsAFullRecompute() {
        OrderState s = state();
        assertThat(OrderMath.stale(s)).as("the committed state is already what a full recompute gives").isEqualTo(s);
    }

    @Test
    void everyLineChangeLeavesTotalsExactlyAsAFullRecomputeWouldIncludingTheirScale() {
        e.orders().create(f.u1, Order.builder().id("O1").build());
        LineItem a = add(f.u1, 2, null);
        assertTotalsAsAFullRecompute();
        LineItem b = add(overrider, 3, "1.255");
        assertTotalsAsAFullRecompute();
        assertThat(state().order().subtotal().toPlainString()).isEqualTo("23.765");
        e.lineItems().patch(f.u1, Outgoing, "O1", a.id(), LinePatch.quantity(12));
        assertTotalsAsAFullRecompute();
        assertThat(state().order().subtotal().toPlainString()).isEqualTo("111.765");
        e.lineItems().patch(overrider, Outgoing, "O1", b.id(), new LinePatch(null, null, new BigDecimal("2.50"), null, null, null, null));
        assertTotalsAsAFullRecompute();
        assertThat(state().order().subtotal().toPlainString()).as("the 3-decimal line is gone, so is the third decimal").isEqualTo("115.50");
        e.lineItems().delete(f.u1, Outgoing, "O1", a.id());
        assertTotalsAsAFullRecompute();
        assertThat(state().order().subtotal().toPlainString()).isEqualTo("7.50");
        assertThat(state().order().total().toPlainString()).isEqualTo("7.50");
        assertThat(state().order().lineItemCount()).isEqualTo(1);
    }

    @Test
    void aCumulativeScheduleRepricesEverySiblingOnAddPatchAndDelete() {
        e.catalog().savePriceSchedule(f.seller, PriceSchedule.builder().id("ps1").name("P1 prices").useCumulativeQuantity(true)
                .priceBreaks(List.of(new PriceBreak(1, new BigDecimal("10.00"), null), new PriceBreak(10, new BigDecimal("9.00"), null)))
                .build());
        e.orders().create(f.u1, Order.builder().id("O1").build());
        LineItem a = add(f.u1, 6, null);
        LineItem b = add(f.u1, 5, null);
        assertThat(unitPrices()).containsExactly("9.00", "9.00");
        e.lineItems().patch(f.u1, Outgoing, "O1", b.id(), LinePatch.quantity(1));
        assertThat(unitPrices()).containsExactly("10.00", "10.00");
        add(f.u1, 3, null);
        assertThat(unitPrices()).containsExactly("9.00", "9.00", "9.00");
        assertThat(state().order().subtotal().toPlainString()).isEqualTo("90.00");
        e.lineItems().delete(f.u1, Outgoing, "O1", a.id());
        assertThat(unitPrices()).containsExactly("10.00", "10.00");
        assertThat(state().order().subtotal().toPlainString()).isEqualTo("40.00");
        assertTotalsAsAFullRecompute();
    }

    @Test
    void aLineOfANonCumulativeScheduleIsPricedByItsOwnQuantity() {
        e.orders().create(f.u1, Order.builder().id("O1").build());
        add(f.u1, 6, null);
        add(f.u1, 10, null);
        assertThat(unitPrices()).containsExactly("10.00", "9.00");
        assertThat(state().order().subtotal().toPlainString()).isEqualTo("150.00");
    }
}
