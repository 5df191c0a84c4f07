package io.orderhooks.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void randomIdsAre22UrlSafeCharactersAndDistinctAcrossThreads() throws Exception {
        IdGenerator ids = IdGenerator.random();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        seen.add(ids.next());
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(seen).hasSize(8_000).allMatch(id -> id.matches("[A-Za-z0-9_-]{22}"));
    }
}
