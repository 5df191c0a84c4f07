package io.orderhooks.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/**
 * The engine's heap per order: seeds a {@link BenchEngine}, measures the used heap after forced
 * collections, runs {@code orders} whole checkouts of {@code lines} lines each (so every order is stored
 * submitted, with its ship estimates, calculate and submit answers), measures again and prints one
 * tab-separated line: {@code heap orders lines usedBeforeBytes usedAfterBytes bytesPerOrder mibPer10k}.
 *
 * <p>"Used after forced collections" is the smallest {@link MemoryMXBean} heap-used reading over five
 * {@code System.gc()} rounds; run with a fixed {@code -Xmx} and the default collector. Usage:
 * {@code java -Xmx2g -cp benchmarks.jar io.orderhooks.benchmarks.EngineHeap [orders=10000] [lines=10]}.
 */
public final class EngineHeap {

    private EngineHeap() {}

    public static void main(String[] args) throws InterruptedException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        BenchEngine bench = BenchEngine.seeded(BenchEngine.cannedMiddleware());
        long before = usedAfterGc();
        for (int i = 0; i < orders; i++) {
            bench.checkout(lines);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(bench);
        long perOrder = (after - before) / orders;
        System.out.printf("heap\t%d\t%d\t%d\t%d\t%d\t%.1f%n", orders, lines, before, after, perOrder,
                perOrder * 10_000 / (1024.0 * 1024.0));
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
