package io.orderhooks.javalin;

import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import io.orderhooks.core.http.RawResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes for load balancers and orchestrators: {@code GET /health} (liveness: the process serves HTTP; 200
 * {@code {"Status":"OK"}}, the receivers' health shape) and {@code GET /ready} (readiness: every registered check passes; 200
 * {@code {"Status":"READY","Checks":{"name":"OK",..}}}, else 503 {@code {"Status":"NOT_READY","Checks":{"name":
 * "what is wrong",..}}}). Probe {@code /ready} to route traffic and {@code /health} to restart a process.
 * Checks run on the request thread, in registration order, each time the route is called; a check that
 * throws counts as failed. Immutable once registered with Javalin; not repeatable.
 *
 * <pre>{@code
 * Javalin.create(cfg -> cfg.registerPlugin(HealthProbes.create().check("state", state::problem)));
 * }</pre>
 */
public final class HealthProbes extends Plugin<Void> {

    private static final Logger LOG = LoggerFactory.getLogger(HealthProbes.class);

    /** A readiness check: null when ready, otherwise what is wrong (shown to the prober). */
    @FunctionalInterface
    public interface Check {
        String problem() throws Exception;
    }

    private final Map<String, Check> checks = new LinkedHashMap<>();

    private HealthProbes() {}

    /** Probes with no readiness check yet (then {@code /ready} answers like {@code /health}). */
    public static HealthProbes create() {
        return new HealthProbes();
    }

    /** Adds a named readiness check; names are unique. */
    public HealthProbes check(String name, Check check) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("check name must not be blank, was " + name);
        }
        if (checks.putIfAbsent(name, Objects.requireNonNull(check, "check")) != null) {
            throw new IllegalArgumentException("a check named " + name + " is already registered");
        }
        return this;
    }

    @Override
    public void onInitialize(JavalinState state) {
        state.routes.get("/health", ctx -> JavalinBridge.write(ctx, RawResponse.json(200, Map.of("Status", "OK"))));
        state.routes.get("/ready", ctx -> JavalinBridge.write(ctx, readiness()));
    }

    /** The {@code /ready} answer, for hosts other than Javalin. */
    public RawResponse readiness() {
        Map<String, String> results = new LinkedHashMap<>();
        boolean ready = true;
        for (Map.Entry<String, Check> c : checks.entrySet()) {
            String problem;
            try {
                problem = c.getValue().problem();
            } catch (Exception e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (problem != null) {
                LOG.warn("readiness check {} failed: {}", c.getKey(), problem);
                ready = false;
            }
            results.put(c.getKey(), problem == null ? "OK" : problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", ready ? "READY" : "NOT_READY");
        body.put("Checks", results);
        return RawResponse.json(ready ? 200 : 503, body);
    }

    @Override
    public String name() {
        return "HealthProbes";
    }
}
