package io.orderhooks.engine.internal.api.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sdk-compat/field-sweep.mjs}: the official SDK seeds common resources with bodies that omit plain bool/int
 * fields, reads them back through every List/Get method of the SDK and compares each answer with the declared
 * model. The script fails on a missing field, a null-for-default or a wrong type in the models issue #20 names.
 */
class SdkFieldSweepTest {

    final ApiTestServer api = ApiTestServer.start(e -> e.clock(Clock.systemUTC()), a -> a);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyReadOfTheNamedModelsAnswersEveryDeclaredFieldWithItsDefaultNotNull() throws Exception {
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        NodeScripts.Result r = NodeScripts.node("field-sweep.mjs", Map.of("BASE_URL", api.baseUrl(),
                "ADMIN_CLIENT_ID", admin.clientID(), "ADMIN_CLIENT_SECRET", admin.clientSecret()), 300);

        assertThat(r.exitCode()).as("field-sweep.mjs failed:\n" + r.stdout() + r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        JsonNode counts = OrderCloudJson.mapper().readTree(lines[lines.length - 1]);
        assertThat(counts.get("failing").asInt()).isZero();
        assertThat(counts.get("answered").asInt()).as(counts.toString()).isGreaterThanOrEqualTo(80);
    }
}
