package io.orderhooks.engine.internal.expr;

import static io.orderhooks.engine.internal.expr.ExpressionKind.APPROVAL_RULE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.LINE_ELIGIBLE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.ORDER_ELIGIBLE;
import static io.orderhooks.engine.internal.expr.ExpressionKind.ORDER_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.orderhooks.core.json.OrderCloudJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every parse error names its code and the exact 1-based column. */
class ExpressionSyntaxErrorTest {

    static ExpressionException parseError(String source, ExpressionKind kind) {
        try {
            Expression.parse(source, kind);
        } catch (ExpressionException e) {
            return e;
        }
        return fail("expected a parse error for: " + source);
    }

    /** Parses {@code source} (stripped) as an order eligibility rule and checks code, message, column and data. */
    private static void assertParseError(String source, String code, int column, String problem) {
        ExpressionException e = parseError(source.strip(), ORDER_ELIGIBLE);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(problem + " at column " + column);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.data().get("Expression").asText()).isEqualTo(source.strip());
    }

    @Test
    void pointsAtTheMissingValueAfterAnOperator() throws Exception {
        ExpressionException e = parseError("order.Total >", ORDER_ELIGIBLE);
        assertThat(e.getMessage()).isEqualTo("Expected a value at column 14");
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("Expression.InvalidSyntax");
        assertThat(OrderCloudJson.mapper().writeValueAsString(e.toResponse())).isEqualTo(
                "{\"Errors\":[{\"ErrorCode\":\"Expression.InvalidSyntax\","
                        + "\"Message\":\"Expected a value at column 14\","
                        + "\"Data\":{\"Column\":14,\"Expression\":\"order.Total >\"}}]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "order.xp.Department = 'Finance      | 23 | Unterminated string starting",
        "order.Total & 5                     | 13 | Unexpected character '&'",
        "! order.xp.Rush                     | 1  | Unexpected character '!' (use 'not' or '!=')",
        "order.DateCreated < #6/15/2030      | 21 | Unterminated date starting",
        "order.DateCreated < #13/45/2030#    | 21 | Invalid date '13/45/2030' (expected #M/d/yyyy# or #yyyy-MM-dd#)",
        "order.DateCreated < #yesterday#     | 21 | Invalid date 'yesterday' (expected #M/d/yyyy# or #yyyy-MM-dd#)",
        "12abc > 1                           | 3  | Unexpected character 'a' after a number",
    })
    void reportsBadCharactersAndLiteralsAsInvalidTokens(String source, int column, String problem) {
        assertParseError(source, "Expression.InvalidToken", column, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "order.Total > 5 and                 | 20 | Expected a value",
        "order.Total > > 5                   | 15 | Expected a value but found '>'",
        "order.Total > 5 and or true         | 21 | Expected a value but found 'or'",
        "()                                  | 2  | Expected a value but found ')'",
        "(order.Total > 5                    | 17 | Expected ')' to match the '(' at column 1 but found end of expression",
        "((order.Total > 5) or false         | 28 | Expected ')' to match the '(' at column 1 but found end of expression",
        "order.Total > 5)                    | 16 | Unexpected ')' (no matching '(')",
        "order.Total 5                       | 13 | Unexpected '5'; expected an operator or the end",
        "min(1, 2                            | 9  | Expected ',' or ')' to close the '(' at column 4 but found end of expression",
        "items.any                           | 10 | Expected '(' after 'items.any'",
        "items.total.x(1)                    | 12 | Expected '(' after 'items.total'",
        "items > 2                           | 6  | Expected '.' and any, all, quantity, count or total after 'items'",
        "order.                              | 7  | Expected a property name after '.', found end of expression",
        "order > 1                           | 6  | Expected '.' and a property name after 'order'",
        "1 < 2 < 3                           | 7  | Comparisons cannot be chained; combine them with 'and'",
        "order.Total = = 5                   | 15 | Expected a value but found '='",
    })
    void reportsMisplacedTokensAsInvalidSyntax(String source, int column, String problem) {
        assertParseError(source, "Expression.InvalidSyntax", column, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "foo(1, 2) > 1                       | 1  | Unknown function 'foo' (expected min or max)",
        "items.foo(ProductID = 'X')          | 7  | Unknown items function 'foo' (expected any, all, quantity, count or total)",
        "order.foo('x')                      | 7  | Unknown function 'foo' on order (expected order.approved)",
        "items.any(ProductID.trim() = 'X')   | 21 | Unknown function 'trim'",
        "product.foo('x')                    | 9  | Unknown function 'foo' (expected product.incategory)",
        "item.foo('x')                       | 6  | Unknown function 'foo' (expected product.incategory)",
    })
    void reportsUnknownFunctionsAsInvalidFunctions(String source, int column, String problem) {
        assertParseError(source, "Expression.InvalidFunction", column, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "min(order.Subtotal)                 | 1  | min needs at least 2 arguments, got 1",
        "max()                               | 1  | max needs at least 2 arguments, got 0",
        "items.any(ProductID = 'X', 2)       | 10 | items.any takes one filter, got 2 arguments",
    })
    void reportsWrongArgumentCountsAsInvalidArguments(String source, int column, String problem) {
        assertParseError(source, "Expression.InvalidArguments", column, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "orders.Total > 5                    | 1  | Unknown name 'orders' (expected order, items, item or product)",
        "ProductID = 'X'                     | 1  | Unknown name 'ProductID' (expected order, items, item or product)",
        "items.any(items.count() > 1)        | 11 | items.* cannot be used inside an items filter",
    })
    void reportsUnknownNamesAsInvalidReferences(String source, int column, String problem) {
        assertParseError(source, "Expression.InvalidReference", column, problem);
    }

    @Test
    void reportsUnknownCategoryFunctionsAndArityOfSingleArgumentFunctions() {
        ExpressionException unknown = parseError("item.product.foo('x')", LINE_ELIGIBLE);
        assertThat(unknown.errorCode()).isEqualTo("Expression.InvalidFunction");
        assertThat(unknown.getMessage()).isEqualTo("Unknown function 'foo' (expected product.incategory) at column 14");
        ExpressionException approvedArity = parseError("order.approved('a', 'b')", APPROVAL_RULE);
        assertThat(approvedArity.errorCode()).isEqualTo("Expression.InvalidArguments");
        assertThat(approvedArity.getMessage()).isEqualTo("order.approved needs exactly 1 argument, got 2 at column 15");
        ExpressionException categoryArity = parseError("item.product.incategory()", LINE_ELIGIBLE);
        assertThat(categoryArity.errorCode()).isEqualTo("Expression.InvalidArguments");
        assertThat(categoryArity.getMessage()).isEqualTo("incategory needs exactly 1 argument, got 0 at column 24");
    }

    @Test
    void refusesEmptyExpressions() {
        for (String blank : new String[] {"", "   ", null}) {
            ExpressionException e = parseError(blank, ORDER_ELIGIBLE);
            assertThat(e.errorCode()).isEqualTo("Expression.InvalidSyntax");
            assertThat(e.getMessage()).isEqualTo("Expression is empty at column 1");
        }
    }

    @Test
    void acceptsFourHundredCharactersAndRefusesFourHundredAndOne() {
        String base = "order.Subtotal + 1";
        String exactly400 = base + " ".repeat(400 - base.length());
        assertThat(Expression.parse(exactly400, ORDER_VALUE).source()).hasSize(400);
        ExpressionException e = parseError(exactly400 + "1", ORDER_VALUE);
        assertThat(e.errorCode()).isEqualTo("Expression.TooLong");
        assertThat(e.getMessage()).isEqualTo("Expression is 401 characters long; the limit is 400 at column 401");
        assertThat(e.column()).isEqualTo(401);
    }

    @Test
    void acceptsDoubleQuotedStringsAsOldDocsShowThem() {
        assertThat(ExpressionTest.orderTest("order.xp.Department = \"Finance\"", ORDER_ELIGIBLE)).isTrue();
        assertThat(ExpressionTest.orderTest("'It''s' = \"It's\" and \"say \"\"hi\"\"\" = 'say \"hi\"'", ORDER_ELIGIBLE))
                .isTrue();
    }
}
