package io.orderhooks.engine.senders.checkout;

import io.javalin.Javalin;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.SignaturePolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test receiver that checks every request with core's {@link RequestGuard} and a key set, over the exact
 * received bytes, and answers 200 with {@code answer} when it passes. Stands in for the integration-events
 * dispatcher until the senders and receivers are merged.
 */
final class SigningReceiver implements RawHandler, AutoCloseable {

    final List<RawRequest> accepted = new CopyOnWriteArrayList<>();
    final List<RawRequest> refused = new CopyOnWriteArrayList<>();
    private final RequestGuard guard = new RequestGuard(RequestGuard.DEFAULT_MAX_BODY_BYTES);
    private final SignaturePolicy policy;
    private final String answer;
    private Javalin app;

    SigningReceiver(SignaturePolicy policy, String answer) {
        this.policy = policy;
        this.answer = answer;
    }

    @Override
    public RawResponse handle(RawRequest request) {
        return guard.check(request, policy).map(error -> {
            refused.add(request);
            return error;
        }).orElseGet(() -> {
            accepted.add(request);
            return RawResponse.json(200, answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    /** Serves this receiver under {@code basePath} on a random port; returns the base URL. */
    String serve(String basePath) {
        app = Javalin.create(cfg -> JavalinMount.mount(cfg.routes, basePath, () -> RequestGuard.DEFAULT_MAX_BODY_BYTES, this))
                .start(0);
        return "http://localhost:" + app.port() + basePath;
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
