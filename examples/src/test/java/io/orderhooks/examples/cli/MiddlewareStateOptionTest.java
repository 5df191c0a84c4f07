package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.signing.OcHash;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.examples.Main;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code middleware --state postgresql://..}: two instances share submit answers; both probe ready. */
class MiddlewareStateOptionTest {

    @TempDir
    Path outbox;

    private final HttpClient http = HttpClient.newHttpClient();

    MiddlewareCommand parse(String... args) {
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(new StringWriter()));
        cli.parseArgs(args);
        return cli.getSubcommands().get("middleware").getCommand();
    }

    HttpResponse<String> submit(MerchantMiddleware to, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(to.integrationUrl() + "/ordersubmit"))
                .header("Content-Type", "application/json").header(OcHash.HEADER, OcHash.sign("k1", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoInstancesOnOneStateDatabaseExportARetriedSubmitOnce() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String state = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/postgres";
            String[] args = {"middleware", "--demo-merchant", "--port", "0", "--hash-key", "k1", "--outbox", outbox.toString(),
                "--state", state};
            try (MerchantMiddleware first = (MerchantMiddleware) parse(args).start();
                    MerchantMiddleware second = (MerchantMiddleware) parse(args).start()) {
                byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o-shared")
                        .line("mug", 1, "10.00").build()));

                HttpResponse<String> original = submit(first, body);
                HttpResponse<String> retry = submit(second, body);

                assertThat(original.statusCode()).isEqualTo(200);
                assertThat(retry.statusCode()).isEqualTo(200);
                assertThat(retry.body()).isEqualTo(original.body());
                assertThat(retry.headers().firstValue("X-Idempotent-Replay")).hasValue("true");
                try (Stream<Path> exported = Files.list(outbox)) {
                    assertThat(exported.filter(p -> p.getFileName().toString().contains("o-shared"))).hasSize(1);
                }
                assertThat(get(second.baseUrl() + "/ready").body())
                        .isEqualTo("{\"Status\":\"READY\",\"Checks\":{\"state\":\"OK\"}}");
                assertThat(get(first.baseUrl() + "/health").body()).isEqualTo("{\"Status\":\"OK\"}");
            }
        }
    }

    @Test
    void aStateUrlOfAnotherKindIsRefusedByName() {
        MiddlewareCommand command = parse("middleware", "--hash-key", "k1", "--state", "mysql://u:secret@h/db");

        assertThatThrownBy(command::sharedState).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--state: the state URL must start with postgresql:// (or jdbc:postgresql://), was mysql://..");
    }
}
