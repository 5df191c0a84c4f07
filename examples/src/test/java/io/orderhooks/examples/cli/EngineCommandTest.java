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
    void aPostgresqlStoreTakesItsPoolSizeFromDbPoolAndRefusesLessThanOne() {
        CommandLine cli = Main.commandLine();
        cli.parseArgs("engine", "--store", "postgresql://db:5432/shop", "--db-pool", "5");
        EngineCommand command = cli.getSubcommands().get("engine").getCommand();
        assertThat(command.storeOptions.choice(data)).hasToString("postgresql jdbc:postgresql://db:5432/shop (pool 5)");

        cli = Main.commandLine();
        cli.parseArgs("engine", "--port", "0", "--store", "postgresql://localhost:9/shop", "--db-pool", "0");
        EngineCommand refused = cli.getSubcommands().get("engine").getCommand();
        assertThatThrownBy(refused::start).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("the PostgreSQL pool needs at least 1 connection, was 0");
    }

    @Test
    void refusesANonLoopbackAddressWithThePubliclyKnownTestSecrets() {
        CommandLine cli = Main.commandLine();
        cli.parseArgs("engine", "--host", "0.0.0.0", "--port", "0", "--store", "memory", "--admin-client-secret",
                "admin-secret", "--admin-password", "admin-password");
        EngineCommand command = cli.getSubcommands().get("engine").getCommand();

        assertThatThrownBy(command::start).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("refusing to serve on 0.0.0.0 with the local default admin credentials");
    }

    @Test
    void withoutAConfiguredPasswordACustomAdminClientGetsAGeneratedPasswordPrintedOnce() {
        StringWriter printed = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(printed));
        cli.parseArgs("engine", "--port", "0", "--store", "memory", "--admin-client-id", "ADM", "--admin-client-secret", "S");
        EngineCommand command = cli.getSubcommands().get("engine").getCommand();

        try (OrderEngine server = command.start()) {
            String banner = printed.toString();
            String password = server.admin().generatedPassword();
            assertThat(banner).contains("admin password (generated, shown once; only its hash is kept): " + password)
                    .contains("admin client secret: as configured").doesNotContain("admin-secret").doesNotContain("admin-password");
            assertThat(token(server, java.util.Map.of("grant_type", "password", "client_id", "ADM", "client_secret", "S",
                    "username", "admin", "password", "admin-password", "scope", "FullAccess")).path("Errors").path(0)
                    .path("ErrorCode").asText()).isEqualTo("Auth.IncorrectPassword");
            assertThat(token(server, java.util.Map.of("grant_type", "password", "client_id", "ADM",
                    "username", "admin", "password", password, "scope", "FullAccess")).path("Errors").path(0)
                    .path("ErrorCode").asText()).isEqualTo("Auth.InvalidClientSecret");
            assertThat(token(server, java.util.Map.of("grant_type", "password", "client_id", "ADM", "client_secret", "S",
                    "username", "admin", "password", password, "scope", "FullAccess")).path("access_token").asText()).isNotBlank();
        }
    }

    /** The token endpoint's answer (success or error) as JSON. */
    static com.fasterxml.jackson.databind.JsonNode token(OrderEngine server, java.util.Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/oauth/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return io.orderhooks.core.json.OrderCloudJson.mapper().readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
