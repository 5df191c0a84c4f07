package io.orderhooks.engine.internal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-service rate limits of two engines on one PostgreSQL database count together: the limit holds for the
 * cluster, not once per instance; a window is the same for both; H2 keeps counting in its one process.
 */
class ClusterAttemptLimitTest {

    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

    @TempDir
    Path h2Dir;

    AccountRecovery recovery(JdbcStore store) {
        Engine engine = Engine.builder().store(store).clock(clock).passwordHasher(new PasswordHasher(1)).build();
        return new AccountRecovery(engine, new TokenService(SigningKeys.generate(), clock, "http://cluster.test"));
    }

    @Test
    void concurrentAttemptsThroughTwoEnginesGetTheLimitOnceInAll() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (JdbcStore storeA = JdbcStores.postgresql(url, "postgres", "postgres");
             JdbcStore storeB = JdbcStores.postgresql(url, "postgres", "postgres")) {
            List<AccountRecovery> engines = List.of(recovery(storeA), recovery(storeB));
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                AccountRecovery on = engines.get(i % 2);
                attempts.add(() -> {
                    try {
                        on.limit("register", "storefront", "Ann@Example.com");
                        return "ok";
                    } catch (OrderCloudException e) {
                        return e.status() + " " + e.errorCode() + " " + e.data().path("RetryAfterSeconds").asLong();
                    }
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<String> outcomes = new ArrayList<>();
            try {
                for (Future<String> f : pool.invokeAll(attempts)) {
                    outcomes.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(outcomes).filteredOn("ok"::equals).hasSize(AccountRecovery.PER_IDENTITY);
            assertThat(outcomes).filteredOn(o -> !o.equals("ok")).hasSize(20 - AccountRecovery.PER_IDENTITY)
                    .allMatch(o -> o.equals("429 TooManyRequests 900"));

            clock.advance(AccountRecovery.WINDOW.minusSeconds(60));
            assertThatThrownBy(() -> engines.get(1).limit("register", "storefront", "ann@example.com"))
                    .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("Too many attempts; try again in 60 seconds"));
            clock.advance(Duration.ofSeconds(60));
            engines.get(0).limit("register", "storefront", "ann@example.com");
            engines.get(1).limit("register", "storefront", "bob@example.com");
        }
    }

    @Test
    void anH2StoreCountsInItsOwnProcess() {
        try (JdbcStore h2 = JdbcStores.h2(h2Dir)) {
            assertThat(h2.attemptCounts()).isEmpty();
            AccountRecovery only = recovery(h2);
            for (int i = 0; i < AccountRecovery.PER_IDENTITY; i++) {
                only.limit("register", "storefront", "ann@example.com");
            }
            assertThatThrownBy(() -> only.limit("register", "storefront", "ann@example.com"))
                    .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.status()).isEqualTo(429));
        }
    }
}
