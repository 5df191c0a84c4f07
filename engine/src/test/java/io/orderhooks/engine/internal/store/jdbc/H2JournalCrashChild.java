package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link H2JournalCrashTest}: opens the data folder as the engine does and, until it is killed,
 * creates orders with lines and adds a line to every other one through the store's API, printing
 * {@code ack <order> <lines>} after each write returned. Run with a short journal rotation
 * ({@code -Dorderhooks.h2.journal.rotateMs}), so files rotate and are deleted during the burst.
 */
public final class H2JournalCrashChild {

    private H2JournalCrashChild() {
    }

    static OrderState order(String id, int lines) {
        Order o = Order.builder().id(id).fromCompanyID("b1").toCompanyID("seller").status(OrderStatus.Unsubmitted)
                .total(new BigDecimal("1.50")).build();
        return OrderState.of(o).withLineItems(lines(lines));
    }

    static List<LineItem> lines(int n) {
        List<LineItem> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(LineItem.builder().id("L" + i).productID("p").quantity(1).unitPrice(new BigDecimal("1.50")).build());
        }
        return lines;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        try (JdbcStore store = JdbcStores.h2(dir, 4)) {
            out.println("ready");
            out.flush();
            for (int n = 0; ; n++) {
                String id = prefix + n;
                int lines = 1 + n % 4;
                store.createOrder(order(id, lines));
                out.println("ack " + id + " " + lines);
                out.flush();
                if (n % 2 == 0) {
                    store.withOrder(id, s -> Mutation.commit(s.withLineItems(lines(lines + 1)), null));
                    out.println("ack " + id + " " + (lines + 1));
                    out.flush();
                }
            }
        }
    }
}
