package io.orderhooks.benchmarks;

import io.orderhooks.core.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.spi.CheckoutIntegration;
import io.orderhooks.events.sender.CheckoutSenderSettings;
import io.orderhooks.events.sender.HttpCheckoutIntegration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;

/**
 * Load part (c) as far as it can be built before the engine's REST API exists: a fixed number of virtual
 * users, each running whole checkouts ({@link BenchEngine#checkout}) back to back for a fixed time against one
 * in-process engine, which delivers every checkout event over HTTP on loopback
 * ({@link HttpCheckoutIntegration}, signed) to the example merchant's middleware ({@code LoadServers merchant}).
 * After an unmeasured warm-up it prints one tab-separated line:
 * {@code checkout name users lines checkouts/s requestP50us requestP99us middlewareP50us middlewareP99us
 * checkoutP50us checkoutP99us checkouts errors}, where a "request" is one engine call (create, each line,
 * estimate, select, calculate, submit: what each REST request will do) and "middleware" one HTTP delivery.
 *
 * <p>Usage: {@code CheckoutLoad <middleware base URL> <users> <warm-up s> <measured s> <lines>}. Bounded: users
 * stop starting checkouts at the deadline, and every delivery has the sender's 10 s time limit.
 */
public final class CheckoutLoad {

    private static final int CAPACITY = 4_000_000;

    private final BenchEngine engine;
    private final int lines;
    private final AtomicReference<Phase> phase = new AtomicReference<>();

    /** The latencies and counts of one phase (warm-up or measured). */
    private record Phase(Latencies requests, Latencies middleware, Latencies checkouts, AtomicLong errors) {
        static Phase fresh() {
            return new Phase(new Latencies(CAPACITY), new Latencies(CAPACITY), new Latencies(CAPACITY), new AtomicLong());
        }
    }

    private CheckoutLoad(String middlewareUrl, int lines) {
        HttpCheckoutIntegration http = new HttpCheckoutIntegration(
                CheckoutSenderSettings.builder(new InMemoryDeliveryLog()).build(), new OkHttpClient());
        CheckoutIntegration timed = call -> {
            long start = System.nanoTime();
            try {
                return http.deliver(call);
            } finally {
                phase.get().middleware().record(System.nanoTime() - start);
            }
        };
        this.engine = BenchEngine.seeded(timed, middlewareUrl);
        this.lines = lines;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: CheckoutLoad <middleware base URL> <users> <warm-up s> <measured s> <lines>");
            System.exit(2);
        }
        int users = Integer.parseInt(args[1]);
        int lines = Integer.parseInt(args[4]);
        CheckoutLoad load = new CheckoutLoad(args[0], lines);
        load.run(users, Integer.parseInt(args[2]));
        long start = System.nanoTime();
        Phase measured = load.run(users, Integer.parseInt(args[3]));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("checkout\tcheckout-%d\t%d\t%d\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n", lines, users, lines,
                measured.checkouts().count() / seconds,
                measured.requests().percentileMicros(50), measured.requests().percentileMicros(99),
                measured.middleware().percentileMicros(50), measured.middleware().percentileMicros(99),
                measured.checkouts().percentileMicros(50), measured.checkouts().percentileMicros(99),
                measured.checkouts().count(), measured.errors().get());
        System.exit(0);
    }

    private Phase run(int users, int seconds) throws InterruptedException {
        Phase current = Phase.fresh();
        phase.set(current);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Thread t = new Thread(() -> user(current, deadline), "vu-" + u);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(seconds * 1000L + 60_000);
        }
        return current;
    }

    private void user(Phase current, long deadline) {
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            try {
                engine.checkout(lines, current.requests()::record);
                current.checkouts().record(System.nanoTime() - start);
            } catch (RuntimeException e) {
                if (current.errors().getAndIncrement() == 0) {
                    System.err.println("checkout failed: " + e);
                }
            }
        }
    }
}
