package io.orderhooks.middleware.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.orderhooks.javalin.HealthProbes;
import io.orderhooks.middleware.postgres.internal.StateUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Connecting by URL, readiness for load balancers, option checks. */
class MiddlewareStateTest {

    @Test
    void aLibpqUrlBecomesAJdbcUrlAndCredentials() {
        StateUrl url = StateUrl.parse("postgresql://mw%40x:s%3Acret@db.local:6432/orders?sslmode=require");

        assertThat(url).isEqualTo(new StateUrl("jdbc:postgresql://db.local:6432/orders?sslmode=require", "mw@x", "s:cret"));
        assertThat(url.toString()).doesNotContain("s:cret");
        assertThat(StateUrl.parse("jdbc:postgresql://h/db?user=u")).isEqualTo(new StateUrl("jdbc:postgresql://h/db?user=u", null, null));
    }

    @Test
    void malformedUrlsAreRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> StateUrl.parse("mysql://u:secret@h/db"))
                .hasMessage("the state URL must start with postgresql:// (or jdbc:postgresql://), was mysql://..");
        assertThatThrownBy(() -> StateUrl.parse("postgresql://u:secret@h"))
                .hasMessage("the state URL needs a host and a database: postgresql://host:port/database");
        assertThatThrownBy(() -> StateUrl.parse(" "))
                .hasMessage("the state URL is empty; expected postgresql://user:password@host:port/database");
        assertThatThrownBy(() -> MiddlewareState.builder("postgresql://h/db").lease(java.time.Duration.ZERO))
                .hasMessage("lease must be a positive duration, was PT0S");
    }

    @Test
    void readyWhileTheDatabaseAnswersAndNotReadyOnceItIsGone() throws Exception {
        String url = TestDatabase.fresh();
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (MiddlewareState state = MiddlewareState.postgresql(url)) {
            Javalin app = Javalin.create(cfg -> cfg.registerPlugin(HealthProbes.create().check("state", state::problem)))
                    .start("127.0.0.1", 0);
            try {
                assertThat(get(app, "/ready").statusCode()).isEqualTo(200);

                TestDatabase.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                TestDatabase.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");

                HttpResponse<String> notReady = get(app, "/ready");
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(notReady.body()).startsWith("{\"Status\":\"NOT_READY\",\"Checks\":{\"state\":\"the state database is unreachable: ");
                assertThat(get(app, "/health").statusCode()).as("alive all the same").isEqualTo(200);

                TestDatabase.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
                assertThat(get(app, "/ready").statusCode()).isEqualTo(200);
            } finally {
                app.stop();
            }
        }
    }

    static HttpResponse<String> get(Javalin app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
