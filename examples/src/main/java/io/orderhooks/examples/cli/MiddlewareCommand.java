package io.orderhooks.examples.cli;

import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.middleware.postgres.MiddlewareState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code middleware}: only the merchant's middleware, as a merchant registers it with OrderCloud. */
@Command(name = "middleware", mixinStandardHelpOptions = true,
        description = {"Runs only the merchant middleware: checkout integration events (tax, shipping, export)",
                "and the invitation pre-webhooks. Register its URLs with OrderCloud (see the README)."})
public final class MiddlewareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:PORT:-8081}", description = "Port (env PORT; default ${DEFAULT-VALUE}; 0 = any).")
    int port;

    @Option(names = "--hash-key", split = ",", defaultValue = "${env:ORDERHOOKS_HASH_KEY}",
            description = "The integration event's HashKey; several, comma-separated, during a rotation (env ORDERHOOKS_HASH_KEY). Required.")
    List<String> hashKeys;

    @Option(names = "--webhook-hash-key", split = ",", defaultValue = "${env:ORDERHOOKS_WEBHOOK_HASH_KEY}",
            description = "The webhooks' HashKey (env ORDERHOOKS_WEBHOOK_HASH_KEY; default: the integration event's).")
    List<String> webhookHashKeys;

    @Option(names = "--outbox", defaultValue = "${env:ORDERHOOKS_OUTBOX:-outbox}",
            description = "Folder for exported orders (env ORDERHOOKS_OUTBOX; default ${DEFAULT-VALUE}).")
    Path outbox;

    @Option(names = "--api-url", defaultValue = "${env:ORDERHOOKS_API_URL}",
            description = "Marketplace API the webhook guards call back, unless the webhook's ConfigData.ApiBaseUrl says (env ORDERHOOKS_API_URL), e.g. https://sandboxapi.ordercloud.io.")
    String apiUrl;

    @Option(names = "--state", defaultValue = "${env:ORDERHOOKS_STATE}",
            description = "Share state with other instances behind one load balancer: postgresql://user:password@host:port/database (env ORDERHOOKS_STATE; default: in memory, one instance). See docs/SCALING.md.")
    String state;

    /** The shared state the options describe, connected and migrated; null for in memory. */
    MiddlewareState sharedState() {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return MiddlewareState.postgresql(state);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--state: " + e.getMessage());
        }
    }

    /** The settings the options describe. */
    MerchantMiddleware.Settings settings() {
        if (hashKeys == null || hashKeys.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing the hash key: pass --hash-key or set ORDERHOOKS_HASH_KEY");
        }
        List<String> webhookKeys = webhookHashKeys == null || webhookHashKeys.isEmpty() ? hashKeys : webhookHashKeys;
        try {
            return new MerchantMiddleware.Settings(port, hashKeys, webhookKeys, outbox, apiUrl, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Starts the middleware and prints what to register. */
    MerchantMiddleware start() {
        MerchantMiddleware middleware = MerchantMiddleware.start(settings(), sharedState());
        PrintWriter out = spec.commandLine().getOut();
        out.println("orderhooks middleware listening on " + middleware.baseUrl());
        out.println("  integration event CustomImplementationUrl: " + middleware.integrationUrl());
        out.println("  pre-webhook Url:  " + middleware.preWebhookUrl());
        out.println("  post-webhook Url: " + middleware.postWebhookUrl());
        out.println("  exports orders to " + outbox.toAbsolutePath());
        out.println("  state: " + (state == null || state.isBlank() ? "in memory (one instance)" : "shared in PostgreSQL")
                + "; load balancers probe " + middleware.baseUrl() + "/ready");
        out.println("Ctrl-C to stop.");
        out.flush();
        return middleware;
    }

    @Override
    public Integer call() throws Exception {
        Serving.untilShutdown(List.of(start()));
        return 0;
    }
}
