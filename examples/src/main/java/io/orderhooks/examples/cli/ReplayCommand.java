package io.orderhooks.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.examples.client.OrderCloudClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code replay <deliveryID> --engine URL [--to URL]}: has the engine resend a logged delivery's exact bytes
 * through its redelivery API ({@code POST v1/deliveries/{id}/redeliver}), to the endpoint's own URL (a failed
 * post-webhook or submit) or, with {@code --to}, as a copy to another URL such as a middleware on your laptop.
 * Exit codes: 0 the new attempt succeeded, 1 it failed or the engine refused, 2 bad usage.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Resends a logged delivery's exact bytes through the engine's redelivery API and prints the",
                "new attempt. Without --to: a failed post-webhook or submit, to its endpoint. With --to: a copy of",
                "any checkout or post-webhook delivery to that URL (signed with the endpoint's key), e.g. a local middleware.",
                "Example: orderhooks replay 3f2c... --engine http://localhost:8080 --to http://localhost:8081/integration"})
public final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DELIVERY_ID", description = "The delivery record's ID (v1/deliveries, /ui/deliveries).")
    String deliveryID;

    @Option(names = "--engine", required = true, defaultValue = "${env:ORDERHOOKS_ENGINE_URL}",
            description = "The engine's base URL, e.g. http://localhost:8080 (env ORDERHOOKS_ENGINE_URL).")
    String engineUrl;

    @Option(names = "--to", description = "Send a copy to this URL instead of the endpoint's (checkout: the base URL the suffix is appended to).")
    String to;

    @Option(names = "--client-id", defaultValue = "${env:ORDERHOOKS_ADMIN_CLIENT_ID:-admin-client}",
            description = "Admin API client ID (env ORDERHOOKS_ADMIN_CLIENT_ID; default ${DEFAULT-VALUE}).")
    String clientID;

    @Option(names = "--client-secret", defaultValue = "${env:ORDERHOOKS_ADMIN_CLIENT_SECRET:-admin-secret}",
            description = "Admin client secret (env ORDERHOOKS_ADMIN_CLIENT_SECRET; default: the engine's local default).")
    String clientSecret;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OrderCloudClient api = new OrderCloudClient(engineUrl.endsWith("/") ? engineUrl.substring(0, engineUrl.length() - 1) : engineUrl);
        JsonNode record;
        try {
            String token = api.clientCredentials(clientID, clientSecret, "FullAccess", "DeliveryLogAdmin");
            JsonNode body = to == null ? null : JsonNodeFactory.instance.objectNode().put("Url", to);
            record = api.post("v1/deliveries/" + OrderCloudClient.encode(deliveryID) + "/redeliver", token, body);
        } catch (OrderCloudException e) {
            err.printf("replay of %s refused: %d %s: %s%n", deliveryID, e.status(), e.errorCode(), e.getMessage());
            err.flush();
            return 1;
        }
        out.printf("%s %s -> %s%n", record.path("Kind").asText(), record.path("Subject").asText(), record.path("Url").asText());
        out.printf("new delivery %s (redelivery of %s): %s%s in %d ms%n", record.path("ID").asText(),
                record.path("RedeliveryOf").asText(), record.path("Outcome").asText(),
                record.path("HttpStatus").isNull() ? "" : " " + record.path("HttpStatus").asInt(),
                record.path("LatencyMillis").asLong());
        if (!record.path("ResponseBody").isNull()) {
            out.println(record.path("ResponseBody").asText());
        }
        if (!record.path("Error").isNull()) {
            out.println("error: " + record.path("Error").asText());
        }
        out.flush();
        return record.path("Succeeded").asBoolean() ? 0 : 1;
    }
}
