package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.PromoFixture.promo;
import static io.orderhooks.engine.internal.PromoFixture.thrown;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.orders.LinePatch;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.PromotionAssignment;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionTest {

    final PromoFixture p = new PromoFixture();
    final EngineFixture f = p.f;
    final Engine e = p.e;

    @Test
    void anOrderLevelDiscountIsRoundedHalfUpToTheCentLowersTheTotalAndMakesTheOrderStale() {
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 1);
        p.save(promo("TINY", "order.Subtotal >= 10", "order.Subtotal * .0365"));
        e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        assertThat(e.checkout().worksheet(f.u1, Outgoing, "O1").orderCalculateResponse()).isNotNull();
        OrderPromotion op = e.promotions().apply(f.u1, Outgoing, "O1", "tiny");
        assertThat(op.amount()).isEqualByComparingTo("0.37");
        assertThat(op.lineItemID()).isNull();
        assertThat(op.dateApplied()).isEqualTo(e.context().now());
        OrderWorksheet ws = e.checkout().worksheet(f.u1, Outgoing, "O1");
        assertThat(ws.orderCalculateResponse()).as("applying a promotion makes the order stale").isNull();
        assertThat(ws.order().promotionDiscount()).isEqualByComparingTo("0.37");
        assertThat(ws.order().total()).isEqualByComparingTo("9.63");
        e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        e.promotions().remove(f.u1, Outgoing, "O1", "TINY");
        ws = e.checkout().worksheet(f.u1, Outgoing, "O1");
        assertThat(ws.orderCalculateResponse()).as("removing one too").isNull();
        assertThat(ws.order().total()).isEqualByComparingTo("10.00");
    }

    @Test
    void anOrderLevelDiscountIsNeverMoreThanTheSubtotalNorNegative() {
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 2);
        p.save(promo("BIG", "true", "50").canCombine(true));
        p.save(promo("NEG", "true", "order.Subtotal - 100").canCombine(true));
        assertThat(e.promotions().apply(f.u1, Outgoing, "O1", "BIG").amount()).isEqualByComparingTo("20.00");
        assertThat(e.promotions().apply(f.u1, Outgoing, "O1", "NEG").amount()).isEqualByComparingTo("0.00");
        assertThat(p.order("O1").total()).isEqualByComparingTo("0.00");
    }

    @Test
    void aLineLevelPromotionDiscountsEachEligibleLineUsingXpCategories() {
        p.cart(f.u1, "O1");
        LineItem shirts = p.add(f.u1, "O1", "P1", 2);
        LineItem mug = p.add(f.u1, "O1", "P2", 1);
        p.save(promo("MUGS", "product.incategory('mugs')", "item.LineSubtotal * .1").lineItemLevel(true));
        OrderPromotion op = e.promotions().apply(f.u1, Outgoing, "O1", "MUGS");
        assertThat(op.lineItemID()).isEqualTo(mug.id());
        assertThat(op.amount()).isEqualByComparingTo("5.00");
        OrderWorksheet ws = e.checkout().worksheet(f.u1, Outgoing, "O1");
        LineItem m = ws.lineItems().stream().filter(l -> l.id().equals(mug.id())).findFirst().orElseThrow();
        LineItem s = ws.lineItems().stream().filter(l -> l.id().equals(shirts.id())).findFirst().orElseThrow();
        assertThat(m.promotionDiscount()).isEqualByComparingTo("5.00");
        assertThat(m.lineTotal()).isEqualByComparingTo("45.00");
        assertThat(s.promotionDiscount()).isEqualByComparingTo("0");
        assertThat(ws.order().promotionDiscount()).isEqualByComparingTo("5.00");
        assertThat(ws.order().total()).isEqualByComparingTo("65.00");
        p.add(f.u1, "O1", "P2", 3);
        assertThat(p.order("O1").promotionDiscount()).as("refreshed after a line change: 5.00 + 15.00").isEqualByComparingTo("20.00");
        assertThat(e.promotions().listOnOrder(f.u1, Outgoing, "O1")).hasSize(2);
    }

    @Test
    void itemLimitAndItemSortByChooseWhichLinesAreDiscounted() {
        p.cart(f.u1, "O1");
        LineItem cheap = p.add(f.u1, "O1", "P1", 1);
        LineItem one = p.add(f.u1, "O1", "P2", 1);
        LineItem two = p.add(f.u1, "O1", "P2", 2);
        p.save(promo("HALF", "item.UnitPrice > 0", "item.LineSubtotal * .5").lineItemLevel(true).itemLimitPerOrder(2).itemSortBy("!LineSubtotal"));
        e.promotions().apply(f.u1, Outgoing, "O1", "HALF");
        List<OrderPromotion> on = e.promotions().listOnOrder(f.u1, Outgoing, "O1");
        assertThat(on).extracting(OrderPromotion::lineItemID).containsExactly(two.id(), one.id());
        assertThat(on).extracting(x -> x.amount().toPlainString()).containsExactly("50.00", "25.00");
        assertThat(on).extracting(OrderPromotion::lineItemID).doesNotContain(cheap.id());
        assertThat(p.order("O1").total()).isEqualByComparingTo("85.00");
    }

    @Test
    void quantityLimitCapsTheUnitsDiscountedAcrossLines() {
        p.cart(f.u1, "O1");
        LineItem mugs = p.add(f.u1, "O1", "P2", 3);
        LineItem shirts = p.add(f.u1, "O1", "P1", 2);
        p.save(promo("FIVE", "item.Quantity >= 1", "item.Quantity * 5").lineItemLevel(true).quantityLimitPerOrder(4).itemSortBy("!UnitPrice"));
        e.promotions().apply(f.u1, Outgoing, "O1", "FIVE");
        List<OrderPromotion> on = e.promotions().listOnOrder(f.u1, Outgoing, "O1");
        assertThat(on).extracting(OrderPromotion::lineItemID).containsExactly(mugs.id(), shirts.id());
        assertThat(on).extracting(x -> x.amount().toPlainString()).containsExactly("15.00", "5.00");
        assertThat(p.order("O1").promotionDiscount()).isEqualByComparingTo("20.00");
    }

    @Test
    void savingRefusesMalformedOrMisplacedExpressionsAndBadSettingsSoNothingIsStored() {
        var bad = thrown(() -> p.save(promo("A", "order.Total >", "5")), "Expression.InvalidSyntax");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.getMessage()).isEqualTo("Expected a value at column 14");
        assertThat(bad.data().get("Column").asInt()).isEqualTo(14);
        thrown(() -> p.save(promo("B", "item.Quantity > 1", "5")), "Expression.InvalidReference");
        thrown(() -> p.save(promo("C", "order.Total > 1", "5").lineItemLevel(true)), "Expression.InvalidReference");
        thrown(() -> p.save(promo("D", "true", "item.LineSubtotal * .1")), "Expression.InvalidReference");
        thrown(() -> p.save(promo("E", "true", "5 +")), "Expression.InvalidSyntax");
        var sort = thrown(() -> p.save(promo("F", "item.Quantity > 0", "1").lineItemLevel(true).itemSortBy("Color")), "ValidationFailure");
        assertThat(sort.getMessage()).startsWith("ItemSortBy: cannot sort line items by 'Color'");
        thrown(() -> p.save(promo("G", "true", "1").itemLimitPerOrder(0)), "ValidationFailure");
        assertThat(e.promotions().list(f.seller)).isEmpty();
        p.save(promo("OK", "true", "1"));
        thrown(() -> p.save(promo("OK", "order.Total >", "1")), "Expression.InvalidSyntax");
        assertThat(e.promotions().get(f.seller, "OK").eligibleExpression()).as("an update with a bad expression is refused too").isEqualTo("true");
    }

    @Test
    void applyRefusesEachUnusablePromotionWithOrderCloudsCode() {
        OffsetDateTime now = e.context().now();
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 2);
        p.save(promo("LATER", "true", "1").startDate(now.plusDays(1)));
        p.save(promo("OVER", "true", "1").expirationDate(now));
        p.save(promo("OFF", "true", "1").active(false));
        p.save(promo("BIGONLY", "order.Subtotal > 100", "1"));
        p.save(promo("SOLO", "true", "1"));
        p.save(promo("MINE", "true", "1").allowAllBuyers(false));
        thrown(() -> e.promotions().apply(f.u1, Outgoing, "O1", "LATER"), "Promotion.NotYetValid");
        thrown(() -> e.promotions().apply(f.u1, Outgoing, "O1", "OVER"), "Promotion.Expired");
        thrown(() -> e.promotions().apply(f.u1, Outgoing, "O1", "OFF"), "Promotion.NotActive");
        var ne = thrown(() -> e.promotions().apply(f.u1, Outgoing, "O1", "BIGONLY"), "Promotion.NotEligible");
        assertThat(ne.getMessage()).isEqualTo("Promotion BIGONLY cannot be used on this order: its EligibleExpression is false for this order.");
        thrown(() -> e.promotions().apply(f.u1, Outgoing, "O1", "MINE"), "NotFound");
        thrown(() -> e.promotions().apply(f.u1, Outgoing, "O1", "NOSUCH"), "NotFound");
        e.promotions().assign(f.seller, new PromotionAssignment("MINE", "b1", null));
        e.promotions().apply(f.u1, Outgoing, "O1", "MINE");
        thrown(() -> e.promotions().apply(f.u1, Outgoing, "O1", "MINE"), "Promotion.AlreadyAdded");
        thrown(() -> e.promotions().apply(f.u1, Outgoing, "O1", "SOLO"), "Promotion.CannotCombine");
        f.clock.advance(Duration.ofDays(1));
        e.promotions().remove(f.u1, Outgoing, "O1", "MINE");
        assertThat(e.promotions().apply(f.u1, Outgoing, "O1", "LATER").amount()).as("valid from StartDate on").isEqualByComparingTo("1.00");
        assertThat(p.order("O1").total()).isEqualByComparingTo("19.00");
    }

    @Test
    void applyPromotionsAddsEligibleAutoApplyPromotionsByPriorityAndRefreshDropsIneligibleOnes() {
        p.cart(f.u1, "O1");
        LineItem l = p.add(f.u1, "O1", "P1", 3);
        p.save(promo("SECOND", "true", "2").autoApply(true).canCombine(true).priority(2));
        p.save(promo("FIRST", "order.Subtotal >= 30", "order.Subtotal * .1").autoApply(true).canCombine(true).priority(1));
        p.save(promo("NEVER", "order.Subtotal > 1000", "1").autoApply(true).canCombine(true));
        p.save(promo("MANUAL", "true", "7").canCombine(true));
        Order o = e.promotions().applyAuto(f.u1, Outgoing, "O1");
        assertThat(e.promotions().listOnOrder(f.u1, Outgoing, "O1")).extracting(OrderPromotion::code).containsExactly("FIRST", "SECOND");
        assertThat(o.promotionDiscount()).isEqualByComparingTo("5.00");
        assertThat(o.total()).isEqualByComparingTo("25.00");
        e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        e.promotions().applyAuto(f.u1, Outgoing, "O1");
        assertThat(e.checkout().worksheet(f.u1, Outgoing, "O1").orderCalculateResponse()).as("nothing added: not stale").isNotNull();
        e.lineItems().patch(f.u1, Outgoing, "O1", l.id(), LinePatch.quantity(2));
        assertThat(e.promotions().listOnOrder(f.u1, Outgoing, "O1")).as("a line change keeps the ineligible one at 0")
                .extracting(x -> x.code() + "=" + x.amount().toPlainString()).containsExactly("FIRST=0", "SECOND=2.00");
        List<OrderPromotion> left = e.promotions().refreshOrder(f.u1, Outgoing, "O1");
        assertThat(left).extracting(OrderPromotion::code).containsExactly("SECOND");
        assertThat(p.order("O1").total()).isEqualByComparingTo("18.00");
    }

    @Test
    void submitRefusesAPromotionThatIsNoLongerEligibleOrHasExpired() {
        p.cart(f.u1, "O1");
        LineItem l = p.add(f.u1, "O1", "P1", 3);
        p.save(promo("THIRTY", "order.Subtotal >= 30", "3").expirationDate(e.context().now().plusHours(1)));
        e.promotions().apply(f.u1, Outgoing, "O1", "THIRTY");
        e.lineItems().patch(f.u1, Outgoing, "O1", l.id(), LinePatch.quantity(2));
        var ex = thrown(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "tok"), "Promotion.NotEligible");
        assertThat(ex.getMessage()).contains("Promotion THIRTY cannot be used on this order");
        assertThat(ex.data().get("Code").asText()).isEqualTo("THIRTY");
        e.lineItems().patch(f.u1, Outgoing, "O1", l.id(), LinePatch.quantity(3));
        f.clock.advance(Duration.ofHours(1));
        thrown(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "tok"), "Promotion.Expired");
        assertThat(p.order("O1").status()).isEqualTo(io.orderhooks.core.model.OrderStatus.Unsubmitted);
    }
}
