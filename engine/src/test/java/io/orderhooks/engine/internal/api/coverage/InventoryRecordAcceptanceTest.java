package io.orderhooks.engine.internal.api.coverage;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Line items drawing on an inventory record: who may use it, and submits that never oversell it. */
class InventoryRecordAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();
    String admin;
    String shopper;

    @BeforeEach
    void seed() {
        api.seedBuyer("b1", "pat", "pat@x", "pw-shopper-1", "shop", "Shopper");
        admin = api.adminToken();
        ok(api.post("/v1/catalogs", admin, json(Map.of("ID", "cat", "Name", "Main"))));
        ok(api.post("/v1/catalogs/assignments", admin, json(Map.of("CatalogID", "cat", "BuyerID", "b1", "ViewAllProducts", true))));
        ok(api.post("/v1/priceschedules", admin, json(Map.of("ID", "ps", "Name", "P", "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", 5))))));
        ok(api.post("/v1/products", admin, json(Map.of("ID", "mug", "Name", "Mug", "Active", true, "DefaultPriceScheduleID", "ps"))));
        ok(api.post("/v1/catalogs/productassignments", admin, json(Map.of("CatalogID", "cat", "ProductID", "mug"))));
        ok(api.post("/v1/suppliers", admin, json(Map.of("ID", "wh", "Name", "Warehouse", "Active", true))));
        ok(api.post("/v1/suppliers/wh/addresses", admin, json(Map.of("ID", "dock", "Street1", "1 Dock", "City", "X", "Country", "US"))));
        ok(api.post("/v1/products/mug/inventoryrecords", admin, json(Map.of("ID", "open", "OwnerID", "wh", "AddressID", "dock",
                "QuantityAvailable", 3, "AllowAllBuyers", true))));
        ok(api.post("/v1/products/mug/inventoryrecords", admin, json(Map.of("ID", "reserved", "OwnerID", "wh", "AddressID", "dock",
                "QuantityAvailable", 50))));
        shopper = api.login("shop", "pat@x", "pw-shopper-1", "Shopper");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aLineCannotDrawOnARecordThatIsNotAssignedToTheBuyer() {
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));

        Response r = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "mug", "Quantity", 1,
                "InventoryRecordID", "reserved")));

        assertThat(r.status() + " " + r.errorCode()).isEqualTo("400 LineItem.InvalidInventoryRecordID");
        ok(api.post("/v1/products/mug/inventoryrecords/assignments", admin, json(Map.of("InventoryRecordID", "reserved", "BuyerID", "b1"))));
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "mug", "Quantity", 1, "InventoryRecordID", "reserved"))));
    }

    @Test
    void concurrentSubmitsTakeNoMoreThanTheRecordHolds() throws Exception {
        for (String id : List.of("o1", "o2")) {
            ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", id))));
            ok(api.post("/v1/orders/Outgoing/" + id + "/lineitems", shopper, json(Map.of("ProductID", "mug", "Quantity", 2,
                    "InventoryRecordID", "open"))));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> submits = new ArrayList<>();
        for (String id : List.of("o1", "o2")) {
            submits.add(pool.submit(() -> {
                start.await();
                return api.post("/v1/orders/Outgoing/" + id + "/submit", shopper, null);
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<Response> f : submits) {
            Response r = f.get(30, TimeUnit.SECONDS);
            outcomes.add(r.status() == 201 ? "submitted" : r.status() + " " + r.errorCode());
        }
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder("submitted", "400 Inventory.Insufficient");
        assertThat(ok(api.get("/v1/products/mug/inventoryrecords/open", admin)).body().get("QuantityAvailable").asInt()).isEqualTo(1);
    }
}
