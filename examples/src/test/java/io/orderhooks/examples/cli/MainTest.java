package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.examples.Main;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.examples.app.MerchantRegistration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

    private static <T> T command(CommandLine cli, String name) {
        return cli.getSubcommands().get(name).getCommand();
    }

    @Test
    void offersTheThreeCommandsWithDemoAsTheDefault() {
        assertThat(cli().execute("--help")).isZero();

        assertThat(cli().getSubcommands()).containsOnlyKeys("demo", "middleware", "engine", "trigger", "replay", "sign");
        assertThat(out.toString()).contains("Without a command, runs 'demo'.").contains("middleware").contains("engine");
    }

    @Test
    void printsTheVersion() {
        assertThat(cli().execute("--version")).isZero();

        assertThat(out.toString()).startsWith("orderhooks " + Main.version() + " (Java ");
    }

    @Test
    void eachCommandHasHelp() {
        assertThat(cli().execute("middleware", "--help")).isZero();
        assertThat(out.toString()).contains("--hash-key").contains("ORDERHOOKS_HASH_KEY").contains("--api-url");
        assertThat(cli().execute("engine", "--help")).isZero();
        assertThat(out.toString()).contains("--integration-url").contains("--webhook-url").contains("--admin-client-secret");
        assertThat(cli().execute("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--exit").contains("--engine-port");
    }

    @Test
    void readsTheMiddlewareOptions() {
        CommandLine cli = cli();
        cli.parseArgs("middleware", "--port", "0", "--hash-key", "new,old", "--outbox", "/tmp/box", "--api-url", "http://api");
        MiddlewareCommand middleware = command(cli, "middleware");

        var settings = middleware.settings();

        assertThat(settings.port()).isZero();
        assertThat(settings.hashKeys()).containsExactly("new", "old");
        assertThat(settings.webhookHashKeys()).containsExactly("new", "old");
        assertThat(settings.outbox()).isEqualTo(Path.of("/tmp/box"));
        assertThat(settings.apiUrl()).isEqualTo("http://api");
    }

    @Test
    void theMiddlewareNeedsAHashKey() {
        CommandLine cli = cli();
        cli.parseArgs("middleware", "--hash-key", "");
        MiddlewareCommand middleware = command(cli, "middleware");

        assertThatThrownBy(middleware::settings).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--hash-key must not be blank");
    }

    @Test
    void aBadPortIsAUsageError() {
        assertThat(cli().execute("middleware", "--port", "eighty", "--hash-key", "k")).isEqualTo(2);

        assertThat(err.toString()).contains("Invalid value for option '--port': 'eighty' is not an int");
    }

    @Test
    void theEngineRegistersTheWebhooksUnderTheGivenBaseUrl() {
        CommandLine cli = cli();
        cli.parseArgs("engine", "--integration-url", "http://mw/integration", "--hash-key", "k",
                "--webhook-url", "http://mw/webhooks/", "--storefront-client", "shop",
                "--webhook-route", "pre POST v1/orders/{direction}/{orderID}/lineitems", "--webhook-route", "post put /v1/buyers/{buyerID}");
        EngineCommand engine = command(cli, "engine");

        MerchantRegistration registration = engine.registration("http://localhost:8080", engine.webhookRoutes());

        assertThat(registration).isEqualTo(new MerchantRegistration("http://localhost:8080", "http://mw/integration", "k",
                "http://mw/webhooks/pre", List.of(new WebhookRoute("v1/orders/{direction}/{orderID}/lineitems", "POST")),
                "http://mw/webhooks/post", List.of(new WebhookRoute("v1/buyers/{buyerID}", "PUT")), "k", "shop"));
    }

    @Test
    void aMalformedWebhookRouteIsAUsageErrorNamingTheExpectedShape() {
        CommandLine cli = cli();
        cli.parseArgs("engine", "--webhook-url", "http://mw/webhooks", "--webhook-route", "POST v1/cart");
        EngineCommand engine = command(cli, "engine");

        assertThatThrownBy(engine::webhookRoutes).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--webhook-route 'POST v1/cart' must be 'pre|post VERB TEMPLATE', e.g. "
                        + "'pre POST v1/orders/{direction}/{orderID}/lineitems'");
    }

    @Test
    void aWebhookUrlWhoseMiddlewareIsNotRunningIsAUsageErrorSayingWhatToDo() {
        CommandLine cli = cli();
        cli.parseArgs("engine", "--webhook-url", "http://127.0.0.1:9/webhooks", "--webhook-hash-key", "k");
        EngineCommand engine = command(cli, "engine");

        assertThatThrownBy(engine::webhookRoutes).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageStartingWith("cannot ask the middleware which webhook routes it serves: GET "
                        + "http://127.0.0.1:9/webhooks/pre/health failed")
                .hasMessageEndingWith("start it first or pass --webhook-route");
    }

    @Test
    void anIntegrationUrlWithoutAHashKeyIsAUsageError() {
        CommandLine cli = cli();
        cli.parseArgs("engine", "--integration-url", "http://mw/integration", "--hash-key", "");
        EngineCommand engine = command(cli, "engine");

        assertThatThrownBy(() -> engine.registration("http://localhost", engine.webhookRoutes())).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--hash-key (or ORDERHOOKS_HASH_KEY) is needed: an integration URL needs a hash key");
    }

    @Test
    void theEngineWithoutUrlsRegistersNothing() {
        CommandLine cli = cli();
        cli.parseArgs("engine", "--port", "0");
        EngineCommand engine = command(cli, "engine");

        assertThat(engine.registration("http://localhost", engine.webhookRoutes())).isNull();
        assertThat(engine.admin().clientID()).isEqualTo("admin-client");
    }
}
