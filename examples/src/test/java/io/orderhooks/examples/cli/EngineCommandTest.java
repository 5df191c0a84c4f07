package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.examples.Main;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.examples.app.MerchantRegistration;
import io.orderhooks.examples.client.OrderCloudClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EngineCommandTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path data;

    @Test
    void answersOAuthTokenAndPreRegistersTheMerchant() {
        StringWriter printed = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(printed));
        cli.parseArgs("engine", "--port", "0", "--data", data.toString(), "--admin-client-secret", "s3cret", "--admin-password", "pw-123456",
                "--integration-url", "http://localhost:9/integration", "--hash-key", "k", "--webhook-url", "http://localhost:9/hooks",
                "--webhook-route", "pre POST v1/orders/{direction}/{orderID}/lineitems",
                "--webhook-route", "post POST v1/orders/{direction}/{orderID}/submit");
        EngineCommand command = cli.getSubcommands().get("engine").getCommand();

        try (OrderEngine server = command.start()) {
            OrderCloudClient api = new OrderCloudClient(server.baseUrl());
            String token = api.clientCredentials("admin-client", "s3cret", "FullAccess");

            assertThat(token).isNotBlank();
            assertThat(api.get("v1/apiclients/storefront", token).path("OrderCheckoutIntegrationEventID").asText())
                    .isEqualTo(MerchantRegistration.INTEGRATION_EVENT_ID);
            assertThat(api.get("v1/integrationEvents/" + MerchantRegistration.INTEGRATION_EVENT_ID, token)
                    .path("CustomImplementationUrl").asText()).isEqualTo("http://localhost:9/integration");
            assertThat(api.get("v1/webhooks/" + MerchantRegistration.PRE_WEBHOOK_ID, token).path("Url").asText())
                    .isEqualTo("http://localhost:9/hooks/pre");
            assertThat(api.get("v1/webhooks/" + MerchantRegistration.POST_WEBHOOK_ID, token).path("ConfigData")
                    .path("ApiBaseUrl").asText()).isEqualTo(server.baseUrl());
            assertThat(printed.toString()).contains("orderhooks engine API listening on " + server.baseUrl());
        }
    }

    @Test
    void refusesANonLoopbackAddressWithTheDefaultAdminSecrets() {
        CommandLine cli = Main.commandLine();
        cli.parseArgs("engine", "--host", "0.0.0.0", "--port", "0", "--store", "memory");
        EngineCommand command = cli.getSubcommands().get("engine").getCommand();

        assertThatThrownBy(command::start).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("refusing to serve on 0.0.0.0 with the local default admin credentials");
    }
}
