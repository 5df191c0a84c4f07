package io.orderhooks.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedNamesFactoryTest {

    private static byte[] body(String... names) {
        StringBuilder json = new StringBuilder("{\"Order\":{\"ID\":\"o1\",\"xp\":{");
        for (int i = 0; i < names.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\":").append(i);
        }
        return json.append("}}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectMapper mapper(int maxSharedNames) {
        return OrderCloudJson.newMapper(configured -> new BoundedNamesFactory(configured, maxSharedNames));
    }

    private static String[] ids(int from, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "line-" + (from + i);
        }
        return names;
    }

    @Test
    void bodiesWithTheSameNamesKeepSharingTheTable() throws IOException {
        ObjectMapper mapper = mapper(10);
        for (int i = 0; i < 100; i++) {
            mapper.readTree(body("TaxCategory", "Note", "Region"));
        }

        assertThat(((BoundedNamesFactory) mapper.getFactory()).sharing()).isTrue();
    }

    @Test
    void bodiesBringingNewNamesEveryTimeStopSharingOnceTheTableOutgrowsTheBound() throws IOException {
        ObjectMapper mapper = mapper(10);
        BoundedNamesFactory factory = (BoundedNamesFactory) mapper.getFactory();
        mapper.readTree(body(ids(0, 4)));
        assertThat(factory.sharing()).isTrue();

        mapper.readTree(body(ids(4, 4)));
        mapper.readTree(body(ids(8, 4)));

        assertThat(factory.sharing()).isFalse();
        assertThat(factory.sharing()).as("the switch is kept").isFalse();
    }

    @Test
    void aParseWithoutTheTableReadsTheSameDocumentAsTheSharedMapper() throws IOException {
        ObjectMapper mapper = mapper(2);
        mapper.readTree(body(ids(0, 3)));
        byte[] body = body("line-9", "Note", "line-9b", "Note2");

        JsonNode bound = mapper.readTree(body);

        assertThat(((BoundedNamesFactory) mapper.getFactory()).sharing()).isFalse();
        assertThat(bound).isEqualTo(OrderCloudJson.mapper().readTree(body));
        assertThat(bound.at("/Order/xp/line-9b").intValue()).isEqualTo(2);
    }

    @Test
    void aCopyKeepsTheBoundAndTheConfiguredLimits() throws IOException {
        JsonFactory copy = mapper(10).getFactory().copy();

        assertThat(copy).isInstanceOf(BoundedNamesFactory.class);
        assertThat(copy.streamReadConstraints().getMaxNestingDepth())
                .isEqualTo(OrderCloudJson.mapper().getFactory().streamReadConstraints().getMaxNestingDepth());
    }
}
