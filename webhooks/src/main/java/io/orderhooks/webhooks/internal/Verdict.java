package io.orderhooks.webhooks.internal;

import io.orderhooks.core.observe.ReceiverEvent;

/** How one webhook request ended, decided along the way and told to the observer at the end. */
public final class Verdict {
    /** Until something decides otherwise, a request was refused before its handler ran. */
    public volatile ReceiverEvent.Outcome outcome = ReceiverEvent.Outcome.BAD_REQUEST;
    public String route = ReceiverEvent.UNKNOWN_ROUTE;
}
