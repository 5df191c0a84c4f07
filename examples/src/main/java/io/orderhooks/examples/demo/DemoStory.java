package io.orderhooks.examples.demo;

import io.orderhooks.core.api.AdminBootstrap;
import io.orderhooks.examples.app.EngineServer;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.examples.app.MerchantRegistration;
import io.orderhooks.examples.client.OrderCloudClient;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * The demo's story, told through the engine's own HTTP API as a merchant and its shoppers would, with numbered
 * steps on {@code out}. Not thread-safe; run it once.
 */
public final class DemoStory {

    private final EngineServer engine;
    private final MerchantMiddleware middleware;
    private final AdminBootstrap admin;
    private final String hashKey;
    private final Narrator say;
    private final OrderCloudClient api;

    public DemoStory(EngineServer engine, MerchantMiddleware middleware, AdminBootstrap admin, String hashKey, PrintWriter out) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.middleware = Objects.requireNonNull(middleware, "middleware");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.hashKey = Objects.requireNonNull(hashKey, "hashKey");
        this.say = new Narrator(out);
        this.api = new OrderCloudClient(engine.baseUrl());
    }

    /** Tells the story; returns whether every step succeeded. */
    public boolean run() {
        say.step("Engine API on " + engine.baseUrl() + ", merchant middleware on " + middleware.baseUrl());
        String adminToken = api.clientCredentials(admin.clientID(), admin.clientSecret(), "FullAccess");
        say.done("admin token from POST /oauth/token");
        MerchantRegistration registration = new MerchantRegistration(engine.baseUrl(), middleware.integrationUrl(),
                hashKey, middleware.preWebhookUrl(), middleware.postWebhookUrl(), hashKey, "storefront");
        registration.applyTo(engine.engine(), admin);
        say.done("integration event " + MerchantRegistration.INTEGRATION_EVENT_ID + " -> " + middleware.integrationUrl());
        say.done("webhooks " + MerchantRegistration.PRE_WEBHOOK_ID + " and " + MerchantRegistration.POST_WEBHOOK_ID);
        say.done("API client storefront: " + api.get("v1/apiclients/storefront", adminToken).path("AppName").asText());
        return true;
    }
}
