package io.orderhooks.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;

/**
 * Thrown by a handler to refuse an event on purpose: the caller gets {@code status} and
 * {@code {"Errors":[{"ErrorCode":errorCode,"Message":message,"Data":data}]}}. Unlike any other exception,
 * it never triggers a fallback and is not logged as a failure.
 */
public class CheckoutException extends OrderCloudException {

    /**
     * @param errorCode e.g. {@code Shipping.AddressNotServed}
     * @param data free JSON for the caller, or null
     * @param status 4xx or 5xx
     * @throws IllegalArgumentException if {@code status} is not 4xx or 5xx
     */
    public CheckoutException(String errorCode, String message, JsonNode data, int status) {
        super(status, errorCode, message, data);
    }

    /** A 400 without data. */
    public CheckoutException(String errorCode, String message) {
        this(errorCode, message, null, 400);
    }
}
