package io.orderhooks.engine.internal.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;

/**
 * An expression that cannot be parsed or evaluated: status 400, an {@code Expression.*} error code, a
 * message ending in {@code "at column N"}, and {@code Data} {@code {"Column":N,"Expression":"..."}}.
 *
 * <p>Error codes: OrderCloud's own {@link #INVALID_TOKEN}, {@link #INVALID_SYNTAX}, {@link #INVALID_FUNCTION}
 * and {@link #INVALID_ARGUMENTS}; and, for problems OrderCloud has no code for, {@link #INVALID_REFERENCE},
 * {@link #TOO_LONG}, {@link #TYPE_MISMATCH}, {@link #DIVISION_BY_ZERO} and {@link #NUMBER_OUT_OF_RANGE}.
 */
public final class ExpressionException extends OrderCloudException {

    /** A bad character, an unterminated string or date, or a malformed number or date literal. */
    public static final String INVALID_TOKEN = "Expression.InvalidToken";
    /**
     * Valid tokens in an invalid arrangement: a missing value, unbalanced parentheses, a chained comparison,
     * an unexpected token, or an empty expression.
     */
    public static final String INVALID_SYNTAX = "Expression.InvalidSyntax";
    /** An unknown function: not min/max, not order.approved, not product.incategory, not an items aggregate. */
    public static final String INVALID_FUNCTION = "Expression.InvalidFunction";
    /** A known function called with the wrong number of arguments. */
    public static final String INVALID_ARGUMENTS = "Expression.InvalidArguments";
    /**
     * A name that does not resolve here: an unknown root, {@code items.*} inside a filter, or a reference the
     * kind forbids (or requires and lacks). Not an OrderCloud code.
     */
    public static final String INVALID_REFERENCE = "Expression.InvalidReference";
    /** More than {@link Expression#MAX_LENGTH} characters. */
    public static final String TOO_LONG = "Expression.TooLong";
    /** An operator or function applied to a value of the wrong type, or a result of the wrong type. */
    public static final String TYPE_MISMATCH = "Expression.TypeMismatch";
    /** A number from the data with an absurd exponent (beyond 1e1000), refused before arithmetic. */
    public static final String NUMBER_OUT_OF_RANGE = "Expression.NumberOutOfRange";
    /** Division or remainder by zero during evaluation. */
    public static final String DIVISION_BY_ZERO = "Expression.DivisionByZero";

    private static final long serialVersionUID = 1L;

    private final int column;

    /**
     * @param errorCode one of the codes above
     * @param problem what is wrong, without the position; {@code " at column N"} is appended
     * @param source the expression text (may be null)
     * @param column 1-based column of the problem (one past the end for "unexpected end")
     */
    public ExpressionException(String errorCode, String problem, String source, int column) {
        super(400, errorCode, problem + " at column " + column, data(source, column));
        this.column = column;
    }

    /** The 1-based column where the problem is; one past the last character when the text ended too soon. */
    public int column() {
        return column;
    }

    private static ObjectNode data(String source, int column) {
        ObjectNode data = OrderCloudJson.mapper().createObjectNode();
        data.put("Column", column);
        data.put("Expression", source);
        return data;
    }
}
