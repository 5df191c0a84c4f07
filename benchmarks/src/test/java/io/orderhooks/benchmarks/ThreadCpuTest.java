package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link ThreadCpu}: threads are found by their name's prefix and their CPU counted; other threads are not. */
class ThreadCpuTest {

    /** A prefix no other thread of the test JVM has (a server another test left running has request threads). */
    private static final String PREFIX = "ThreadCpuTest-request";

    private static volatile long sink;

    @Test
    void countsTheCpuOfThreadsNamedAsRequestThreadsAndNotOfOthers() throws Exception {
        AtomicLong requestCpu = new AtomicLong();
        AtomicLong otherCpu = new AtomicLong();
        // both threads stay alive (parked on the latch) while the second reading is taken
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(2);
        ThreadCpu.Reading start = ThreadCpu.read(PREFIX);
        Thread request = new Thread(() -> spin(requestCpu, busy, read), PREFIX + "-1");
        Thread other = new Thread(() -> spin(otherCpu, busy, read), "not-a-request-thread");
        request.start();
        other.start();
        busy.await();
        ThreadCpu.Reading used = ThreadCpu.read(PREFIX).since(start);
        read.countDown();
        request.join();
        other.join();

        // the request thread's own CPU (20 ms of spinning at least) is in the reading; the other thread's is not
        assertThat(used.requests()).isGreaterThanOrEqualTo(requestCpu.get()).isGreaterThanOrEqualTo(20_000_000L);
        assertThat(used.requests()).isLessThan(requestCpu.get() + otherCpu.get());
        assertThat(used.jit()).isNotNegative();
        assertThat(used.gc()).isNotNegative();
    }

    /** Spins until this thread has used 20 ms of CPU, records it, and waits for the reading. */
    private static void spin(AtomicLong cpu, CountDownLatch busy,
                             CountDownLatch read) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < 20_000_000L) {
            x += Long.numberOfTrailingZeros(x + 1);
        }
        sink = x;
        cpu.set(threads.getCurrentThreadCpuTime());
        busy.countDown();
        try {
            read.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
