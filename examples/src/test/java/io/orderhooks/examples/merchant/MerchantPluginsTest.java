package io.orderhooks.examples.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.plugin.Plugins;
import io.orderhooks.events.plugin.ShippingRateProvider;
import io.orderhooks.events.plugin.TaxCalculator;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerchantPluginsTest {

    @Test
    void theTaxAndShippingPluginsCanBeDeclaredForServiceLoaderWithTheirDemoTables(@TempDir Path services) throws Exception {
        Path declared = Files.createDirectories(services.resolve("META-INF/services"));
        Files.writeString(declared.resolve(TaxCalculator.class.getName()), RegionalTaxCalculator.class.getName() + "\n");
        Files.writeString(declared.resolve(ShippingRateProvider.class.getName()), ZoneShippingProvider.class.getName() + "\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader())) {
            Plugins plugins = Plugins.discover(loader);

            assertThat(plugins.taxCalculators()).extracting(TaxCalculator::name).containsExactly("regional-tax");
            assertThat(plugins.shippingRateProviders()).extracting(ShippingRateProvider::name).containsExactly("zone-shipping");
            try (IntegrationEventsDispatcher dispatcher = plugins.registerInto(IntegrationEventsDispatcher.builder().hashKeys("k")).build()) {
                assertThat(dispatcher.health().bodyText()).contains("[\"shippingrates\",\"ordercalculate\"]");
            }
        }
    }

    @Test
    void theRunnableJarDeclaresNoPluginSoTheRunnerServesOnlyTheUsersOwn() {
        assertThat(Plugins.discover(MerchantPlugins.class.getClassLoader()).isEmpty()).isTrue();
    }

    @Test
    void checksOutAnOrderEndToEndShippingTaxAndExport(@TempDir Path outbox) throws Exception {
        try (IntegrationEventsDispatcher dispatcher = MerchantPlugins.demo(outbox, MutableClock.at("2026-03-01T09:30:00Z"))
                .dispatcher("current-key", "previous-key")) {
            TestDispatcherClient client = TestDispatcherClient.of(dispatcher, "previous-key");
            Worksheets cart = Worksheets.order("o-2001").shipTo(Fixtures.us("WI"))
                    .line("LAMP", 1, "40.00").line("BREAD", 2, "3.00", Fixtures.taxCategory("food"));

            ShipEstimateResponse rates = client.shippingRates(cart.build());
            ShipEstimate estimate = rates.shipEstimates().get(0);
            // 1 lb + 2 x 1 lb = 3 lb, zone 2: TWO_DAY (14.00 + 3.60) x 1.15 = 20.24
            assertThat(estimate.shipMethods().get(1).cost()).isEqualByComparingTo("20.24");
            ShipEstimate chosen = new ShipEstimate(estimate.id(), null, "TWO_DAY", estimate.shipEstimateItems(), estimate.shipMethods());
            OrderWorksheet withShipping = cart.shipEstimates(new ShipEstimateResponse(List.of(chosen), null, null, null, null)).build();

            OrderCalculateResponse calculated = client.calculate(withShipping);
            // WI 5%: lamp 2.00, bread exempt, shipping 20.24 x 5% = 1.012 -> 1.01
            assertThat(calculated.shippingTotal()).isEqualByComparingTo("20.24");
            assertThat(calculated.taxTotal()).isEqualByComparingTo("3.01");

            String exportID = client.submit(withShipping.toBuilder().orderCalculateResponse(calculated).build())
                    .xp().get("ExportID").asText();
            JsonNode doc = OrderCloudJson.mapper().readTree(outbox.resolve("o-2001.json").toFile());
            assertThat(doc.get("ExportID").asText()).isEqualTo(exportID);
            assertThat(doc.at("/OrderWorksheet/OrderCalculateResponse/TaxTotal").decimalValue()).isEqualByComparingTo("3.01");
        }
    }
}
