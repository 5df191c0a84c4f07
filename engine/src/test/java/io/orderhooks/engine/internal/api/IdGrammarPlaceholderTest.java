package io.orderhooks.engine.internal.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdGrammarPlaceholderTest {

    @Test
    void aBodyIdMayHoldIncrementorPlaceholders() {
        assertThatCode(() -> IdGrammar.checkWrite(Map.of(),
                JsonNodeFactory.instance.objectNode().put("ID", "SO-{orderIncrementor}"))).doesNotThrowAnyException();
        assertThatCode(() -> IdGrammar.checkWrite(Map.of(),
                JsonNodeFactory.instance.objectNode().put("ID", "{a}{b}"))).doesNotThrowAnyException();
    }

    @Test
    void placeholdersDoNotOpenTheGrammarToOtherCharacters() {
        for (String bad : new String[] {"SO-{order.inc}", "SO-{}", "{x}/..", "SO-{x", "a}b"}) {
            assertThatThrownBy(() -> IdGrammar.checkWrite(Map.of(), JsonNodeFactory.instance.objectNode().put("ID", bad)))
                    .as(bad).isInstanceOf(OrderCloudException.class).hasMessageContaining("ID must be 1 to 100");
        }
    }

    @Test
    void pathIdsNeverHoldPlaceholders() {
        assertThatThrownBy(() -> IdGrammar.checkWrite(Map.of("orderID", "SO-{orderIncrementor}"), null))
                .isInstanceOf(OrderCloudException.class).hasMessageContaining("orderID must be 1 to 100");
    }
}
