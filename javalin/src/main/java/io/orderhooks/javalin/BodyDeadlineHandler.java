package io.orderhooks.javalin;

import io.orderhooks.core.internal.Sweeper;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The body deadline and minimum body rate of {@link ServerLimits}, per request. The outer handler wraps a request
 * that has a body in a {@link BodyWatch} (which counts this request's body bytes; one body-watch {@link Sweeper} per
 * JVM checks them, no timer task per request); the inner one, placed after the body has been loaded without
 * holding a thread, either lets the request through (the limits no longer apply to the handling itself) or, for a
 * body refused as too slow or past the deadline, answers 408 in OrderCloud's error shape without calling the handler.
 */
final class BodyDeadlineHandler extends Handler.Wrapper {

    /** The JVM's body-watch thread, started with the first request that has a body. */
    private static final class Bodies {
        static final Sweeper SWEEPER = new Sweeper("orderhooks-body-watch");
    }

    private final BodyPace pace;

    BodyDeadlineHandler(BodyPace pace, Handler next) {
        super(next);
        this.pace = pace;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getLength() == 0) {
            return super.handle(request, response, callback);
        }
        BodyWatch watch = new BodyWatch(request, pace, Bodies.SWEEPER);
        watch.arm();
        boolean handled;
        try {
            handled = super.handle(watch, response, Callback.from(callback, watch::disarm));
        } catch (Exception | Error e) {
            watch.disarm();
            throw e;
        }
        if (!handled) {
            watch.disarm();
        }
        return handled;
    }

    /** Placed after the body is loaded: lets the request through, or answers the refusal of its body. */
    static final class Reached extends Handler.Wrapper {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            BodyWatch watch = Request.as(request, BodyWatch.class);
            if (watch != null && !watch.reached()) {
                watch.answerRefusal(response, callback);
                return true;
            }
            return super.handle(request, response, callback);
        }
    }
}
