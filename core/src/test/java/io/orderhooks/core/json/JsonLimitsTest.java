package io.orderhooks.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.Payment;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {

    final ObjectMapper json = OrderCloudJson.mapper();

    @Test
    void trailingContentAfterTheDocumentIsRefusedForTreesAndTypes() {
        assertThatThrownBy(() -> json.readTree("{\"ProductID\":\"x\",\"Quantity\":1}xyz"))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json.readValue("{\"ProductID\":\"x\",\"Quantity\":1}xyz", LineItem.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("xyz");
        assertThatThrownBy(() -> json.readValue("{\"Quantity\":1} {}", LineItem.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Trailing token");
    }

    @Test
    void integersAreNotCoercedFromFractionsOrText() {
        assertThatThrownBy(() -> json.readValue("{\"Quantity\":1.5}", LineItem.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("Quantity");
        assertThatThrownBy(() -> json.readValue("{\"Quantity\":\"5\"}", LineItem.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("Quantity");
        assertThatThrownBy(() -> json.readValue("{\"Quantity\":99999999999}", LineItem.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("Quantity");
    }

    @Test
    void decimalsAreNotCoercedFromText() {
        assertThatThrownBy(() -> json.readValue("{\"Amount\":\"5\"}", Payment.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("Amount");
    }

    @Test
    void aNumberThatCouldNotBeWrittenBackIsRefusedInFreeJsonAndInMoney() {
        assertThatThrownBy(() -> json.readTree("{\"xp\":{\"n\":1e10000}}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> json.readValue("{\"xp\":{\"n\":1e-10000}}", Order.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("xp");
        assertThatThrownBy(() -> json.readValue("{\"Amount\":1e10000}", Payment.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("Amount");
    }

    @Test
    void everyAcceptedNumberWritesBackAndReadsAgain() throws Exception {
        JsonNode tree = json.readTree("{\"a\":1e308,\"b\":-1.5e-300,\"c\":" + "9".repeat(400) + "}");
        String written = json.writeValueAsString(tree);
        JsonNode reread = json.readTree(written);
        for (String field : new String[] {"a", "b", "c"}) {
            assertThat(reread.get(field).decimalValue()).isEqualByComparingTo(tree.get(field).decimalValue());
        }
        assertThat(JsonLimits.fits(new BigDecimal("1e400"))).isFalse();
        var plain = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertThat(JsonLimits.firstOversizeNumber(plain.objectNode().set("xp",
                plain.objectNode().put("n", new BigDecimal("1e10000"))))).isEqualTo("xp.n");
    }

    @Test
    void requestsDeeperThanTheRequestLimitAreRefusedAndAcceptedOnesFitInEveryEnvelope() throws Exception {
        String deepest = nested(JsonLimits.MAX_REQUEST_DEPTH);
        JsonNode accepted = OrderCloudJson.requestMapper().readTree(deepest);
        assertThatThrownBy(() -> OrderCloudJson.requestMapper().readTree(nested(JsonLimits.MAX_REQUEST_DEPTH + 1)))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting depth");
        JsonNode wrapped = accepted;
        for (int i = 0; i < JsonLimits.MAX_DOCUMENT_DEPTH - JsonLimits.MAX_REQUEST_DEPTH; i++) {
            ObjectNode envelope = json.createObjectNode();
            envelope.set("Body", wrapped);
            wrapped = envelope;
        }
        String written = json.writeValueAsString(wrapped);
        assertThat(json.readTree(written)).isEqualTo(wrapped);
        assertThatThrownBy(() -> json.readTree(nested(JsonLimits.MAX_DOCUMENT_DEPTH + 1)))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting depth");
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }
}
