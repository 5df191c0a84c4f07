package io.orderhooks.engine.internal.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The login lockout counter is shared through the store: 20 concurrent wrong guesses split over two engines on one
 * PostgreSQL database get at most the limit of password checks in all; the rest are answered locked.
 */
class ClusterLockoutTest {

    static final int LIMIT = 5;

    @Test
    void concurrentGuessesOnTwoInstancesGetAtMostTheLimitOfPasswordChecks() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (JdbcStore storeA = JdbcStores.postgresql(url, "postgres", "postgres");
             JdbcStore storeB = JdbcStores.postgresql(url, "postgres", "postgres")) {
            Engine a = Engine.builder().store(storeA).passwordHasher(new PasswordHasher(1)).build();
            Engine b = Engine.builder().store(storeB).passwordHasher(new PasswordHasher(1)).build();
            Caller seller = Caller.seller("admin", "seller", "adminclient", "FullAccess");
            a.orgs().saveBuyer(seller, new Buyer("b1", "Buyer One", null, true, null, null));
            a.orgs().saveUser(seller, "b1", User.builder().id("u1").username("ann").password("right-pw-1").active(true).build());

            List<Callable<String>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                OrgService orgs = (i % 2 == 0 ? a : b).orgs();
                String guess = "wrong-" + i;
                guesses.add(() -> orgs.login("ann", guess, LIMIT).outcome());
            }
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<String> outcomes = new ArrayList<>();
            try {
                for (Future<String> f : pool.invokeAll(guesses)) {
                    outcomes.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(outcomes).filteredOn(OrgService.Login.FAILED::equals).hasSize(LIMIT);
            assertThat(outcomes).filteredOn(OrgService.Login.LOCKED::equals).hasSize(20 - LIMIT);
            assertThat(b.orgs().login("ann", "right-pw-1", LIMIT).outcome()).isEqualTo(OrgService.Login.LOCKED);
            assertThat(b.orgs().findUser("b1", "u1").orElseThrow().failedLoginAttempts()).isEqualTo(LIMIT);
        }
    }
}
