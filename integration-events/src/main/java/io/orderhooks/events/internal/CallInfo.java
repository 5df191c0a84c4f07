package io.orderhooks.events.internal;

import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.core.trace.Traces;

/** What one call turned out to be, for the log line and the observer. Confined to the request's thread. */
final class CallInfo {
    final Traces.Scope trace;
    String event = ReceiverEvent.UNKNOWN_ROUTE;
    String orderID = "-";
    boolean replayed;
    /** Until something decides otherwise, a request was refused before its handler ran. */
    volatile ReceiverEvent.Outcome outcome = ReceiverEvent.Outcome.BAD_REQUEST;

    CallInfo(Traces.Scope trace) {
        this.trace = trace;
    }
}
