package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.events.plugin.Plugins;
import io.orderhooks.examples.Main;
import io.orderhooks.examples.app.MerchantRegistration;
import io.orderhooks.examples.app.PluginMiddleware;
import io.orderhooks.examples.client.OrderCloudClient;
import io.orderhooks.examples.demo.DemoCatalog;
import io.orderhooks.examples.demo.DemoMarketplace;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.plugin.PreWebhookPlugin;
import io.orderhooks.webhooks.plugin.WebhookPlugins;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code engine --webhook-url} registers exactly what the middleware serves, so unrelated writes are never blocked. */
class EngineWebhookRoutesAcceptanceTest {

    static final AtomicInteger GUARDED = new AtomicInteger();

    /** The middleware's only hook: a pre-hook on adding a cart line. */
    static final class AddLineGuard implements PreWebhookPlugin {
        @Override
        public List<WebhookRoute> routes() {
            return List.of(new WebhookRoute("v1/cart/lineitems", "POST"));
        }

        @Override
        public PreWebhookResponse before(WebhookEvent event) {
            GUARDED.incrementAndGet();
            return PreWebhookResponse.proceed();
        }
    }

    @Test
    void againstAMiddlewareWithOnePreHookRouteExactlyThatRouteIsRegisteredAndPatchingALineIsNotBlocked() throws Exception {
        URLClassLoader nothing = new URLClassLoader(new URL[0], null);
        PluginMiddleware.Found found = new PluginMiddleware.Found(Plugins.discover(nothing),
                WebhookPlugins.of(List.of(new AddLineGuard()), List.of()));
        StringWriter printed = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(printed));
        try (PluginMiddleware middleware = PluginMiddleware.start(found, 0, List.of("ik"), List.of("wk"))) {
            cli.parseArgs("engine", "--port", "0", "--store", "memory", "--webhook-url", middleware.baseUrl() + "/webhooks",
                    "--webhook-hash-key", "wk", "--admin-client-secret", "admin-secret");
            EngineCommand command = cli.getSubcommands().get("engine").getCommand();
            try (OrderEngine engine = command.start()) {
                OrderCloudClient api = new OrderCloudClient(engine.baseUrl());
                String admin = api.clientCredentials("admin-client", "admin-secret", "FullAccess");

                JsonNode hook = api.get("v1/webhooks/" + MerchantRegistration.PRE_WEBHOOK_ID, admin);
                assertThat(hook.path("Url").asText()).isEqualTo(middleware.baseUrl() + "/webhooks/pre");
                assertThat(hook.path("WebhookRoutes").toString()).isEqualTo("[{\"Route\":\"v1/cart/lineitems\",\"Verb\":\"POST\"}]");
                assertThat(api.listAll("v1/webhooks", admin)).hasSize(1);
                assertThat(printed.toString()).contains("  pre-webhook  POST v1/cart/lineitems -> " + middleware.baseUrl() + "/webhooks/pre");

                DemoMarketplace market = new DemoMarketplace(api, admin);
                market.seedBuyer("storefront");
                market.seedSuppliers();
                market.seedCatalog();
                String pat = market.login(DemoMarketplace.PAT, "storefront");
                JsonNode line = api.post("v1/cart/lineitems", pat, Map.of("ProductID", DemoCatalog.TOTE.id(), "Quantity", 1));
                JsonNode patched = api.patch("v1/cart/lineitems/" + line.path("ID").asText(), pat, Map.of("Quantity", 3));

                assertThat(GUARDED.get()).isEqualTo(1);
                assertThat(patched.path("Quantity").asInt()).isEqualTo(3);
            }
        }
    }
}
