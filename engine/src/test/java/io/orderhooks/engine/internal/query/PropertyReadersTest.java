package io.orderhooks.engine.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyReadersTest {

    final PropertyReader<Order> orders = PropertyReaders.forRecord(Order.class);
    final Order johns = SampleOrders.all().get(0);
    final Order janes = SampleOrders.all().get(1);

    @Test
    void readsScalarsAsJsonNodesOfTheirWireType() {
        assertThat(orders.read(johns, "ID").textValue()).isEqualTo("PO-001");
        assertThat(orders.read(johns, "Status").textValue()).isEqualTo("Open");
        assertThat(orders.read(johns, "Total").isBigDecimal()).isTrue();
        assertThat(orders.read(johns, "Total").decimalValue()).isEqualTo(new BigDecimal("99.5"));
        assertThat(orders.read(johns, "LineItemCount").isInt()).isTrue();
        assertThat(orders.read(johns, "IsSubmitted").booleanValue()).isTrue();
    }

    @Test
    void readsDatesAsIsoTextKeepingTheirOffset() throws Exception {
        JsonNode date = orders.read(janes, "DateSubmitted");
        assertThat(date.getNodeType()).isEqualTo(JsonNodeType.STRING);
        assertThat(date.isTextual()).isTrue();
        assertThat(date.textValue()).isEqualTo("2024-01-15T23:30:00-05:00");
        assertThat(date.asText()).isEqualTo("2024-01-15T23:30:00-05:00");
        assertThat(OrderCloudJson.mapper().writeValueAsString(date)).isEqualTo("\"2024-01-15T23:30:00-05:00\"");
        assertThat(date).isEqualTo(OrderCloudJson.mapper().getNodeFactory().textNode("2024-01-15T23:30:00-05:00"));
    }

    @Test
    void readsNestedRecordsAndXpAtDepth() {
        assertThat(orders.read(johns, "FromUser.Email").textValue()).isEqualTo("john.smith@acme.com");
        assertThat(orders.read(johns, "BillingAddress.State").textValue()).isEqualTo("MN");
        assertThat(orders.read(johns, "xp.MoreInfo.Coach.Name").textValue()).isEqualTo("Ann");
        assertThat(orders.read(johns, "xp.Tags").toString()).isEqualTo("[\"rush\",\"gift\"]");
        assertThat(orders.read(johns, "FromUser").get("Email").textValue()).isEqualTo("john.smith@acme.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FromUser.Phone", "Nope", "xp.Nope", "xp.MoreInfo.Nope.Deeper", "Total.Amount", "DateCanceled"})
    void returnsNullForMissingValuesAndPaths(String path) {
        assertThat(orders.read(johns, path)).isNull();
    }

    @Test
    void boundReadersReadTheSameValues() {
        assertThat(orders.bind("FromUser.LastName").apply(janes).textValue()).isEqualTo("Johnson");
        assertThat(orders.bind("xp.Color").apply(janes).textValue()).isEqualTo("Blue");
    }

    @Test
    void readersAreCachedPerType() {
        assertThat(PropertyReaders.forRecord(Order.class)).isSameAs(orders);
    }

    @Test
    void listsOfRecordsReadAsArraysAndFilterByAnyElement() {
        LineItem shirt = LineItem.builder().id("li-1").productID("shirt").quantity(2).unitPrice(new BigDecimal("19.99"))
                .dateAdded(OffsetDateTime.parse("2024-05-01T09:00:00+00:00"))
                .product(LineItemProduct.builder().id("shirt").name("Team Shirt").build())
                .specs(List.of(new LineItemSpec("size", "Size", "l", "L", null, null),
                        new LineItemSpec("color", "Color", "red", "Red", null, null)))
                .build();
        LineItem cap = LineItem.builder().id("li-2").productID("cap").quantity(10).unitPrice(new BigDecimal("5"))
                .product(LineItemProduct.builder().id("cap").name("Cap").build())
                .specs(List.of(new LineItemSpec("color", "Color", "blue", "Blue", null, null)))
                .build();
        PropertyReader<LineItem> reader = PropertyReaders.forRecord(LineItem.class);
        assertThat(reader.read(shirt, "Specs.Value").toString()).isEqualTo("[\"L\",\"Red\"]");

        QuerySchema schema = QuerySchema.forType(LineItem.class).defaultSearchOn("ID", "ProductID", "Product.Name").build();
        assertThat(ids(ListQuery.parse(SampleOrders.params("Specs.Value=red"), schema).apply(List.of(shirt, cap), reader)))
                .containsExactly("li-1");
        assertThat(ids(ListQuery.parse(SampleOrders.params("Specs.OptionID=blue|l"), schema).apply(List.of(shirt, cap), reader)))
                .containsExactly("li-1", "li-2");
        assertThat(ids(ListQuery.parse(SampleOrders.params("search=team"), schema).apply(List.of(shirt, cap), reader)))
                .containsExactly("li-1");
        assertThat(ids(ListQuery.parse(SampleOrders.params("sortBy=!Quantity&UnitPrice=<20"), schema)
                .apply(List.of(shirt, cap), reader))).containsExactly("li-2", "li-1");
    }

    @Test
    void theJsonReaderGivesTheSameResultsAsTheRecordReader() {
        List<Order> all = SampleOrders.all();
        List<JsonNode> trees = all.stream().map(o -> (JsonNode) OrderCloudJson.mapper().valueToTree(o)).toList();
        for (String query : List.of("Status=Open|Completed", "Total=>100", "DateSubmitted=>2024-01-01&DateSubmitted=<2024-02-01",
                "DateSubmitted=2024-01-16", "xp.Billed=!*", "FromUser.LastName=*oh*", "sortBy=!DateSubmitted",
                "sortBy=BillingAddress.State,!Total", "search=smith&searchOn=FromUser.LastName", "IsSubmitted=false",
                "Comments=*\\|*", "xp.Tags=gift", "page=2&pageSize=4")) {
            ListQuery parsed = ListQuery.parse(SampleOrders.params(query), SampleOrders.ORDERS);
            ListPage<JsonNode> fromJson = parsed.apply(trees, PropertyReaders.forJson());
            assertThat(fromJson.items().stream().map(n -> n.get("ID").textValue()).toList()).as(query)
                    .isEqualTo(ids(parsed.apply(all, orders)));
            assertThat(fromJson.meta()).isEqualTo(parsed.apply(all, orders).meta());
        }
    }

    static List<String> ids(ListPage<?> page) {
        return page.items().stream().map(i -> i instanceof Order o ? o.id() : ((LineItem) i).id()).toList();
    }
}
