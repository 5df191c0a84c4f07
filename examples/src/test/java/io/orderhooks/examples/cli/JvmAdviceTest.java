package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmAdviceTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void g1OnTwoCpusIsToldHowToStartWithTheParallelCollector() {
        assertThat(JvmAdvice.describe(List.of("G1 Young Generation", "G1 Old Generation"), 5_888 * MIB, 2))
                .isEqualTo("JVM: G1 collector, heap up to 5888 MiB, 2 CPUs; for lower latency on a box this small"
                        + " start it with java -XX:+UseParallelGC -Xmx512m -jar orderhooks.jar middleware ..."
                        + " (docs/PERFORMANCE.md, \"JVM and Jetty settings\")");
    }

    @Test
    void theParallelCollectorIsNamedWithoutAdvice() {
        assertThat(JvmAdvice.describe(List.of("PS Scavenge", "PS MarkSweep"), 512 * MIB, 2))
                .isEqualTo("JVM: parallel collector, heap up to 512 MiB, 2 CPUs");
    }

    @Test
    void g1OnABiggerBoxGetsNoAdvice() {
        assertThat(JvmAdvice.describe(List.of("G1 Young Generation"), 2_048 * MIB, 8))
                .isEqualTo("JVM: G1 collector, heap up to 2048 MiB, 8 CPUs");
    }

    @Test
    void otherCollectorsAreNamedByTheirBeans() {
        assertThat(JvmAdvice.collector(List.of("Copy", "MarkSweepCompact"))).isEqualTo("serial");
        assertThat(JvmAdvice.collector(List.of("ZGC Cycles", "ZGC Pauses"))).isEqualTo("Z");
        assertThat(JvmAdvice.collector(List.of("Shenandoah Cycles"))).isEqualTo("Shenandoah");
        assertThat(JvmAdvice.collector(List.of("Epsilon"))).isEqualTo("Epsilon");
        assertThat(JvmAdvice.collector(List.of())).isEqualTo("unknown");
        assertThat(JvmAdvice.describe(List.of("Copy"), 64 * MIB, 1)).isEqualTo("JVM: serial collector, heap up to 64 MiB, 1 CPU");
    }

    @Test
    void thisJvmIsDescribed() {
        assertThat(JvmAdvice.describe()).startsWith("JVM: ").contains(" collector, heap up to ");
    }
}
