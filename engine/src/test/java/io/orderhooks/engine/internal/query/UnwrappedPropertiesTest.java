package io.orderhooks.engine.internal.query;

import static io.orderhooks.engine.internal.query.SampleOrders.json;
import static io.orderhooks.engine.internal.query.SampleOrders.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.query.internal.TypeModel;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCollectionBuyerProduct;
import io.orderhooks.core.model.ProductCollectionProduct;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code @JsonUnwrapped} properties are flattened into the schema and read through the outer then inner getter. */
class UnwrappedPropertiesTest {

    static final QuerySchema ENTRIES = QuerySchema.forType(ProductCollectionBuyerProduct.class)
            .resourceName("ProductCollectionEntry").defaultSortBy("ListOrder").build();
    static final PropertyReader<ProductCollectionBuyerProduct> RECORDS =
            PropertyReaders.forRecord(ProductCollectionBuyerProduct.class);

    /** An unwrapped part renamed with a prefix, after a property whose name it clashes with. */
    record Labelled(@JsonProperty("ID") String id,
                    @JsonUnwrapped(prefix = "Stock") Inventory stock,
                    @JsonUnwrapped Product product) {
    }

    static ProductCollectionBuyerProduct entry(int listOrder, String id, String name, String price, Boolean enabled,
                                               String xp) {
        Product product = Product.builder().id(id).name(name).active(true).shipWeight(new BigDecimal(price))
                .inventory(enabled == null ? null : new Inventory(enabled, null, null, null, 5, null))
                .xp(json(xp)).build();
        PriceSchedule schedule = PriceSchedule.builder().id("ps-" + id).name("Schedule " + name).build();
        return new ProductCollectionBuyerProduct(listOrder, OffsetDateTime.parse("2024-03-0" + listOrder + "T10:00:00Z"),
                schedule, product);
    }

    static final List<ProductCollectionBuyerProduct> ALL = List.of(
            entry(3, "P1", "Red Shirt", "1.5", true, "{\"Color\":\"Red\"}"),
            entry(1, "P2", "Blue Shirt", "0.5", false, "{\"Color\":\"Blue\"}"),
            entry(2, "P3", "Red Mug", "2.25", null, "{\"Color\":\"Red\"}"),
            new ProductCollectionBuyerProduct(4, null, null, null));

    static List<String> recordIds(String query) {
        return ListQuery.parse(params(query), ENTRIES).apply(ALL, RECORDS).items().stream()
                .map(e -> e.product() == null ? "none" : e.product().id()).toList();
    }

    static List<String> jsonIds(String query) {
        List<JsonNode> trees = ALL.stream().map(e -> (JsonNode) OrderCloudJson.mapper().valueToTree(e)).toList();
        return ListQuery.parse(params(query), ENTRIES).apply(trees, PropertyReaders.forJson()).items().stream()
                .map(n -> n.path("ID").asText("none")).toList();
    }

    @Test
    void schemaKnowsTheUnwrappedNamesAtTheTopLevelAndNotTheWrapper() {
        TypeModel model = TypeModel.of(ProductCollectionBuyerProduct.class);
        assertThat(model.properties().keySet()).startsWith("ListOrder", "DateAdded", "PriceSchedule", "OwnerID")
                .contains("ID", "Name", "ShipWeight", "Inventory", "xp").doesNotContain("product", "Product");
        assertThat(model.property("Inventory").nested().type()).isEqualTo(Inventory.class);
        JsonNode wire = OrderCloudJson.mapper().valueToTree(ALL.get(0));
        assertThat(model.properties().keySet()).containsExactlyElementsOf(() -> wire.fieldNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Name=Red*", "ShipWeight=>1", "Inventory.Enabled=true", "xp.Color=Red", "ID=P2|P3",
            "search=shirt", "search=mug&searchOn=name", "sortBy=!ShipWeight", "sortBy=Name", "sortBy=!ID",
            "sortBy=PriceSchedule.Name", "Active=true&sortBy=!ListOrder", "ListOrder=<3", ""})
    void recordAndJsonReadersGiveTheSameResult(String query) {
        assertThat(recordIds(query)).as(query).isEqualTo(jsonIds(query));
    }

    @Test
    void filtersSortsAndSearchesOnUnwrappedFields() {
        assertThat(recordIds("Name=Red*")).containsExactly("P3", "P1");
        assertThat(recordIds("Inventory.Enabled=true")).containsExactly("P1");
        assertThat(recordIds("sortBy=!ShipWeight")).containsExactly("P3", "P1", "P2", "none");
        assertThat(recordIds("search=shirt")).containsExactly("P2", "P1");
        assertThat(recordIds("xp.Color=Red&sortBy=!ID")).containsExactly("P3", "P1");
        assertThat(recordIds("")).containsExactly("P2", "P3", "P1", "none");
    }

    @Test
    void aNullUnwrappedPartReadsAsMissing() {
        ProductCollectionBuyerProduct empty = ALL.get(3);
        assertThat(RECORDS.read(empty, "ID")).isNull();
        assertThat(RECORDS.read(empty, "Inventory.Enabled")).isNull();
        assertThat(RECORDS.read(empty, "xp.Color")).isNull();
        Function<ProductCollectionBuyerProduct, JsonNode> name = RECORDS.bind("Name");
        assertThat(name.apply(empty)).isNull();
        assertThat(name.apply(ALL.get(0)).textValue()).isEqualTo("Red Shirt");
        assertThat(RECORDS.read(empty, "ListOrder").intValue()).isEqualTo(4);
        assertThat(recordIds("ID=*")).containsExactly("P2", "P3", "P1");
    }

    @Test
    void unwrappedPrefixesRenameAndLaterPropertiesWinClashes() {
        TypeModel model = TypeModel.of(Labelled.class);
        assertThat(model.properties()).containsKeys("StockEnabled", "StockQuantityAvailable", "ID", "Name")
                .doesNotContainKeys("Enabled", "stock", "product");
        Labelled item = new Labelled("outer", new Inventory(true, null, null, null, 7, null), Product.builder().id("inner").build());
        PropertyReader<Labelled> reader = PropertyReaders.forRecord(Labelled.class);
        JsonNode wire = json(OrderCloudJson.mapper().valueToTree(item).toString());
        for (String path : List.of("ID", "StockEnabled", "StockQuantityAvailable")) {
            assertThat(reader.read(item, path)).as(path).isEqualTo(PropertyReaders.forJson().read(wire, path));
        }
        assertThat(reader.read(item, "ID").textValue()).isEqualTo("inner");
        assertThat(reader.read(item, "StockQuantityAvailable").intValue()).isEqualTo(7);
    }

    @Test
    void aReaderEntrySchemaHasNoPriceSchedule() {
        QuerySchema readers = QuerySchema.forType(ProductCollectionProduct.class).resourceName("ProductCollectionEntry")
                .build();
        OrderCloudException e = catchThrowableOfType(OrderCloudException.class,
                () -> ListQuery.parse(params("PriceSchedule.ID=ps-P1"), readers));
        assertThat(e.errorCode()).isEqualTo("List.InvalidProperty");
        assertThat(e.getMessage()).isEqualTo("Cannot filter on 'PriceSchedule.ID': ProductCollectionEntry has no such property.");
        assertThat(ListQuery.parse(params("Name=Red*"), readers)).isNotNull();
    }
}
