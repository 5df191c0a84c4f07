package io.orderhooks.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderCloudExceptionTest {

    @Test
    void notFoundCarriesTheObjectTypeAndIdAsOrderCloudDoes() {
        OrderCloudException e = OrderCloudException.notFound("ProductCollection", "groceries");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo("NotFound");
        assertThat(e.getMessage()).isEqualTo("ProductCollection not found: groceries");
        assertThat(e.data().toString()).isEqualTo("{\"ObjectType\":\"ProductCollection\",\"ObjectID\":\"groceries\"}");
    }
}
