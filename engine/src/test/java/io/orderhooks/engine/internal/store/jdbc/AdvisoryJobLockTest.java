package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.store.JobLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled jobs run on one instance at a time across stores sharing a PostgreSQL database. */
class AdvisoryJobLockTest {

    @TempDir
    Path data;

    @Test
    void aJobRunningOnOneInstanceIsSkippedOnAnotherAndRunsThereOnceItEnded() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (JdbcStore a = JdbcStores.postgresql(url, "postgres", "postgres");
             JdbcStore b = JdbcStores.postgresql(url, "postgres", "postgres")) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Optional<String>> onA = CompletableFuture.supplyAsync(() -> a.jobLock().runExclusively("purge", () -> {
                running.countDown();
                await(release);
                return "a";
            }));
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(b.jobLock().runExclusively("purge", () -> "b")).as("A holds the job").isEmpty();
            assertThat(b.jobLock().runExclusively("another job", () -> "b")).contains("b");

            release.countDown();
            assertThat(onA.get(30, TimeUnit.SECONDS)).contains("a");
            assertThat(b.jobLock().runExclusively("purge", () -> "b")).as("A's run ended").contains("b");
        }
    }

    @Test
    void aFailingRunReleasesTheJob() {
        String url = TestPostgres.freshDatabase();
        try (JdbcStore a = JdbcStores.postgresql(url, "postgres", "postgres")) {
            try {
                a.jobLock().runExclusively("purge", () -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("boom");
            }
            assertThat(a.jobLock().runExclusively("purge", () -> "again")).contains("again");
        }
    }

    @Test
    void anH2StoreHasOneInstanceSoEveryRunRuns() {
        try (JdbcStore h2 = JdbcStores.h2(data)) {
            assertThat(h2.jobLock()).isSameAs(JobLock.LOCAL);
            assertThat(h2.jobLock().runExclusively("purge", () -> "ran")).contains("ran");
        }
    }

    @Test
    void jobKeysAreStableAndDistinct() {
        assertThat(AdvisoryJobLock.key("shared-cart-purge")).isEqualTo(AdvisoryJobLock.key("shared-cart-purge"))
                .isNotEqualTo(AdvisoryJobLock.key("group-order-invitation-purge"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
