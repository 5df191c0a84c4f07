package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.events.plugin.TaxCalculator;
import io.orderhooks.events.plugin.TaxRequest;
import io.orderhooks.events.plugin.TaxResult;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.examples.Main;
import io.orderhooks.examples.app.PluginMiddleware;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.plugin.PreWebhookPlugin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code middleware} without {@code --demo-merchant}: the plugin runner, in process (the real jar: MiddlewareJarIT). */
class PluginRunnerTest {

    /** A 10% tax plugin. */
    public static final class TenPercent implements TaxCalculator {
        @Override
        public TaxResult calculate(TaxRequest request) {
            Map<String, BigDecimal> taxes = new LinkedHashMap<>();
            request.worksheet().lineItems().forEach(l -> taxes.put(l.id(),
                    l.lineSubtotal().multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP)));
            return new TaxResult(taxes, BigDecimal.ZERO);
        }
    }

    /** A pre-hook on adding cart lines. */
    public static final class CartGuard implements PreWebhookPlugin {
        @Override
        public List<WebhookRoute> routes() {
            return List.of(new WebhookRoute("v1/cart/lineitems", "POST"));
        }

        @Override
        public PreWebhookResponse before(WebhookEvent event) {
            return PreWebhookResponse.proceed();
        }
    }

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private MiddlewareCommand command(String... args) {
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        cli.parseArgs(args);
        return cli.getSubcommands().get("middleware").getCommand();
    }

    private Path jar(String name, Map<Class<?>, Class<?>> services) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve(name)))) {
            for (Map.Entry<Class<?>, Class<?>> service : services.entrySet()) {
                jar.putNextEntry(new JarEntry("META-INF/services/" + service.getKey().getName()));
                jar.write((service.getValue().getName() + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return plugins;
    }

    @Test
    void servesThePluginsInTheFolderAndPrintsItsRoutes() throws Exception {
        Path plugins = jar("mine.jar", Map.of(TaxCalculator.class, TenPercent.class, PreWebhookPlugin.class, CartGuard.class));

        try (PluginMiddleware middleware = (PluginMiddleware) command("middleware", "--port", "0", "--hash-key", "k1",
                "--plugins", plugins.toString()).start()) {
            byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o1").line("mug", 2, "10.00").build()));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(middleware.baseUrl() + "/integration/ordercalculate")).header("Content-Type", "application/json")
                    .header(OcHash.HEADER, OcHash.sign("k1", body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode calculated = OrderCloudJson.mapper().readTree(answer.body());
            assertThat(calculated.path("TaxTotal").decimalValue()).isEqualByComparingTo("2.00");
            assertThat(calculated.path("xp").path("Tax").path("Calculator").asText()).isEqualTo("TenPercent");
            assertThat(out.toString()).contains("orderhooks middleware listening on " + middleware.baseUrl())
                    .contains("  plugin TaxCalculator: TenPercent").contains("  plugin PreWebhookPlugin: CartGuard")
                    .contains("  checkout  POST /integration/ordercalculate")
                    .contains("  webhook   POST v1/cart/lineitems (pre) at /webhooks/pre");
        }
    }

    @Test
    void withStateThePluginRunnerUsesTheSharedDatabaseAndProbesItForReadiness() throws Exception {
        Path plugins = jar("mine.jar", Map.of(TaxCalculator.class, TenPercent.class));
        HttpClient http = HttpClient.newHttpClient();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String state = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/postgres";
            try (PluginMiddleware middleware = (PluginMiddleware) command("middleware", "--port", "0", "--hash-key", "k1",
                    "--plugins", plugins.toString(), "--state", state).start()) {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(middleware.baseUrl() + "/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(middleware.baseUrl() + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());

                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.body()).isEqualTo("{\"Status\":\"READY\",\"Checks\":{\"state\":\"OK\"}}");
                assertThat(health.body()).isEqualTo("{\"Status\":\"OK\"}");
                assertThat(out.toString()).contains("  state: shared in PostgreSQL; load balancers probe "
                        + middleware.baseUrl() + "/ready");
            }
        }
    }

    @Test
    void withoutStateThePluginRunnerIsReadyWithNoChecks() throws Exception {
        Path plugins = jar("mine.jar", Map.of(TaxCalculator.class, TenPercent.class));

        try (PluginMiddleware middleware = (PluginMiddleware) command("middleware", "--port", "0", "--hash-key", "k1",
                "--plugins", plugins.toString()).start()) {
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(middleware.baseUrl() + "/ready")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"Status\":\"READY\",\"Checks\":{}}");
            assertThat(out.toString()).contains("  state: in memory (one instance)");
        }
    }

    @Test
    void withoutAnyPluginItSaysSoWithExitCode2() throws Exception {
        Path plugins = jar("nothing.jar", Map.of());
        MiddlewareCommand command = command("middleware", "--port", "0", "--hash-key", "k1", "--plugins", plugins.toString());

        assertThatThrownBy(command::start).isInstanceOfSatisfying(MiddlewareCommand.Failure.class,
                f -> assertThat(f.exitCode).isEqualTo(2)).hasMessage("no plugins found in " + plugins
                + " nor on the class path: pass --plugins DIR with plugin jars (META-INF/services entries), "
                + "or --demo-merchant for the example merchant");
    }

    @Test
    void aCorruptJarIsOneClearErrorLineAndExit1() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");

        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("middleware", "--port", "0", "--hash-key", "k1", "--plugins", plugins.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("orderhooks middleware: plugin jar " + plugins.resolve("broken.jar")
                + " cannot be read: ").doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void aDeclaredPluginClassThatIsMissingIsOneClearErrorLineAndExit1() throws Exception {
        Path plugins = dir.resolve("plugins");
        Files.createDirectories(plugins);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("typo.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + TaxCalculator.class.getName()));
            jar.write("com.example.NoSuchTax\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }

        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("middleware", "--port", "0", "--hash-key", "k1", "--plugins", plugins.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("orderhooks middleware: a plugin cannot be loaded: "
                + TaxCalculator.class.getName() + ": Provider com.example.NoSuchTax not found" + System.lineSeparator());
    }

    @Test
    void aFolderThatDoesNotExistIsOneClearErrorLine() throws Exception {
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("middleware", "--hash-key", "k1", "--plugins", dir.resolve("nope").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("orderhooks middleware: --plugins " + dir.resolve("nope") + " is not a folder"
                + System.lineSeparator());
    }

    @Test
    void pluginsAndTheDemoMerchantCannotBeCombined() {
        MiddlewareCommand command = command("middleware", "--hash-key", "k1", "--demo-merchant", "--plugins", dir.toString());

        assertThatThrownBy(command::start).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--plugins and --demo-merchant cannot be combined");
    }
}
