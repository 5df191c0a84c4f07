package io.orderhooks.engine.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;

import static io.orderhooks.engine.internal.expr.ExpressionKind.LINE_ELIGIBLE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.LINE_VALUE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.ORDER_ELIGIBLE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.ORDER_VALUE;
import static io.orderhooks.engine.internal.expr.ExpressionSyntaxErrorTest.parseError;
import static io.orderhooks.engine.internal.expr.ExpressionTest.orderAmount;
import static io.orderhooks.engine.internal.expr.ExpressionTest.orderTest;
import static io.orderhooks.engine.internal.expr.SampleOrder.orderContext;
import static io.orderhooks.engine.internal.expr.SampleOrder.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Null handling, type conversion and mismatches, division by zero and context defaults. */
class ExpressionSemanticsTest {

    static ExpressionException evalError(String source, ExpressionKind kind, EvaluationContext ctx) {
        Expression e = Expression.parse(source, kind);
        try {
            e.evaluate(ctx);
        } catch (ExpressionException thrown) {
            return thrown;
        }
        throw new AssertionError("expected an evaluation error for: " + source);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "order.xp.Missing = null           | true",
        "order.xp.Missing <> null          | false",
        "order.xp.Department <> null       | true",
        "order.xp.Department = null        | false",
        "null = null                       | true",
        "order.xp.Missing = 'A'            | false",
        "order.xp.Missing <> 'A'           | true",
        "not (order.xp.Missing = 'A')      | true",
        "order.xp.Missing > 0              | false",
        "order.xp.Missing < 0              | false",
        "order.xp.Missing >= order.xp.Gone | false",
        "order.xp.Missing                  | false",
        "not order.xp.Missing              | true",
        "order.xp.Missing or true          | true",
        "order.xp.Missing + 5 > 1          | false",
        "order.xp.Region = null            | false",
        "order.xp.Region.Name.Deeper = null| true",
        "order.xp.Tags.First = null        | true",
    })
    void treatsMissingPropertiesAsNull(String source, boolean expected) {
        assertThat(orderTest(source.strip(), ORDER_ELIGIBLE)).isEqualTo(expected);
    }

    @Test
    void propagatesNullThroughArithmeticAndReadsANullAmountAsZero() {
        Expression value = Expression.parse("order.xp.Missing + 5", ORDER_VALUE);
        assertThat(value.evaluate(orderContext())).isNull();
        assertThat(value.amount(orderContext())).isEqualTo(BigDecimal.ZERO);
        assertThat(Expression.parse("-order.xp.Missing", ORDER_VALUE).evaluate(orderContext())).isNull();
        assertThat(orderAmount("min(order.xp.Missing, 5, 7)")).isEqualTo(new BigDecimal("5"));
        assertThat(Expression.parse("max(order.xp.Missing, order.xp.Gone)", ORDER_VALUE).evaluate(orderContext())).isNull();
    }

    @Test
    void convertsNumericAndBooleanTextWhenItMeetsANumberOrBoolean() {
        assertThat(orderTest("order.xp.Code > 12", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderTest("order.xp.Code = 12.50", ORDER_ELIGIBLE)).isTrue();
        assertThat(orderAmount("order.xp.Code * 2")).isEqualTo(new BigDecimal("25.0"));
        assertThat(orderAmount("order.xp.Code")).isEqualTo(new BigDecimal("12.5"));
        EvaluationContext ctx = EvaluationContext.ofOrder(tree("{\"xp\":{\"Vip\":\"TRUE\"}}"), List.of());
        assertThat(Expression.parse("order.xp.Vip = true", ORDER_ELIGIBLE).test(ctx)).isTrue();
        assertThat(Expression.parse("order.xp.Vip", ORDER_ELIGIBLE).test(ctx)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1 + true > 0                | 5  | '+' needs numbers, got boolean",
        "'a' * 2 > 0                 | 1  | '*' needs numbers, got string",
        "-'a' = 1                    | 2  | '-' needs numbers, got string",
        "5 = 'five'                  | 3  | Cannot compare number with string using '='",
        "true < false                | 6  | true/false values can only be compared with '=' or '<>', not '<'",
        "order.Total > null          | 13 | null can only be compared with '=' or '<>', not '>'",
        "not 5                       | 5  | 'not' needs a true/false value, got number",
        "order.xp.Rush and 'yes'     | 19 | 'and' needs a true/false value, got string",
        "min(1, true) > 0            | 8  | min needs numbers, got boolean",
        "items.any(Quantity + 1)     | 20 | An items filter needs a true/false value, got number",
        "items.any(product.incategory(5)) | 30 | incategory needs a text argument, got number",
        "#1/1/2020# = 5              | 12 | Cannot compare date with number using '='",
    })
    void refusesLiteralTypeMismatchesWhenParsing(String source, int column, String problem) {
        ExpressionException e = parseError(source.strip(), ORDER_ELIGIBLE);
        assertThat(e.errorCode()).isEqualTo("Expression.TypeMismatch");
        assertThat(e.getMessage()).isEqualTo(problem + " at column " + column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "order.xp.Department > 5     | 21 | Cannot compare the text 'Finance' with a number using '>'",
        "order.xp.Rush = 1           | 15 | Cannot compare a boolean with a number using '='",
        "order.Total = true          | 13 | Cannot compare a number with a boolean using '='",
        "order.xp.Rush + 1 > 0       | 15 | '+' needs numbers, got a boolean",
        "order.xp.Department * 2 > 0 | 21 | '*' needs numbers, got the text 'Finance'",
        "order.xp.Region = 'North'   | 17 | Cannot compare a JSON object with text using '='",
        "order.xp.Department < #1/1/2020# | 21 | Cannot compare the text 'Finance' with a date using '<'",
        "order.Total and true        | 1  | 'and' needs a true/false value, got a number",
        "order.xp.Department         | 1  | A condition needs a true/false value, got text",
    })
    void reportsDataTypeMismatchesWhenEvaluating(String source, int column, String problem) {
        Expression e = Expression.parse(source.strip(), ORDER_ELIGIBLE);
        assertThatThrownBy(() -> e.test(orderContext()))
                .isInstanceOfSatisfying(ExpressionException.class, x -> {
                    assertThat(x.errorCode()).isEqualTo("Expression.TypeMismatch");
                    assertThat(x.getMessage()).isEqualTo(problem + " at column " + column);
                    assertThat(x.column()).isEqualTo(column);
                });
    }

    @Test
    void refusesJsonContainersAsResults() {
        ExpressionException raw = evalError("order.xp.Tags", ORDER_VALUE, orderContext());
        assertThat(raw.errorCode()).isEqualTo("Expression.TypeMismatch");
        assertThat(raw.getMessage()).isEqualTo("The expression evaluates to a JSON array, not a value at column 1");
        assertThatThrownBy(() -> Expression.parse("order.xp.Region", ORDER_VALUE).amount(orderContext()))
                .hasMessage("The expression evaluates to a JSON object, not a value at column 1");
    }

    @Test
    void refusesAnAmountThatIsNotANumber() {
        assertThatThrownBy(() -> Expression.parse("order.xp.Department", ORDER_VALUE).amount(orderContext()))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("An amount needs numbers, got the text 'Finance' at column 1");
    }

    @Test
    void reportsDivisionByZeroAtTheOperator() {
        ExpressionException e = evalError("order.Subtotal / (order.LineItemCount - 3)", ORDER_VALUE, orderContext());
        assertThat(e.errorCode()).isEqualTo("Expression.DivisionByZero");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Division by zero ('/') at column 16");
        assertThat(evalError("5 % 0", ORDER_VALUE, orderContext()).getMessage())
                .isEqualTo("Division by zero ('%') at column 3");
    }

    @Test
    void aggregatesOverNoLinesAsEmptySets() {
        EvaluationContext empty = EvaluationContext.ofOrder(SampleOrder.ORDER, null);
        assertThat(Expression.parse("items.any(Quantity > 0)", ORDER_ELIGIBLE).test(empty)).isFalse();
        assertThat(Expression.parse("items.all(Quantity > 100)", ORDER_ELIGIBLE).test(empty)).isTrue();
        assertThat(Expression.parse("items.total()", ORDER_VALUE).amount(empty)).isEqualTo(BigDecimal.ZERO);
        assertThat(Expression.parse("items.quantity()", ORDER_VALUE).amount(empty)).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void totalsLinesWithoutLineSubtotalFromPriceAndQuantity() {
        EvaluationContext ctx = EvaluationContext.ofOrder(null, List.of(
                tree("{\"ProductID\":\"A\",\"Quantity\":4,\"UnitPrice\":2.50}"),
                tree("{\"ProductID\":\"B\",\"Quantity\":1}"),
                tree("{\"ProductID\":\"C\",\"Quantity\":2,\"LineSubtotal\":7}")));
        assertThat(Expression.parse("items.total()", ORDER_VALUE).amount(ctx)).isEqualTo(new BigDecimal("17.00"));
        assertThat(Expression.parse("items.quantity(ProductID <> 'B')", ORDER_VALUE).amount(ctx))
                .isEqualTo(new BigDecimal("6"));
        assertThat(Expression.parse("order.Total = null", ORDER_ELIGIBLE).test(ctx)).isTrue();
    }

    @Test
    void putsNoProductInAnyCategoryWithoutALookup() {
        EvaluationContext ctx = EvaluationContext.ofLine(SampleOrder.ORDER, SampleOrder.ITEMS, SampleOrder.SHIRT);
        assertThat(Expression.parse("item.product.incategory('Apparel')", LINE_ELIGIBLE).test(ctx)).isFalse();
        assertThat(ctx.categories()).isSameAs(CategoryLookup.NONE);
        assertThat(ctx.approvedRules().test("anything")).isFalse();
    }

    @Test
    void looksUpTheCategoryOfTheProductIdFallingBackToProductId() {
        EvaluationContext ctx = EvaluationContext.ofLine(null, List.of(), tree("{\"Product\":{\"ID\":\"MUG\"}}"))
                .withCategories(SampleOrder.LOOKUP);
        assertThat(Expression.parse("item.incategory('Kitchen')", LINE_ELIGIBLE).test(ctx)).isTrue();
        assertThat(Expression.parse("item.incategory('Kitchen')", LINE_ELIGIBLE).test(ctx.withItem(tree("{}")))).isFalse();
    }

    @Test
    void failsLoudlyWhenALineExpressionHasNoCurrentItem() {
        Expression e = Expression.parse("item.Quantity * 2", LINE_VALUE);
        assertThatThrownBy(() -> e.amount(orderContext()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no current item");
    }

    @Test
    void usesTheFirstCaseInsensitiveMatchOnlyWhenNoExactNameExists() {
        EvaluationContext ctx = EvaluationContext.ofOrder(tree("{\"xp\":{\"color\":\"red\",\"Color\":\"blue\"}}"), null);
        assertThat(Expression.parse("order.xp.Color = 'blue'", ORDER_ELIGIBLE).test(ctx)).isTrue();
        assertThat(Expression.parse("order.xp.color = 'red'", ORDER_ELIGIBLE).test(ctx)).isTrue();
        assertThat(Expression.parse("order.xp.COLOR = 'red'", ORDER_ELIGIBLE).test(ctx)).isTrue();
    }

    @Test
    void refusesNumbersWithAbsurdExponentsBeforeArithmeticButStillComparesThem() {
        // the JSON edge (JsonLimits) refuses such a number in a request; the expression engine still guards itself
        // against one that arrives another way (a text value, or a tree built without the edge's mapper)
        JsonNode order;
        try {
            order = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                    .readTree("{\"xp\":{\"Text\":\"1e999999999\",\"Json\":1e999999999}}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        EvaluationContext ctx = EvaluationContext.ofOrder(order, null);
        ExpressionException e = evalError("order.xp.Text + 1", ORDER_VALUE, ctx);
        assertThat(e.errorCode()).isEqualTo("Expression.NumberOutOfRange");
        assertThat(e.getMessage()).isEqualTo("Number out of range (1E+999999999) at column 15");
        assertThat(evalError("order.xp.Json * 2", ORDER_VALUE, ctx).errorCode()).isEqualTo("Expression.NumberOutOfRange");
        assertThat(Expression.parse("order.xp.Json > 5 and order.xp.Text = order.xp.Json", ORDER_ELIGIBLE).test(ctx)).isTrue();
        assertThat(orderAmount("100000000000000000000000 % 7")).isEqualTo(new BigDecimal("5"));
    }
}
