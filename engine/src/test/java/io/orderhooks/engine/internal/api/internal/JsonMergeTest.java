package io.orderhooks.engine.internal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.model.User;
import org.junit.jupiter.api.Test;

class JsonMergeTest {

    @Test
    void mergesNestedObjectsAndReplacesScalarsArraysAndNulls() throws Exception {
        User existing = User.builder().id("u1").username("ann").firstName("Ann").lastName("Lee")
                .availableRoles(java.util.List.of("A", "B"))
                .xp(OrderCloudJson.mapper().readTree("{\"a\":1,\"n\":{\"x\":1,\"y\":2}}")).build();
        User merged = JsonMerge.patch(existing, OrderCloudJson.mapper().readTree(
                "{\"firstname\":\"Annie\",\"LastName\":null,\"AvailableRoles\":[\"C\"],\"xp\":{\"n\":{\"y\":3},\"b\":true}}"), User.class);
        assertThat(merged.firstName()).isEqualTo("Annie");
        assertThat(merged.lastName()).isNull();
        assertThat(merged.username()).isEqualTo("ann");
        assertThat(merged.availableRoles()).containsExactly("C");
        assertThat(merged.xp().toString()).isEqualTo("{\"a\":1,\"n\":{\"x\":1,\"y\":3},\"b\":true}");
    }

    @Test
    void keepsWriteOnlyPropertiesThroughTheRoundTrip() throws Exception {
        IntegrationEvent existing = IntegrationEvent.builder().id("ie").name("N").customAuthHeaderValue("secret").build();
        IntegrationEvent merged = JsonMerge.patch(existing, OrderCloudJson.mapper().readTree("{\"Name\":\"M\"}"), IntegrationEvent.class);
        assertThat(merged.customAuthHeaderValue()).isEqualTo("secret");
        assertThat(merged.name()).isEqualTo("M");
    }
}
