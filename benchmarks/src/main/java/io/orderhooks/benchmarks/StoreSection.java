package io.orderhooks.benchmarks;

import java.util.List;

/**
 * The durable store's rows of {@code docs/perf-results.md}: list queries over 100k and 1M orders on PostgreSQL and
 * the engine's start time on a database holding orders, from {@link OrderListHarness}'s {@code orderlist.tsv}.
 */
final class StoreSection {

    private StoreSection() {}

    static void write(StringBuilder md, List<String[]> rows) {
        md.append("## Durable store: order lists and start time\n\n");
        if (rows.stream().noneMatch(r -> r[0].equals("orderlist") || r[0].equals("start"))) {
            md.append("_Not measured: orderlist.tsv is missing or empty._\n\n");
            return;
        }
        md.append("`Store.listOrders` (filter + sort + page, answered in SQL; target p99 < 50 ms at 1M orders), one caller:\n\n");
        md.append("| store | orders | query | p50 ms | p99 ms | samples |\n|---|---:|---|---:|---:|---:|\n");
        rows.stream().filter(r -> r[0].equals("orderlist")).forEach(r -> md.append("| ").append(r[1]).append(" | ")
                .append(r[2]).append(" | ").append(r[3].replace("|", "\\|")).append(" | ").append(PerfReport.num(Long.parseLong(r[4]) / 1000.0))
                .append(" | ").append(PerfReport.num(Long.parseLong(r[5]) / 1000.0)).append(" | ").append(r[6]).append(" |\n"));
        md.append("\nEngine start (`OrderEngine.create(...).start`, until it listens; the first start of the JVM, on an"
                + " empty PostgreSQL database, also loads the engine's classes):\n");
        md.append("\n| engine start on | orders on disk | ms |\n|---|---:|---:|\n");
        rows.stream().filter(r -> r[0].equals("start")).forEach(r -> md.append("| ").append(r[1]).append(" | ")
                .append(r[2]).append(" | ").append(r[3]).append(" |\n"));
        md.append("\nSeeding (batch inserts of 1,000 rows):");
        rows.stream().filter(r -> r[0].equals("seed")).forEach(r -> md.append(" ").append(r[1]).append(' ').append(r[2])
                .append(" orders in ").append(r[3]).append(" s;"));
        md.append("\n\n");
        rows.stream().filter(r -> r[0].equals("writecost")).forEach(r -> md.append("Write cost, ").append(r[1])
                .append(", ").append(r[2]).append(": ").append(String.join(" / ", List.of(r).subList(3, r.length)))
                .append("\n\n"));
    }
}
