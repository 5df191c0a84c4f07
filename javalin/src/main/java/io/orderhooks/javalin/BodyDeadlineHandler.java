package io.orderhooks.javalin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The overall body-read deadline. The outer handler starts a timer when a request arrives; the inner one (placed
 * after the body has been loaded without holding a thread) stops it. A request whose body has not fully arrived
 * by the deadline has its connection closed, however steadily the client drips bytes.
 */
final class BodyDeadlineHandler extends Handler.Wrapper {

    private static final String TASK = BodyDeadlineHandler.class.getName() + ".task";

    private final Duration deadline;

    BodyDeadlineHandler(Duration deadline, Handler next) {
        super(next);
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getLength() == 0) {
            return super.handle(request, response, callback);
        }
        Scheduler scheduler = request.getComponents().getScheduler();
        Scheduler.Task task = scheduler.schedule(() -> request.getConnectionMetaData().getConnection().getEndPoint()
                .close(new TimeoutException("request body not received within " + deadline)),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        request.setAttribute(TASK, task);
        boolean handled;
        try {
            handled = super.handle(request, response, Callback.from(callback, task::cancel));
        } catch (Exception | Error e) {
            task.cancel();
            throw e;
        }
        if (!handled) {
            task.cancel();
        }
        return handled;
    }

    /** Placed after the body is loaded: the deadline no longer applies to the handling itself. */
    static final class Reached extends Handler.Wrapper {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.getAttribute(TASK) instanceof Scheduler.Task task) {
                task.cancel();
            }
            return super.handle(request, response, callback);
        }
    }
}
