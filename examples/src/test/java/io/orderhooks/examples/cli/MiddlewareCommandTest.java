package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.examples.Main;
import io.orderhooks.examples.app.MerchantMiddleware;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MiddlewareCommandTest {

    @TempDir
    Path outbox;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String url, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(OcHash.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withDemoMerchantAnswersASignedOrderCalculateOverHttp() throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(printed));
        cli.parseArgs("middleware", "--demo-merchant", "--port", "0", "--hash-key", "k1", "--outbox", outbox.toString());
        MiddlewareCommand command = cli.getSubcommands().get("middleware").getCommand();

        try (MerchantMiddleware middleware = (MerchantMiddleware) command.start()) {
            byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o1")
                    .line("mug", 2, "10.00").build()));

            HttpResponse<String> signed = post(middleware.integrationUrl() + "/ordercalculate", body, OcHash.sign("k1", body));
            HttpResponse<String> forged = post(middleware.integrationUrl() + "/ordercalculate", body, OcHash.sign("k2", body));

            assertThat(signed.statusCode()).isEqualTo(200);
            JsonNode answer = OrderCloudJson.mapper().readTree(signed.body());
            assertThat(answer.path("TaxTotal").decimalValue()).isEqualByComparingTo("1.38");
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(printed.toString()).contains("integration event CustomImplementationUrl: " + middleware.integrationUrl())
                    .contains("pre-webhook Url:  " + middleware.baseUrl() + "/webhooks/pre");
        }
    }
}
