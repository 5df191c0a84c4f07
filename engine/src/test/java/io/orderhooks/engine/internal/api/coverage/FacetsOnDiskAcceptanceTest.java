package io.orderhooks.engine.internal.api.coverage;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Product facets and xp indices live in the durable store's tables: they survive closing and reopening an H2 data folder. */
class FacetsOnDiskAcceptanceTest {

    @TempDir
    Path dir;

    @Test
    void facetsAndXpIndicesAreReadBackAfterTheDataFolderIsReopened() throws Exception {
        try (JdbcStore store = JdbcStores.h2(dir.resolve("data")); ApiTestServer api = ApiTestServer.start(e -> e.store(store), a -> a)) {
            String admin = api.adminToken();
            ok(api.post("/v1/productfacets", admin, json(Map.of("ID", "color", "Name", "Color", "MinCount", 2))));
            ok(api.put("/v1/xpindices", admin, json(Map.of("ThingType", "Order", "Key", "Region"))));
        }
        try (JdbcStore store = JdbcStores.h2(dir.resolve("data")); ApiTestServer api = ApiTestServer.start(e -> e.store(store), a -> a)) {
            String admin = api.adminToken();
            assertThat(ok(api.get("/v1/productfacets/color", admin)).body().toString())
                    .isEqualTo("{\"ID\":\"color\",\"Name\":\"Color\",\"XpPath\":\"color\",\"ListOrder\":0,\"MinCount\":2,\"xp\":null}");
            assertThat(ok(api.get("/v1/xpindices", admin)).body().at("/Items/0/Key").asText()).isEqualTo("Region");
        }
    }
}
