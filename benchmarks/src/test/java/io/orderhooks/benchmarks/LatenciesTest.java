package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void givesNearestRankPercentilesInMicroseconds() {
        Latencies latencies = new Latencies(1000);
        for (int i = 100; i >= 1; i--) {
            latencies.record(i * 1_000L);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMicros(50)).isEqualTo(50);
        assertThat(latencies.percentileMicros(99)).isEqualTo(99);
        assertThat(latencies.percentileMicros(100)).isEqualTo(100);
        assertThat(latencies.percentileMicros(0.5)).isEqualTo(1);
    }

    @Test
    void countsSamplesBeyondItsCapacityAsDropped() {
        Latencies latencies = new Latencies(2);
        latencies.record(5_000);
        latencies.record(7_000);
        latencies.record(9_000);
        assertThat(latencies.count()).isEqualTo(2);
        assertThat(latencies.dropped()).isEqualTo(1);
        assertThat(latencies.percentileMicros(99)).isEqualTo(7);
    }

    @Test
    void answersMinusOneWithoutSamples() {
        assertThat(new Latencies(10).percentileMicros(50)).isEqualTo(-1);
    }
}
