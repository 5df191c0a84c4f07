package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPostgresTest {

    @TempDir
    Path dir;

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void writesItsUrlPortAndPostmasterPidAndOnceClosedThePostmasterIsGone() throws Exception {
        long pid;
        try (EmbeddedPostgres postgres = BenchPostgres.start(dir)) {
            pid = Long.parseLong(Files.readString(dir.resolve("postgres.pid")));
            assertThat(Files.readString(dir.resolve("postgres.url"))).contains(":" + postgres.getPort() + "/postgres");
            assertThat(Files.readString(dir.resolve("postgres.port"))).isEqualTo(Integer.toString(postgres.getPort()));
            assertThat(alive(pid)).isTrue();
            assertThat(ProcessHandle.of(pid).flatMap(p -> p.info().command())).get().asString().contains("postgres");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(alive(pid)).isFalse();
    }
}
