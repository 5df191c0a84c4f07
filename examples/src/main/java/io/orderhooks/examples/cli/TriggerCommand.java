package io.orderhooks.examples.cli;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Transport;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trigger <event> --url URL --hash-key K}: sends one realistic, signed OrderCloud payload to a middleware
 * the way the engine does (same transport, headers and time limit) and checks the answer as the engine would.
 * Exit codes: 0 the answer would be accepted, 1 it would be refused (each violation printed), 2 bad usage.
 */
@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = {"Sends a signed, realistic OrderCloud payload to your middleware, prints status, latency and",
                "the answer, and checks the answer as the engine would (exit 1 when it would be refused).",
                "Events: shippingrates, ordercalculate, ordersubmit, ordersubmitforapproval, orderapproved, webhook.",
                "Example: orderhooks trigger ordercalculate --url http://localhost:8081/integration --hash-key K --lines 20"})
public final class TriggerCommand implements Callable<Integer> {

    static final String WEBHOOK = "webhook";
    static final String DEFAULT_ROUTE = "POST v1/orders/{direction}/{orderID}/submit";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EVENT",
            description = "shippingrates | ordercalculate | ordersubmit | ordersubmitforapproval | orderapproved | webhook")
    String event;

    @Option(names = "--url", required = true,
            description = "Checkout events: the integration event's CustomImplementationUrl (the event's suffix is appended);"
                    + " webhook: the webhook's Url.")
    String url;

    @Option(names = "--hash-key", defaultValue = "${env:ORDERHOOKS_HASH_KEY}",
            description = "HashKey to sign with (env ORDERHOOKS_HASH_KEY). Required.")
    String hashKey;

    @CommandLine.ArgGroup(exclusive = true)
    Body body = new Body();

    static final class Body {
        @Option(names = "--lines", description = "Line items in the generated worksheet (default 3).")
        Integer lines;

        @Option(names = "--file", paramLabel = "payload.json", description = "Send this file's exact bytes instead.")
        Path file;
    }

    @Option(names = "--route", paramLabel = "'VERB template'", defaultValue = DEFAULT_ROUTE,
            description = "webhook only: the route the payload is for (default '${DEFAULT-VALUE}').")
    String route;

    @Option(names = "--pre", description = "webhook only: a pre-webhook (no response body; the reply must carry a boolean \"proceed\").")
    boolean preHook;

    @Option(names = "--order-id", description = "Checkout events: the order ID (default: a new random one).")
    String orderID;

    @Option(names = "--time-limit", defaultValue = "PT10S",
            description = "How long to wait for the answer, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration timeLimit;

    /** How the request is carried; the engine's HTTP transport unless a test replaces it. */
    Transport transport = Transports.http(Transports.defaultHttpClient(), Transports.DEFAULT_MAX_RESPONSE_BYTES);

    @Override
    public Integer call() {
        TriggerPayload payload = payload();
        OutboundRequest request = request(payload);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("POST %s (%d bytes, %s: %s)%n", request.url(), request.body().length, OcHash.HEADER,
                request.headers().get(OcHash.HEADER));
        DeliveryOutcome outcome = transport.exchange(request, timeLimit);
        printAnswer(out, outcome);
        List<String> violations = AnswerCheck.violations(payload, preHook, outcome);
        if (violations.isEmpty()) {
            out.println("OK: the engine would accept this answer");
        } else {
            out.println("REFUSED: the engine would refuse this answer:");
            violations.forEach(v -> out.println("  - " + v));
        }
        out.flush();
        return violations.isEmpty() ? 0 : 1;
    }

    private TriggerPayload payload() {
        if (hashKey == null || hashKey.isEmpty()) {
            throw usage("Missing the hash key: pass --hash-key or set ORDERHOOKS_HASH_KEY");
        }
        try {
            if (event.equalsIgnoreCase(WEBHOOK)) {
                return body.file != null ? TriggerPayload.webhookFile(read(body.file)) : TriggerPayload.webhook(route, preHook);
            }
            CheckoutEventType type = CheckoutEventType.fromSuffix(event.toLowerCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> usage("Unknown event '" + event + "': use shippingrates, ordercalculate, ordersubmit,"
                            + " ordersubmitforapproval, orderapproved or webhook"));
            if (body.file != null) {
                return TriggerPayload.checkoutFile(type, read(body.file));
            }
            int lines = body.lines == null ? 3 : body.lines;
            if (lines < 1 || lines > 10_000) {
                throw usage("--lines must be 1 to 10000, was " + lines);
            }
            return TriggerPayload.checkout(type, orderID != null ? orderID : "o-" + UUID.randomUUID().toString().substring(0, 8), lines);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private OutboundRequest request(TriggerPayload payload) {
        if (payload.event() == null) {
            return OutboundRequest.signed(url, "/", payload.body(), hashKey, null, null, null);
        }
        String key = payload.event().safeToRetry() ? null : UUID.randomUUID().toString();
        return OutboundRequest.signed(OutboundRequest.join(url, payload.event().suffix()), "/" + payload.event().suffix(),
                payload.body(), hashKey, null, null, key);
    }

    private static void printAnswer(PrintWriter out, DeliveryOutcome outcome) {
        long millis = outcome.latency().toMillis();
        byte[] answer = null;
        if (outcome instanceof DeliveryOutcome.Delivered d) {
            out.printf("<- %d in %d ms%n", d.status(), millis);
            answer = d.body();
        } else if (outcome instanceof DeliveryOutcome.Rejected r) {
            out.printf("<- %d in %d ms%n", r.status(), millis);
            answer = r.body();
        } else {
            out.printf("<- no answer after %d ms: %s%n", millis, outcome.describe());
        }
        if (answer != null) {
            out.println(answer.length == 0 ? "(empty body)" : pretty(answer));
        }
    }

    private static String pretty(byte[] body) {
        try {
            return OrderCloudJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(OrderCloudJson.mapper().readTree(body));
        } catch (IOException notJson) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw usage("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
