package io.orderhooks.engine.internal.sharedcarts;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two engines on one PostgreSQL database run the shared-cart purge schedule: while one instance's pass is sending
 * the purge notice, the other's pass is skipped, and a later pass on the other sees the notice already sent, so
 * the buyer gets one notice, not one per instance.
 */
class ClusterSharedCartPurgeTest {

    @Test
    void thePurgeNoticeGoesOutOnceAcrossTwoInstances() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (JdbcStore storeA = JdbcStores.postgresql(url, "postgres", "postgres");
             JdbcStore storeB = JdbcStores.postgresql(url, "postgres", "postgres")) {
            SharedCartFixture f = new SharedCartFixture(storeA);
            f.cart(f.u1, "S");
            f.add(f.u1, "S", "P1", 1, null);
            f.carts().share(f.u1, "S");
            f.clock.advance(Duration.ofDays(7 * 7));

            CountDownLatch sending = new CountDownLatch(1);
            CountDownLatch bTried = new CountDownLatch(1);
            List<PurgeNotice> sentByA = new CopyOnWriteArrayList<>();
            List<PurgeNotice> sentByB = new CopyOnWriteArrayList<>();
            Engine a = Engine.builder().store(storeA).clock(f.clock).passwordHasher(new PasswordHasher(1))
                    .purgeNoticeSender(n -> {
                        sentByA.add(n);
                        sending.countDown();
                        awaitQuietly(bTried);
                    }).build();
            Engine b = Engine.builder().store(storeB).clock(f.clock).passwordHasher(new PasswordHasher(1))
                    .purgeNoticeSender(sentByB::add).build();

            CompletableFuture<Optional<SharedCartPurger.Report>> passA = CompletableFuture.supplyAsync(() ->
                    storeA.jobLock().runExclusively(SharedCartPurgeSchedule.JOB, a.sharedCartPurger()::purgeDue));
            assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
            Optional<SharedCartPurger.Report> passB =
                    storeB.jobLock().runExclusively(SharedCartPurgeSchedule.JOB, b.sharedCartPurger()::purgeDue);
            bTried.countDown();

            assertThat(passB).as("B skipped the pass A was running").isEmpty();
            assertThat(passA.get(30, TimeUnit.SECONDS)).hasValueSatisfying(r -> assertThat(r.noticed()).containsExactly("S"));
            assertThat(storeB.jobLock().runExclusively(SharedCartPurgeSchedule.JOB, b.sharedCartPurger()::purgeDue))
                    .hasValueSatisfying(r -> assertThat(r.noticed()).isEmpty());
            assertThat(sentByA).hasSize(1);
            assertThat(sentByB).isEmpty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
