package io.orderhooks.events.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsPlugin;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realistic 50-line worksheet, signed with the reference algorithm, answered over HTTP by a tax and a
 * shipping plugin discovered from a plugin jar.
 */
class PluginCheckoutAcceptanceTest {

    static final String KEY = "oc-integration-key";
    final HttpClient http = HttpClient.newHttpClient();

    /** Line i: quantity i%4+1 at 3.99+i, weighing i%3+1 lb; even lines ship from wh-east, odd ones from supplier sup-acme. */
    static Worksheets fiftyLines() {
        Worksheets worksheet = Worksheets.order("o-50").buyer("buyer-acme", "ada");
        for (int i = 1; i <= 50; i++) {
            String sku = "SKU-" + i;
            boolean even = i % 2 == 0;
            LineItemProduct product = LineItemProduct.builder().id(sku).name("Product " + i)
                    .shipWeight(BigDecimal.valueOf(i % 3 + 1)).build();
            worksheet.line(sku, i % 4 + 1, new BigDecimal("3.99").add(BigDecimal.valueOf(i)).toPlainString(),
                    l -> even ? l.product(product).shipFromAddressID("wh-east") : l.product(product).supplierID("sup-acme"));
        }
        return worksheet;
    }

    static String referenceSign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    <T> T post(Javalin app, String suffix, OrderWorksheet worksheet, Class<T> type) throws Exception {
        byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(worksheet));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/oc/" + suffix))
                .header("Content-Type", "application/json").header("X-oc-hash", referenceSign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        return OrderCloudJson.mapper().readValue(response.body(), type);
    }

    @Test
    void answersAFiftyLineWorksheetWithPluginRatesAndTax(@TempDir Path dir) throws Exception {
        try (URLClassLoader plugins = PluginsTest.pluginJar(dir);
                IntegrationEventsDispatcher dispatcher = Plugins.discover(plugins)
                        .registerInto(IntegrationEventsDispatcher.builder().hashKeys(KEY)).build()) {
            Javalin app = Javalin.create(cfg -> cfg.registerPlugin(IntegrationEventsPlugin.at("/oc", dispatcher))).start(0);
            try {
                ShipEstimateResponse rates = post(app, "shippingrates", fiftyLines().build(), ShipEstimateResponse.class);

                // odd lines weigh 148 lb in all, even lines 105 lb
                assertThat(rates.shipEstimates()).extracting(ShipEstimate::id).containsExactly("sup-acme", "wh-east");
                assertThat(rates.shipEstimates().get(0).shipEstimateItems()).hasSize(25);
                assertThat(rates.shipEstimates()).flatExtracting(ShipEstimate::shipMethods)
                        .extracting(m -> m.id() + "=" + m.cost().toPlainString())
                        .containsExactly("ground=79.00", "express=200.00", "ground=57.50", "express=146.25");

                List<ShipEstimate> selected = rates.shipEstimates().stream().map(e -> new ShipEstimate(e.id(), e.xp(), "ground",
                        e.shipEstimateItems(), e.shipMethods())).toList();
                OrderWorksheet withShipping = fiftyLines().shipEstimates(new ShipEstimateResponse(selected, 200, null, null, true)).build();
                OrderCalculateResponse calculated = post(app, "ordercalculate", withShipping, OrderCalculateResponse.class);

                // subtotal 3674.75; line taxes at 6.875% rounded per line sum to 252.67; shipping 136.50 taxed 9.38
                assertThat(withShipping.order().subtotal()).isEqualByComparingTo("3674.75");
                assertThat(calculated.shippingTotal()).isEqualByComparingTo("136.50");
                assertThat(calculated.taxTotal()).isEqualByComparingTo("262.05");
                assertThat(calculated.xp().at("/Tax/LineTaxes").size()).isEqualTo(50);
                assertThat(calculated.xp().at("/Tax/LineTaxes/line1").decimalValue()).isEqualByComparingTo("0.69");
                assertThat(calculated.xp().at("/Tax/ShippingTax").decimalValue()).isEqualByComparingTo("9.38");
            } finally {
                app.stop();
            }
        }
    }
}
