package io.orderhooks.examples.merchant;

import static io.orderhooks.examples.merchant.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxTableTest {

    @Test
    void looksUpTheStateThenTheCountryThenOtherRegions() {
        TaxTable table = TaxTable.builder()
                .region("US-MN", true, Map.of("general", "6.875"))
                .region("DE", true, Map.of("general", "19", "food", "7"))
                .otherRegions(false, Map.of("general", "0"))
                .build();

        assertThat(table.lookup("us", " mn ")).get().extracting(TaxTable.Rates::region).isEqualTo("US-MN");
        assertThat(table.lookup("DE", "BY")).get().extracting(TaxTable.Rates::region).isEqualTo("DE");
        assertThat(table.lookup("DE", null).orElseThrow().percent("FOOD")).isEqualByComparingTo("7");
        assertThat(table.lookup("US", "NV")).get().extracting(TaxTable.Rates::region).isEqualTo("OtherRegions");
        assertThat(TaxTable.demo().lookup("US", "NV")).isEmpty();
    }

    @Test
    void appliesTheGeneralRateToUnlistedCategoriesAndTaxesShippingOnlyWhereTheRegionDoes() {
        TaxTable demo = TaxTable.demo();

        assertThat(demo.lookup("US", "WI").orElseThrow().percent("clothing")).isEqualByComparingTo("5");
        assertThat(demo.lookup("US", "MN").orElseThrow().shippingPercent()).isEqualByComparingTo("6.875");
        assertThat(demo.lookup("US", "CA").orElseThrow().shippingPercent()).isEqualByComparingTo("0");
        assertThat(TaxTable.builder().region("US-NY", true, Map.of("general", "4", "shipping", "3")).build()
                .lookup("US", "NY").orElseThrow().shippingPercent()).isEqualByComparingTo("3");
    }

    @Test
    void readsTheSameTableFromJson() {
        TaxTable table = TaxTable.fromJson(json("{\"Regions\":{\"US-WI\":{\"TaxShipping\":true,\"Rates\":{\"general\":5,\"Food\":0}}}}"));

        TaxTable.Rates wi = table.lookup("US", "WI").orElseThrow();
        assertThat(wi.taxShipping()).isTrue();
        assertThat(wi.percent("food")).isEqualByComparingTo("0");
        assertThat(wi.percent(null)).isEqualByComparingTo("5");
    }

    @Test
    void namesTheBadFieldOfAnInvalidTable() {
        assertThatThrownBy(() -> TaxTable.builder().region("US-MN", true, Map.of("food", "0")))
                .hasMessage("US-MN needs a 'general' rate");
        assertThatThrownBy(() -> TaxTable.builder().region("Minnesota", true, Map.of("general", "1")))
                .hasMessage("region must look like US-MN or DE, was Minnesota");
        assertThatThrownBy(() -> TaxTable.builder().region("US-MN", true, Map.of("general", "100")))
                .hasMessage("US-MN rate 'general' must be from 0 to under 100 percent, was 100");
        assertThatThrownBy(() -> TaxTable.builder().region("US-MN", true, Map.of("general", "6,875")))
                .hasMessage("US-MN rate 'general' must be a decimal percent, was '6,875'");
        assertThatThrownBy(() -> TaxTable.builder().build()).hasMessage("a tax table needs at least one region");
        assertThatThrownBy(() -> TaxTable.fromJson(json("{\"Regions\":{\"US-MN\":{\"Rates\":{\"general\":1}}}}")))
                .hasMessage("TaxTable.Regions.US-MN.TaxShipping must be true or false");
        assertThatThrownBy(() -> TaxTable.fromJson(json("{\"Regions\":[]}")))
                .hasMessage("TaxTable.Regions must be an object of regions");
    }
}
