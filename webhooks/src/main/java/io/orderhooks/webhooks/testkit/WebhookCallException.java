package io.orderhooks.webhooks.testkit;

import io.orderhooks.core.model.ErrorResponse;

/** A dispatcher answered a test call with an error status; carries the status and the parsed error body. */
public final class WebhookCallException extends RuntimeException {

    private final int status;
    private final transient ErrorResponse errors;

    public WebhookCallException(int status, ErrorResponse errors, String body) {
        super("webhook call answered " + status + ": " + body);
        this.status = status;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    /** The error envelope, or null if the body was not one. */
    public ErrorResponse errors() {
        return errors;
    }

    /** The first error's code, or null. */
    public String errorCode() {
        return errors == null || errors.errors().isEmpty() ? null : errors.errors().get(0).errorCode();
    }
}
