package io.orderhooks.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every checkout integration answer has in common. The platform fills {@link #httpStatusCode()},
 * {@link #unhandledErrorBody()} and {@link #succeeded()} when it stores the answer in the worksheet.
 */
public interface CheckoutResponse {
    Integer httpStatusCode();

    String unhandledErrorBody();

    JsonNode xp();

    Boolean succeeded();
}
