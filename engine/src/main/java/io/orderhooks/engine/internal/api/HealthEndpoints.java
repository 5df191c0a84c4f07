package io.orderhooks.engine.internal.api;

import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.javalin.HealthProbes;
import java.util.Map;

/**
 * The engine's probes for load balancers, in the middleware's {@link HealthProbes} shapes, served outside
 * {@code v1} without authentication: {@code GET /health} (liveness: the process serves HTTP; 200
 * {@code {"Status":"OK"}}) and {@code GET /ready} (readiness: the store answers and its migrations are applied;
 * 200 {@code {"Status":"READY","Checks":{"store":"OK"}}}, else 503 {@code {"Status":"NOT_READY","Checks":{"store":
 * "what is wrong"}}}). The in-memory store is always ready. Other methods answer 405 {@code MethodNotAllowed}.
 */
public final class HealthEndpoints {

    /** Liveness path. */
    public static final String HEALTH = "/health";
    /** Readiness path. */
    public static final String READY = "/ready";

    private HealthEndpoints() {
    }

    /** {@code /health}. */
    public static RawHandler health() {
        return getOnly(() -> RawResponse.json(200, Map.of("Status", "OK")));
    }

    /** {@code /ready} for {@code store}. */
    public static RawHandler ready(Store store) {
        HealthProbes probes = HealthProbes.create().check("store", () -> store instanceof JdbcStore j ? j.problem() : null);
        return getOnly(probes::readiness);
    }

    private static RawHandler getOnly(java.util.function.Supplier<RawResponse> answer) {
        return request -> "GET".equalsIgnoreCase(request.method()) || "HEAD".equalsIgnoreCase(request.method())
                ? answer.get()
                : RawResponse.error(405, "MethodNotAllowed", request.method() + " is not allowed on this probe");
    }
}
