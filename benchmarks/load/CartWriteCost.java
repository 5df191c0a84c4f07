import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * PostgreSQL's own CPU per cart write of the engine's schema: the backend's CPU time ({@code /proc/<pid>/schedstat})
 * per line add as the engine writes it (the order's guarded {@code UPDATE} joined to the line's {@code INSERT}, one
 * auto-committed statement), on 50 carts in turn, five rounds of {@code measured} writes after {@code warm} unmeasured
 * ones, on a fresh embedded PostgreSQL migrated by the given build ({@code synchronous_commit=on}; from V19 on the
 * statement writes {@code listed_total} and {@code xp} too, as the engine's does). Load-insensitive
 * (one process's CPU time), run from source against any build's jar, so two builds or two schemas compare:
 *
 * <pre>{@code java -cp <benchmarks.jar> benchmarks/load/CartWriteCost.java 2000 4000 [sql to run after the migration]}</pre>
 */
public class CartWriteCost {
  /** The line add of a build whose schema generates orders' derived columns ({@code derived} false) or writes them. */
  static String lineAdd(boolean derived) {
    return "WITH u AS (UPDATE orders SET version = version + 1, from_company = ?, to_company = ?, "
        + "from_user = ?, status = ?, total = ?, shared = ?, doc = ?" + (derived ? ", listed_total = ?, xp = CAST(? AS jsonb)" : "")
        + " WHERE id = ? AND seq = ? AND version = ? RETURNING id), "
        + "appended AS (INSERT INTO order_lines (order_id, pos, doc) SELECT u.id, v.pos, v.doc FROM u, "
        + "(VALUES (CAST(? AS INTEGER), ?)) v(pos, doc)) SELECT COUNT(*) FROM u";
  }

  public static void main(String[] a) throws Exception {
    int warm = Integer.parseInt(a[0]), measured = Integer.parseInt(a[1]);
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres", 2)) {
        // migrated
      }
      try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
        if (a.length > 2) {
          try (Statement st = c.createStatement()) {
            for (String sql : a[2].split(";")) {
              if (!sql.isBlank()) st.execute(sql);
            }
          }
        }
        String lineDoc = "{\"ID\":\"L\",\"ProductID\":\"P1\",\"Quantity\":1,\"UnitPrice\":10.00,\"LineTotal\":10.00,"
            + "\"Product\":{\"ID\":\"P1\",\"Name\":\"Product one\",\"Description\":\"" + "d".repeat(300) + "\"},\"xp\":{}}";
        long[] seq = new long[50], version = new long[50];
        int[] pos = new int[50];
        boolean derived;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.columns "
            + "WHERE table_name = 'orders' AND is_generated = 'ALWAYS'")) {
          rs.next();
          derived = rs.getLong(1) == 0; // V19 on: the statements write id_lower, listed_total and xp
          System.out.println(derived ? "orders' derived columns written by the statement" : "orders' derived columns generated");
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO orders (id, version, from_company, to_company, from_user, "
            + "status, total, doc) VALUES (?, 1, 'b', 's', 'u', 'Unsubmitted', 0, ?) RETURNING seq")) {
          for (int i = 0; i < 50; i++) {
            ins.setString(1, "O" + i);
            ins.setString(2, doc(i, 0));
            try (ResultSet rs = ins.executeQuery()) {
              rs.next();
              seq[i] = rs.getLong(1);
              version[i] = 1;
            }
          }
        }
        long backend;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          backend = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement(lineAdd(derived))) {
          for (int round = 0; round < 5; round++) {
            long t0 = 0;
            for (int i = 0; i < warm + measured; i++) {
              if (i == warm) t0 = cpu(backend);
              int o = i % 50;
              ps.setString(1, "b");
              ps.setString(2, "s");
              ps.setString(3, "u");
              ps.setString(4, "Unsubmitted");
              ps.setBigDecimal(5, new java.math.BigDecimal(pos[o] * 10 + ".00"));
              ps.setBoolean(6, false);
              ps.setString(7, doc(o, pos[o] + 1));
              int p = 8;
              if (derived) {
                ps.setBigDecimal(p++, null); // a cart
                ps.setString(p++, XP);
              }
              ps.setString(p++, "O" + o);
              ps.setLong(p++, seq[o]);
              ps.setLong(p++, version[o]);
              ps.setInt(p++, pos[o]);
              ps.setString(p, lineDoc.replace("\"L\"", "\"L" + pos[o] + "\""));
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 1) throw new IllegalStateException("guard failed");
              }
              version[o]++;
              pos[o]++;
            }
            System.out.printf("round %d: %.1f us backend CPU per line add%n", round, (cpu(backend) - t0) / 1e3 / measured);
          }
        }
      }
    }
  }

  static final String XP = "{\"channel\":\"web\",\"note\":\"" + "n".repeat(200) + "\"}";

  static String doc(int o, int lines) {
    return "{\"Order\":{\"ID\":\"O" + o + "\",\"FromUser\":{\"ID\":\"u\",\"Username\":\"buyer\",\"FirstName\":\"B\",\"LastName\":\"U\","
        + "\"Email\":\"b@example.com\"},\"FromCompanyID\":\"b\",\"ToCompanyID\":\"s\",\"Status\":\"Unsubmitted\","
        + "\"DateCreated\":\"2026-12-06T11:00:00+00:00\",\"LineItemCount\":" + lines + ",\"Subtotal\":" + lines * 10 + ".00,"
        + "\"ShippingCost\":0,\"TaxCost\":0,\"PromotionDiscount\":0,\"Total\":" + lines * 10 + ".00,"
        + "\"BillingAddress\":{\"ID\":\"a\",\"Street1\":\"" + "s".repeat(40) + "\",\"City\":\"Town\",\"Zip\":\"12345\",\"Country\":\"US\"},"
        + "\"xp\":" + XP + "},\"Reservation\":null,\"ShipEstimates\":null,"
        + "\"Calculated\":null,\"Pad\":\"" + "p".repeat(400) + "\"}";
  }

  static long cpu(long pid) throws Exception {
    return Long.parseLong(Files.readString(Path.of("/proc", Long.toString(pid), "schedstat")).split(" ")[0]);
  }
}
