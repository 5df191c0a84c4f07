package io.orderhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OrderCloudJsonTest {

    final ObjectMapper json = OrderCloudJson.mapper();

    @Test
    void moneyAddsExactly() throws Exception {
        OrderCalculateResponse r = json.readValue("{\"ShippingTotal\":0.1,\"TaxTotal\":0.2}", OrderCalculateResponse.class);
        BigDecimal sum = r.shippingTotal().add(r.taxTotal());
        assertThat(sum).isEqualByComparingTo("0.3");
        assertThat(sum.toPlainString()).isEqualTo("0.3");
        assertThat(json.writeValueAsString(new OrderCalculateResponse(null, sum, null, null, null, null, null, null)))
                .contains("\"ShippingTotal\":0.3");
    }

    @Test
    void moneyKeepsItsScaleAndNeverUsesExponents() throws Exception {
        Order order = Order.builder().total(new BigDecimal("1E+3")).subtotal(new BigDecimal("12.50")).build();
        String text = json.writeValueAsString(order);
        assertThat(text).contains("\"Total\":1000").contains("\"Subtotal\":12.50");
    }

    @Test
    void freeJsonKeepsBigNumbersAndDecimalsVerbatim() throws Exception {
        String in = "{\"xp\":{\"Big\":123456789012345678901234567890,\"Dec\":0.1000000000000000055511151231257827,\"Zero\":1.10}}";
        Order order = json.readValue(in, Order.class);
        assertThat(order.xp().get("Big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(order.xp().get("Dec").decimalValue()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
        JsonNode out = json.readTree(json.writeValueAsString(order)).get("xp");
        assertThat(out.toString()).isEqualTo("{\"Big\":123456789012345678901234567890,\"Dec\":0.1000000000000000055511151231257827,\"Zero\":1.10}");
    }

    @Test
    void unknownPropertiesAreTolerated() throws Exception {
        LineItem line = json.readValue("{\"ID\":\"l1\",\"Quantity\":2,\"BrandNewField\":{\"x\":1},\"Another\":[1]}", LineItem.class);
        assertThat(line.id()).isEqualTo("l1");
        assertThat(line.quantity()).isEqualTo(2);
    }

    @Test
    void writesDatesWithAnExplicitOffsetAndFullPrecision() throws Exception {
        Order order = Order.builder()
                .dateCreated(OffsetDateTime.of(2021, 4, 4, 19, 41, 39, 650_464_500, ZoneOffset.UTC))
                .dateSubmitted(OffsetDateTime.of(2021, 4, 4, 14, 41, 39, 0, ZoneOffset.ofHours(-5)))
                .build();
        String text = json.writeValueAsString(order);
        assertThat(text).contains("\"DateCreated\":\"2021-04-04T19:41:39.6504645+00:00\"")
                .contains("\"DateSubmitted\":\"2021-04-04T14:41:39-05:00\"");
    }

    @Test
    void writesAtMostSevenFractionalSecondDigitsTruncatingNanoseconds() throws Exception {
        Order order = Order.builder()
                .dateCreated(OffsetDateTime.of(2021, 4, 4, 19, 41, 39, 123_456_789, ZoneOffset.UTC))
                .dateSubmitted(OffsetDateTime.of(2021, 4, 4, 19, 41, 39, 500_000_000, ZoneOffset.UTC))
                .lastUpdated(OffsetDateTime.of(2021, 4, 4, 19, 41, 39, 99, ZoneOffset.UTC))
                .build();
        String text = json.writeValueAsString(order);
        assertThat(text).contains("\"DateCreated\":\"2021-04-04T19:41:39.1234567+00:00\"")
                .contains("\"DateSubmitted\":\"2021-04-04T19:41:39.5+00:00\"")
                .contains("\"LastUpdated\":\"2021-04-04T19:41:39+00:00\"");
    }

    @Test
    void readsOrderCloudsLooseDateFormsAsUtc() {
        assertThat(OrderCloudJson.parseDateTime("2024-09-06 16:33:44.480"))
                .isEqualTo(OffsetDateTime.of(2024, 9, 6, 16, 33, 44, 480_000_000, ZoneOffset.UTC));
        assertThat(OrderCloudJson.parseDateTime("2024-09-06T16:33"))
                .isEqualTo(OffsetDateTime.of(2024, 9, 6, 16, 33, 0, 0, ZoneOffset.UTC));
        assertThat(OrderCloudJson.parseDateTime("2024-09-06"))
                .isEqualTo(OffsetDateTime.of(2024, 9, 6, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(OrderCloudJson.parseDateTime("2021-04-04T19:41:39Z").getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(OrderCloudJson.parseDateTime(" ")).isNull();
    }

    @Test
    void namesPropertiesExactlyAsOrderCloud() throws Exception {
        Order order = Order.builder().id("o1").fromCompanyID("b1").status(OrderStatus.AwaitingApproval).isSubmitted(true).build();
        JsonNode tree = json.valueToTree(order);
        assertThat(tree.get("ID").asText()).isEqualTo("o1");
        assertThat(tree.get("FromCompanyID").asText()).isEqualTo("b1");
        assertThat(tree.get("Status").asText()).isEqualTo("AwaitingApproval");
        assertThat(tree.get("IsSubmitted").asBoolean()).isTrue();
        assertThat(tree.has("xp")).isTrue();
        assertThat(tree.has("Id")).isFalse();
        assertThat(tree.has("SharedWithOrganization")).as("extension fields are left out while null").isFalse();
    }

    /**
     * A model's date-time properties are read through Blackbird's generated accessor like its strings and numbers: a
     * property whose serializer Blackbird does not take for a standard one is marked broken when the serializer is
     * assigned and read by reflection ({@code Method.invoke}) on every write (session 15's profile of the checkout).
     * (A property holding another model is still read so: Blackbird treats every bean serializer that way.)
     */
    @Test
    void dateTimePropertiesAreReadThroughBlackbirdsAccessor() throws Exception {
        Order order = Order.builder().id("o1").dateCreated(OffsetDateTime.of(2024, 9, 6, 16, 33, 44, 480_000_000, ZoneOffset.UTC))
                .total(new BigDecimal("12.50")).build();
        for (ObjectMapper mapper : java.util.List.of(json, OrderCloudJson.newMapper())) {
            assertThat(mapper.writeValueAsString(order)).contains("\"DateCreated\":\"2024-09-06T16:33:44.48");
            var properties = mapper.getSerializerProviderInstance().findValueSerializer(Order.class).properties();
            int dates = 0;
            while (properties.hasNext()) {
                var writer = properties.next();
                assertThat(writer.getClass().getName()).as(writer.getName()).startsWith("com.fasterxml.jackson.module.blackbird.");
                if (writer.getType().getRawClass() == OffsetDateTime.class) {
                    dates++;
                    assertThat(broken(writer)).as(writer.getName() + " read by reflection").isFalse();
                }
            }
            assertThat(dates).isGreaterThanOrEqualTo(3);
        }
    }

    /** Blackbird's own flag on its property writer: whether it gave up its accessor for reflection. */
    private static boolean broken(Object writer) throws ReflectiveOperationException {
        for (Class<?> k = writer.getClass(); k != Object.class; k = k.getSuperclass()) {
            try {
                java.lang.reflect.Field f = k.getDeclaredField("broken");
                f.setAccessible(true);
                return f.getBoolean(writer);
            } catch (NoSuchFieldException e) {
                // the flag is declared by a superclass
            }
        }
        throw new AssertionError("no broken flag on " + writer.getClass());
    }
}
