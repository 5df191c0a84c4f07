package io.orderhooks.events.internal;

import io.orderhooks.events.CheckoutEvent;

/** Any of the five typed handlers, seen untyped by the dispatcher. */
@FunctionalInterface
public interface EventCall {

    Object call(CheckoutEvent event) throws Exception;
}
