package io.orderhooks.engine.internal.expr;

import static io.orderhooks.engine.internal.expr.ExpressionKind.APPROVAL_RULE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.LINE_ELIGIBLE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.LINE_VALUE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.ORDER_ELIGIBLE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.ORDER_VALUE;
import static io.orderhooks.engine.internal.expr.SampleOrder.HAT;
import static io.orderhooks.engine.internal.expr.SampleOrder.MUG;
import static io.orderhooks.engine.internal.expr.SampleOrder.SHIRT;
import static io.orderhooks.engine.internal.expr.SampleOrder.lineContext;
import static io.orderhooks.engine.internal.expr.SampleOrder.orderContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The expressions of OrderCloud's docs and Headstart's sample promotions, over a realistic cart. */
class ExpressionTest {

    static boolean orderTest(String source, ExpressionKind kind) {
        return Expression.parse(source, kind).test(orderContext());
    }

    static BigDecimal orderAmount(String source) {
        return Expression.parse(source, ORDER_VALUE).amount(orderContext());
    }

    static boolean lineTest(String source, JsonNode line) {
        return Expression.parse(source, LINE_ELIGIBLE).test(lineContext(line));
    }

    static BigDecimal lineAmount(String source, JsonNode line) {
        return Expression.parse(source, LINE_VALUE).amount(lineContext(line));
    }

    @Test
    void appliesTenPercentOffOrdersOfAHundredOrMore() {
        assertThat(orderTest("order.Subtotal >= 100", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.Subtotal >= 150.01", ORDER_ELIGIBLE)).isFalse();
        assertThat(orderAmount("order.Subtotal * .1")).isEqualTo(new BigDecimal("15.000"));
    }

    @Test
    void findsLinesByProductWithBareOrItemQualifiedFilterFields() {
        assertThat(orderTest("items.any(ProductID = 'SHIRT')", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("items.any(item.ProductID = 'SHIRT')", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("items.any(ProductID = 'SOCKS')", ORDER_ELIGIBLE)).isFalse();
        assertThat(orderTest("items.any(ProductID = 'MUG') and items.any(ProductID = 'HAT')", ORDER_ELIGIBLE)).isTrue();
    }

    @Test
    void checksEveryLineWithItemsAll() {
        assertThat(orderTest("items.all(Product.xp.OnSale = true)", ORDER_ELIGIBLE)).isFalse();
        assertThat(orderTest("items.all(item.Quantity >= 1 and SupplierID = 'SUP1')", ORDER_ELIGIBLE)).isTrue();
    }

    @Test
    void sumsQuantitiesCountsLinesAndTotalsSubtotals() {
        assertThat(orderTest("items.quantity(ProductID='MUG') >= 2", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderAmount("items.quantity(ProductID = 'MUG' or ProductID = 'SHIRT')")).isEqualTo(new BigDecimal("5"));
        assertThat(orderAmount("items.count(CostCenter = 'ABC')")).isEqualTo(new BigDecimal("2"));
        assertThat(orderAmount("items.count()")).isEqualTo(new BigDecimal("3"));
        assertThat(orderAmount("items.total(CostCenter = 'ABC')")).isEqualTo(new BigDecimal("120.00"));
    }

    @Test
    void computesBuyOneGetOneForEachLine() {
        String bogo = "item.UnitPrice * (item.Quantity / 2 - item.Quantity % 2 / 2)";
        assertThat(lineAmount(bogo, MUG)).isEqualTo(new BigDecimal("10.000"));
        assertThat(lineAmount(bogo, SHIRT)).isEqualTo(new BigDecimal("25.00"));
        assertThat(lineAmount(bogo, HAT)).isEqualTo(new BigDecimal("0.000"));
        assertThat(orderAmount("items.total(ProductID = 'MUG') / items.quantity(ProductID = 'MUG')"))
                .isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void capsADiscountWithMinAndFloorsItWithMax() {
        assertThat(orderAmount("min(order.Subtotal * 0.2, 50)")).isEqualTo(new BigDecimal("30.000"));
        assertThat(orderAmount("min(order.Subtotal * 0.5, 50, 60)")).isEqualTo(new BigDecimal("50"));
        assertThat(orderAmount("max(order.Subtotal * 0.01, 5)")).isEqualTo(new BigDecimal("5"));
        assertThat(orderAmount("MAX(1, -2.5, 0.75)")).isEqualTo(new BigDecimal("1"));
    }

    @Test
    void requiresApprovalForBigFinanceOrders() {
        assertThat(orderTest("order.Total > 200 and order.xp.Department = 'Finance'", APPROVAL_RULE)).isTrue();
        assertThat(orderTest("order.Total > 250 and order.xp.Department = 'Finance'", APPROVAL_RULE)).isFalse();
        assertThat(orderTest("order.Total > 200 and items.any(CostCenter = 'ABC')", APPROVAL_RULE)).isTrue();
        assertThat(orderTest("items.total(CostCenter = 'XYZ') > 200", APPROVAL_RULE)).isFalse();
    }

    @Test
    void chainsApprovalRulesWithOrderApproved() {
        assertThat(orderTest("order.approved('rule1')", APPROVAL_RULE)).isTrue();
        assertThat(orderTest("order.approved('rule2')", APPROVAL_RULE)).isFalse();
        assertThat(orderTest("(order.Total > 20 and order.approved('rule1')) or not items.any(ProductID = 'QQQ')",
                APPROVAL_RULE)).isTrue();
        Expression rule = Expression.parse("order.Approved('rule2')", APPROVAL_RULE);
        assertThat(rule.test(SampleOrder.orderContext().withApprovedRules(id -> id.equals("rule2")))).isTrue();
        assertThat(rule.test(EvaluationContext.ofOrder(SampleOrder.ORDER, SampleOrder.ITEMS))).isFalse();
    }

    @Test
    void comparesDatesWrittenUsStyleOrIso() {
        assertThat(orderTest("order.DateCreated < #6/15/2030#", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.DateCreated < #6/15/2016#", ORDER_ELIGIBLE)).isFalse();
        assertThat(orderTest("order.DateCreated > #2024-04-30#", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.DateCreated >= #5/1/2024 10:00#", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.DateCreated > #5/1/2024 10:00:00#", ORDER_ELIGIBLE)).isFalse();
        assertThat(orderTest("order.DateCreated = #2024-05-01T12:00:00+02:00#", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.xp.Deadline = #2024-06-01#", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.DateCreated < order.xp.Deadline", ORDER_ELIGIBLE)).isTrue();
    }

    @Test
    void excludesClearanceLinesWithNot() {
        String notClearance = "not (item.xp.Clearance = true)";
        assertThat(lineTest(notClearance, SHIRT)).isTrue();
        assertThat(lineTest(notClearance, MUG)).isFalse();
        assertThat(lineTest(notClearance, HAT)).isTrue();
        assertThat(lineTest("not item.xp.Clearance = true and item.Quantity > 1", SHIRT)).isTrue();
    }

    @Test
    void looksUpCategoriesThroughTheContext() {
        assertThat(lineTest("item.product.incategory('Apparel')", SHIRT)).isTrue();
        assertThat(lineTest("item.product.incategory('Apparel')", MUG)).isFalse();
        assertThat(lineTest("item.incategory('Kitchen')", MUG)).isTrue();
        assertThat(lineTest("product.incategory('Kitchen')", MUG)).isTrue();
        assertThat(orderTest("items.quantity(product.incategory('Apparel')) >= 3", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("items.any(product.incategory('Toys'))", ORDER_ELIGIBLE)).isFalse();
        assertThat(orderAmount("items.total(product.incategory('Kitchen')) * .3")).isEqualTo(new BigDecimal("9.000"));
        assertThat(orderAmount("(items.total(ProductID = 'SHIRT') + items.total(ProductID = 'HAT')) * .2"))
                .isEqualTo(new BigDecimal("24.000"));
    }

    @Test
    void discountsMatchingLinesAtLineLevel() {
        Expression eligible = Expression.parse("item.ProductID = 'SHIRT' or item.Product.xp.OnSale = false", LINE_ELIGIBLE);
        Expression value = Expression.parse("item.LineSubtotal * .15", LINE_VALUE);
        assertThat(eligible.test(lineContext(SHIRT))).isTrue();
        assertThat(eligible.test(lineContext(MUG))).isFalse();
        assertThat(eligible.test(lineContext(HAT))).isTrue();
        assertThat(value.amount(lineContext(SHIRT))).isEqualTo(new BigDecimal("7.5000"));
        assertThat(value.amount(lineContext(HAT))).isEqualTo(new BigDecimal("10.5000"));
    }

    @Test
    void readsNestedOrderFieldsAndXp() {
        assertThat(orderTest("order.BillingAddress.State = 'MN' and order.FromUserID = 'buyer1'", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.LineItemCount = 3 and order.xp.Region.Name = 'North'", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.xp.Priority >= 2 and order.xp.Rush", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.Status = 'Unsubmitted' and order.IsSubmitted = false", ORDER_ELIGIBLE)).isTrue();
    }

    @Test
    void matchesStringsAndNamesCaseInsensitively() {
        assertThat(orderTest("order.xp.Department = 'FINANCE'", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.subtotal = 150 and order.XP.department = 'finance'", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("ORDER.Total > 200 AND NOT Order.xp.Rush = FALSE Or false", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("ITEMS.ANY(productid = 'shirt')", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("'apple' < 'Banana'", ORDER_ELIGIBLE)).isTrue();
    }

    @Test
    void evaluatesArithmeticWithPrecedenceAndExactDecimals() {
        assertThat(orderAmount("2 + 3 * 4")).isEqualTo(new BigDecimal("14"));
        assertThat(orderAmount("(2 + 3) * 4")).isEqualTo(new BigDecimal("20"));
        assertThat(orderAmount("10 - 4 - 3")).isEqualTo(new BigDecimal("3"));
        assertThat(orderAmount("-order.Subtotal + 10")).isEqualTo(new BigDecimal("-140.00"));
        assertThat(orderAmount("- -2")).isEqualTo(new BigDecimal("2"));
        assertThat(orderAmount("1 / 3")).isEqualTo(new BigDecimal("0.3333333333333333"));
        assertThat(orderAmount("7 % 3")).isEqualTo(new BigDecimal("1"));
        assertThat(orderAmount("0.1 + 0.2")).isEqualTo(new BigDecimal("0.3"));
        assertThat(orderAmount("order.Total - order.ShippingCost")).isEqualTo(new BigDecimal("162.50"));
    }

    @Test
    void returnsRawValuesFromEvaluate() {
        assertThat(Expression.parse("order.xp.Department", ORDER_VALUE).evaluate(orderContext())).isEqualTo("Finance");
        assertThat(Expression.parse("order.DateCreated", ORDER_VALUE).evaluate(orderContext()))
                .isEqualTo("2024-05-01T10:00:00+00:00");
        assertThat(Expression.parse("#6/15/2016# = #2016-06-15#", ORDER_ELIGIBLE).evaluate(orderContext()))
                .isEqualTo(Boolean.TRUE);
        assertThat(Expression.parse("'O''Brien' = 'o''brien'", ORDER_ELIGIBLE).evaluate(orderContext()))
                .isEqualTo(Boolean.TRUE);
        assertThat(Expression.parse("order.xp.Rush", ORDER_ELIGIBLE).evaluate(orderContext())).isEqualTo(Boolean.TRUE);
        assertThat(Expression.parse("order.xp.Missing", ORDER_VALUE).evaluate(orderContext())).isNull();
    }

    @Test
    void treatsNotEqualSpellingsAlike() {
        assertThat(orderTest("order.xp.Department <> 'Sales'", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.xp.Department != 'Sales'", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.xp.Department != 'finance'", ORDER_ELIGIBLE)).isFalse();
    }

    @Test
    void exposesItsSourceKindAndItemUse() {
        Expression e = Expression.parse("item.Quantity * 2", LINE_VALUE);
        assertThat(e.source()).isEqualTo("item.Quantity * 2");
        assertThat(e.kind()).isEqualTo(LINE_VALUE);
        assertThat(e.referencesItem()).isTrue();
        assertThat(e.toString()).isEqualTo("LINE_VALUE: item.Quantity * 2");
        assertThat(Expression.parse("items.any(item.ProductID = 'X')", ORDER_ELIGIBLE).referencesItem()).isFalse();
        assertThat(Expression.parse("10", LINE_VALUE).referencesItem()).isFalse();
    }

    @Test
    void evaluatesOneParsedExpressionFromManyThreadsAtOnce() throws Exception {
        Expression value = Expression.parse(
                "items.total(product.incategory('Apparel')) * .1 + min(item.Quantity, 2)", LINE_VALUE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<BigDecimal>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                JsonNode line = i % 2 == 0 ? MUG : HAT;
                results.add(pool.submit(() -> value.amount(lineContext(line))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(new BigDecimal(i % 2 == 0 ? "14.000" : "13.000"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parsingTheSameSourceAndKindAgainReusesTheParsedExpression() {
        Expression first = Expression.parse("order.Subtotal >= 100", ORDER_ELIGIBLE);
        assertThat(Expression.parse("order.Subtotal >= 100", ORDER_ELIGIBLE)).isSameAs(first);
        assertThat(Expression.parse("order.Subtotal >= 100", APPROVAL_RULE)).isNotSameAs(first)
                .extracting(Expression::kind).isEqualTo(APPROVAL_RULE);
        assertThat(Expression.parse("order.Subtotal >= 100", APPROVAL_RULE).test(orderContext())).isTrue();
    }
}
