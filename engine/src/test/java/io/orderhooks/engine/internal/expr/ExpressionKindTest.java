package io.orderhooks.engine.internal.expr;

import static io.orderhooks.engine.internal.expr.ExpressionKind.APPROVAL_RULE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.LINE_ELIGIBLE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.LINE_VALUE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.ORDER_ELIGIBLE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.ORDER_VALUE;
import static io.orderhooks.engine.internal.expr.ExpressionSyntaxErrorTest.parseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What each kind allows: item.* required, forbidden or optional; order.approved; the result type. */
class ExpressionKindTest {

    static final String ITEM_FORBIDDEN = "item.* is only available in line-item-level promotions; "
            + "use items.any(...) or items.all(...) to look at lines";

    @Test
    void refusesALineLevelEligibilityThatIgnoresTheItem() {
        ExpressionException e = parseError("order.Subtotal > 10", LINE_ELIGIBLE);
        assertThat(e.errorCode()).isEqualTo("Expression.InvalidReference");
        assertThat(e.getMessage()).isEqualTo("A line-item-level eligibility expression must reference item.* "
                + "(for example item.ProductID = 'X') at column 1");
        assertThat(parseError("items.any(item.ProductID = 'X')", LINE_ELIGIBLE).column()).isEqualTo(1);
    }

    @Test
    void acceptsALineLevelEligibilityThatUsesTheItemOrItsProduct() {
        assertThat(Expression.parse("order.Subtotal > 10 and item.Quantity > 1", LINE_ELIGIBLE).referencesItem()).isTrue();
        assertThat(Expression.parse("product.incategory('Apparel')", LINE_ELIGIBLE).referencesItem()).isTrue();
        assertThat(Expression.parse("product.xp.OnSale", LINE_ELIGIBLE).referencesItem()).isTrue();
    }

    @Test
    void refusesTheItemInOrderLevelKindsAtItsColumn() {
        ExpressionException e = parseError("order.Total > 5 and item.ProductID = 'X'", ORDER_ELIGIBLE);
        assertThat(e.errorCode()).isEqualTo("Expression.InvalidReference");
        assertThat(e.getMessage()).isEqualTo(ITEM_FORBIDDEN + " at column 21");
        assertThat(parseError("product.incategory('Apparel')", ORDER_ELIGIBLE).getMessage())
                .isEqualTo(ITEM_FORBIDDEN + " at column 1");
        assertThat(parseError("item.LineSubtotal * .1", ORDER_VALUE).getMessage()).isEqualTo(ITEM_FORBIDDEN + " at column 1");
        assertThat(parseError("items.any(ProductID = 'X') or item.Quantity > 2", APPROVAL_RULE).column()).isEqualTo(31);
    }

    @Test
    void allowsTheItemInsideItemsFiltersOfOrderLevelKinds() {
        Expression e = Expression.parse("items.any(item.ProductID = 'SHIRT')", ORDER_ELIGIBLE);
        assertThat(e.referencesItem()).isFalse();
        assertThat(Expression.parse("items.total(item.product.incategory('Kitchen'))", ORDER_VALUE).referencesItem())
                .isFalse();
    }

    @Test
    void letsALineLevelValueUseTheItemOrNot() {
        assertThat(Expression.parse("item.LineSubtotal * .15", LINE_VALUE).referencesItem()).isTrue();
        assertThat(Expression.parse("items.total(ProductID = 'MUG') * .1", LINE_VALUE).referencesItem()).isFalse();
    }

    @Test
    void keepsOrderApprovedToApprovalRules() {
        ExpressionException e = parseError("order.Total > 5 or order.approved('r1')", ORDER_ELIGIBLE);
        assertThat(e.errorCode()).isEqualTo("Expression.InvalidReference");
        assertThat(e.getMessage()).isEqualTo("order.approved(...) is only available in approval rules at column 20");
        assertThat(Expression.parse("order.approved('r1')", APPROVAL_RULE).kind()).isEqualTo(APPROVAL_RULE);
    }

    @Test
    void requiresAConditionForEligibilityAndRules() {
        ExpressionException e = parseError("order.Subtotal * 2", ORDER_ELIGIBLE);
        assertThat(e.errorCode()).isEqualTo("Expression.TypeMismatch");
        assertThat(e.getMessage()).isEqualTo("Expected a condition (true/false) but the expression is a number at column 1");
        assertThat(parseError("items.count()", APPROVAL_RULE).errorCode()).isEqualTo("Expression.TypeMismatch");
        assertThat(parseError("item.Quantity + 1", LINE_ELIGIBLE).errorCode()).isEqualTo("Expression.TypeMismatch");
    }

    @Test
    void requiresAnAmountForValues() {
        ExpressionException e = parseError("order.Subtotal > 2", ORDER_VALUE);
        assertThat(e.errorCode()).isEqualTo("Expression.TypeMismatch");
        assertThat(e.getMessage()).isEqualTo("Expected an amount (number) but the expression is a boolean at column 1");
        assertThat(parseError("'10'", ORDER_VALUE).getMessage())
                .isEqualTo("Expected an amount (number) but the expression is a string at column 1");
        assertThat(parseError("null", LINE_VALUE).getMessage())
                .isEqualTo("Expected an amount (number) but the expression is a null at column 1");
    }

    @Test
    void needsAKind() {
        assertThatThrownBy(() -> Expression.parse("1", null)).isInstanceOf(NullPointerException.class).hasMessage("kind");
    }

    @Test
    void describesEachKind() {
        assertThat(LINE_ELIGIBLE.lineLevel()).isTrue();
        assertThat(LINE_ELIGIBLE.yieldsBoolean()).isTrue();
        assertThat(ORDER_VALUE.lineLevel()).isFalse();
        assertThat(ORDER_VALUE.yieldsBoolean()).isFalse();
        assertThat(APPROVAL_RULE.yieldsBoolean()).isTrue();
        assertThat(APPROVAL_RULE.lineLevel()).isFalse();
    }
}
