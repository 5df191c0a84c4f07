import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;

/**
 * The calling thread's CPU per {@code JdbcStore.withOrder} that changes nothing (a transaction: the order's lock, the
 * state from the order cache, a commit with nothing written) on a fresh H2 store, 50 orders in turn: five rounds of
 * {@code measured} calls, each after {@code warm} unmeasured ones. Load-insensitive (thread CPU time), and run from
 * source against any build's jar, so two builds compare side by side:
 *
 * <pre>{@code java -cp <benchmarks.jar> benchmarks/load/LockCost.java 20000 20000}</pre>
 */
public class LockCost {
  public static void main(String[] a) throws Exception {
    int warm = Integer.parseInt(a[0]), measured = Integer.parseInt(a[1]);
    var threads = ManagementFactory.getThreadMXBean();
    try (JdbcStore store = JdbcStores.h2(Files.createTempDirectory("lockcost"), 4)) {
      for (int i = 0; i < 50; i++) {
        store.createOrder(OrderState.of(Order.builder().id("O" + i).fromCompanyID("b").fromUserID("u").toCompanyID("s").build()));
      }
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < warm; i++) store.withOrder("O" + (i % 50), s -> Mutation.unchanged(null));
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < measured; i++) store.withOrder("O" + (i % 50), s -> Mutation.unchanged(null));
        long t1 = threads.getCurrentThreadCpuTime();
        System.out.printf("round %d: %.1f us thread CPU per withOrder%n", round, (t1 - t0) / 1e3 / measured);
      }
    }
  }
}
