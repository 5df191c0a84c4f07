package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.examples.Main;
import io.orderhooks.examples.app.EngineServer;
import io.orderhooks.examples.app.MerchantRegistration;
import io.orderhooks.examples.client.OrderCloudClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EngineCommandTest {

    @Test
    void answersOAuthTokenAndPreRegistersTheMerchant() {
        StringWriter printed = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(printed));
        cli.parseArgs("engine", "--port", "0", "--admin-client-secret", "s3cret", "--admin-password", "pw-123456",
                "--integration-url", "http://localhost:9/integration", "--hash-key", "k", "--webhook-url", "http://localhost:9/hooks");
        EngineCommand command = cli.getSubcommands().get("engine").getCommand();

        try (EngineServer server = command.start()) {
            OrderCloudClient api = new OrderCloudClient(server.baseUrl());
            String token = api.clientCredentials("admin-client", "s3cret", "FullAccess");

            assertThat(token).isNotBlank();
            assertThat(api.get("v1/apiclients/storefront", token).path("OrderCheckoutIntegrationEventID").asText())
                    .isEqualTo(MerchantRegistration.INTEGRATION_EVENT_ID);
            Caller seller = Caller.seller("admin", "seller", "admin-client", "FullAccess");
            assertThat(server.engine().integrations().getEvent(seller, MerchantRegistration.INTEGRATION_EVENT_ID)
                    .customImplementationUrl()).isEqualTo("http://localhost:9/integration");
            assertThat(server.engine().webhooks().get(seller, MerchantRegistration.PRE_WEBHOOK_ID).url())
                    .isEqualTo("http://localhost:9/hooks/pre");
            assertThat(server.engine().webhooks().get(seller, MerchantRegistration.POST_WEBHOOK_ID).configData()
                    .path("ApiBaseUrl").asText()).isEqualTo(server.baseUrl());
            assertThat(printed.toString()).contains("orderhooks engine API listening on " + server.baseUrl());
        }
    }
}
