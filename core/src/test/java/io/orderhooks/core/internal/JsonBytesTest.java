package io.orderhooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Order;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBytesTest {

    private static final ObjectMapper JSON = OrderCloudJson.mapper();

    private static Order order(int i) {
        return Order.builder().id("o" + i).subtotal(new BigDecimal("10.50")).total(new BigDecimal(i))
                .dateCreated(OffsetDateTime.of(2024, 9, 6, 16, 33, 44, 123_456_789, ZoneOffset.ofHours(2)))
                .comments("ü€ \"quoted\" \n line " + i).build();
    }

    @Test
    void writesTheBytesJacksonWritesForSmallAndLargeDocumentsOneAfterTheOther() throws IOException {
        List<Order> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(order(i));
        }
        byte[] large = JsonBytes.write(JSON, many);
        byte[] small = JsonBytes.write(JSON, order(1));
        byte[] again = JsonBytes.write(JSON, many);

        assertThat(large.length).isGreaterThan(JsonBytes.MAX_KEPT_BYTES);
        assertThat(large).isEqualTo(JSON.writeValueAsBytes(many)).isEqualTo(again).isNotSameAs(again);
        assertThat(small).isEqualTo(JSON.writeValueAsBytes(order(1)));
        assertThat(JsonBytes.write(JSON, Map.of())).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aResultIsNotChangedByTheNextCall() throws IOException {
        byte[] first = JsonBytes.write(JSON, order(1));
        byte[] copy = first.clone();

        JsonBytes.write(JSON, order(2));

        assertThat(first).isEqualTo(copy);
    }

    /** A value whose serialization serializes another value with {@link JsonBytes} on the same thread. */
    private record Nesting(Order inner) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("Inner", new String(JsonBytes.write(JSON, inner), StandardCharsets.UTF_8));
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
                throws IOException {
            serialize(gen, serializers);
        }
    }

    @Test
    void aCallDuringASerializationOnTheSameThreadGetsItsOwnBuffer() throws IOException {
        Nesting value = new Nesting(order(3));

        assertThat(JsonBytes.write(JSON, value)).isEqualTo(JSON.writeValueAsBytes(value));
        assertThat(JsonBytes.write(JSON, order(4))).isEqualTo(JSON.writeValueAsBytes(order(4)));
    }

    /** A value Jackson cannot serialize (its getter throws). */
    public static final class Broken {
        public String getName() {
            throw new IllegalStateException("broken getter");
        }
    }

    @Test
    void aFailureIsReportedAsJacksonReportsItAndLeavesTheBufferUsable() throws IOException {
        Throwable ours = catchThrowable(() -> JsonBytes.write(JSON, new Broken()));
        Throwable jacksons = catchThrowable(() -> JSON.writeValueAsBytes(new Broken()));

        assertThat(ours).isInstanceOf(JsonProcessingException.class).hasSameClassAs(jacksons)
                .hasMessage(jacksons.getMessage());
        assertThat(JsonBytes.write(JSON, order(5))).isEqualTo(JSON.writeValueAsBytes(order(5)));
    }
}
