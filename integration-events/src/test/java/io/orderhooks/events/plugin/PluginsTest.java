package io.orderhooks.events.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateItem;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {

    /** A plugin jar holding only META-INF/services entries that name the test plugins. */
    static URLClassLoader pluginJar(Path dir) throws IOException {
        Path jar = dir.resolve("orderhooks-test-plugins.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            service(out, TaxCalculator.class, RateTableTaxCalculator.class);
            service(out, ShippingRateProvider.class, WeightTableShippingProvider.class);
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, PluginsTest.class.getClassLoader());
    }

    private static void service(JarOutputStream out, Class<?> spi, Class<?> impl) throws IOException {
        out.putNextEntry(new JarEntry("META-INF/services/" + spi.getName()));
        OutputStream entry = out;
        entry.write((impl.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void discoversTaxAndShippingPluginsDeclaredInAJarThroughServiceLoader(@TempDir Path dir) throws Exception {
        assertThat(Plugins.discover(PluginsTest.class.getClassLoader()).taxCalculators()).isEmpty();

        try (URLClassLoader loader = pluginJar(dir)) {
            Plugins plugins = Plugins.discover(loader);

            assertThat(plugins.taxCalculators()).singleElement().isInstanceOf(RateTableTaxCalculator.class);
            assertThat(plugins.shippingRateProviders()).singleElement().extracting(ShippingRateProvider::name).isEqualTo("weight-table");
            try (IntegrationEventsDispatcher dispatcher = plugins.registerInto(IntegrationEventsDispatcher.builder().hashKeys("k")).build()) {
                assertThat(dispatcher.health().bodyText()).contains("[\"shippingrates\",\"ordercalculate\"]");
            }
        }
    }

    @Test
    void refusesToPickBetweenTwoPluginsOfOneKind(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("two.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/" + TaxCalculator.class.getName()));
            out.write((RateTableTaxCalculator.class.getName() + "\n" + NoTax.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Plugins plugins = Plugins.discover(loader);
            assertThatThrownBy(() -> plugins.registerInto(IntegrationEventsDispatcher.builder()))
                    .hasMessage("2 plugins were found for ordercalculate (rate-table, NoTax); keep one on the class path or "
                            + "register the one to use explicitly");
        }
    }

    /** A second tax plugin for the ambiguity test. */
    public static final class NoTax implements TaxCalculator {
        @Override
        public TaxResult calculate(TaxRequest request) {
            return new TaxResult(java.util.Map.of(), BigDecimal.ZERO);
        }
    }

    @Test
    void taxAdapterTaxesEachLineAndTheSelectedShippingAndReportsLinesInXp() {
        ShipEstimateResponse selected = new ShipEstimateResponse(List.of(new ShipEstimate("e1", null, "ground",
                List.of(new ShipEstimateItem("line1", 2), new ShipEstimateItem("line2", 1)),
                List.of(new ShipMethod("ground", "Ground", new BigDecimal("7.00"), 5, null),
                        new ShipMethod("express", "Express", new BigDecimal("20.00"), 2, null)))), null, null, null, null);
        OrderWorksheet worksheet = Worksheets.order("o1").line("SHIRT", 2, "12.99").line("MUG", 1, "8.50")
                .shipEstimates(selected).build();

        try (IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
                .orderCalculate(new RateTableTaxCalculator().asHandler()).build()) {
            OrderCalculateResponse answer = TestDispatcherClient.of(dispatcher, "k").calculate(worksheet);

            // 25.98 x 6.875% = 1.786 -> 1.79; 8.50 -> 0.584 -> 0.58; shipping 7.00 -> 0.481 -> 0.48
            assertThat(answer.taxTotal()).isEqualByComparingTo("2.85");
            assertThat(answer.shippingTotal()).isEqualByComparingTo("7.00");
            assertThat(answer.xp().get("Tax").toString())
                    .isEqualTo("{\"Calculator\":\"rate-table\",\"LineTaxes\":{\"line1\":1.79,\"line2\":0.58},\"ShippingTax\":0.48}");
        }
    }

    @Test
    void taxAdapterAddsTheResultsDetailToXpTaxWithItsOwnPropertiesWinning() {
        com.fasterxml.jackson.databind.node.ObjectNode detail = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("Jurisdiction", "US-MN").put("ShippingTax", "ignored");
        TaxCalculator detailed = request -> new TaxResult(java.util.Map.of("line1", new BigDecimal("0.69")), null, detail);

        try (IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
                .orderCalculate(detailed.asHandler()).build()) {
            OrderCalculateResponse answer = TestDispatcherClient.of(dispatcher, "k")
                    .calculate(Worksheets.order("o1").line("LAMP", 1, "10.05").build());

            assertThat(answer.xp().get("Tax").get("Jurisdiction").asText()).isEqualTo("US-MN");
            assertThat(answer.xp().get("Tax").get("ShippingTax").decimalValue()).isEqualByComparingTo("0");
            assertThat(answer.xp().get("Tax").get("LineTaxes").toString()).isEqualTo("{\"line1\":0.69}");
        }
    }

    @Test
    void shippingAdapterMakesOneEstimatePerOriginAndDestinationCoveringFullQuantities() {
        Address office = Worksheets.DEFAULT_SHIP_TO.toBuilder().id("addr-office").city("St Paul").build();
        OrderWorksheet worksheet = Worksheets.order("o1")
                .line("SHIRT", 2, "12.00", l -> l.shipFromAddressID("wh-east"))
                .line("MUG", 3, "8.50", l -> l.supplierID("sup-acme"))
                .line("CAP", 1, "9.00", l -> l.shipFromAddressID("wh-east"))
                .shipTo(office).line("PEN", 4, "1.00", l -> l.shipFromAddressID("wh-east"))
                .build();

        try (IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
                .shippingRates(new WeightTableShippingProvider().asHandler()).build()) {
            ShipEstimateResponse answer = TestDispatcherClient.of(dispatcher, "k").shippingRates(worksheet);

            assertThat(answer.shipEstimates()).extracting(ShipEstimate::id)
                    .containsExactly("wh-east-addr-home", "sup-acme-addr-home", "wh-east-addr-office");
            assertThat(answer.shipEstimates().get(0).shipEstimateItems())
                    .containsExactly(new ShipEstimateItem("line1", 2), new ShipEstimateItem("line3", 1));
            // 3 lb on the first package: ground 5.00 + 1.50, express 15.00 + 3.75
            assertThat(answer.shipEstimates().get(0).shipMethods()).extracting(m -> m.id() + "=" + m.cost().toPlainString())
                    .containsExactly("ground=6.50", "express=18.75");
        }
    }
}
