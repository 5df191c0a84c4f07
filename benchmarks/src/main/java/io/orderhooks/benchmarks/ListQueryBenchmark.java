package io.orderhooks.benchmarks;

import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReader;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A filtered, sorted, paged list query over orders held in memory, as the engine's list routes run it:
 * {@value #QUERY}. Orders are generated from a fixed seed: status Open for 40%, channel one of {@code web},
 * {@code webshop}, {@code phone}, {@code store}, totals 0 to 500, submission dates spread over a year. Under
 * these numbers about 17% of orders match, so the sort sees thousands of items.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ListQueryBenchmark {

    /** The query, as the request's query string. */
    public static final String QUERY = "Status=Open&xp.Channel=web*&Total=>100&sortBy=!DateSubmitted&page=2&pageSize=50";

    private static final String[] CHANNELS = {"web", "webshop", "phone", "store"};
    private static final OrderStatus[] OTHER = {OrderStatus.Completed, OrderStatus.Canceled, OrderStatus.Unsubmitted};

    @Param({"10000", "100000"})
    public int orders;

    private final QuerySchema schema = QuerySchema.forType(Order.class).defaultSearchOn("ID", "Comments").build();
    private final PropertyReader<Order> reader = PropertyReaders.forRecord(Order.class);
    private final Map<String, List<String>> params = params(QUERY);
    private List<Order> all;
    private ListQuery parsed;

    @Setup
    public void setUp() {
        all = generate(orders);
        parsed = ListQuery.parse(params, schema);
        ListPage<Order> page = parsed.apply(all, reader);
        if (page.items().size() != 50) {
            throw new IllegalStateException("expected a full page of 50, got " + page.items().size());
        }
    }

    @Benchmark
    public ListPage<Order> parseAndApply() {
        return ListQuery.parse(params, schema).apply(all, reader);
    }

    @Benchmark
    public ListPage<Order> applyParsed() {
        return parsed.apply(all, reader);
    }

    static List<Order> generate(int count) {
        Random random = new Random(42);
        OffsetDateTime start = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        List<Order> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            OrderStatus status = random.nextInt(10) < 4 ? OrderStatus.Open : OTHER[random.nextInt(OTHER.length)];
            BigDecimal total = BigDecimal.valueOf(random.nextInt(50_000), 2);
            boolean submitted = status != OrderStatus.Unsubmitted;
            list.add(Order.builder().id("O" + i).status(status).fromUserID("u" + random.nextInt(500))
                    .fromCompanyID("b" + random.nextInt(20)).toCompanyID("seller").currency("USD")
                    .subtotal(total).total(total).lineItemCount(1 + random.nextInt(10)).isSubmitted(submitted)
                    .dateCreated(start.plusMinutes(random.nextInt(525_600)))
                    .dateSubmitted(submitted ? start.plusMinutes(random.nextInt(525_600)) : null)
                    .xp(OrderCloudJson.mapper().createObjectNode().put("Channel", CHANNELS[random.nextInt(CHANNELS.length)])
                            .put("Priority", random.nextInt(5)))
                    .build());
        }
        return list;
    }

    private static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        return params;
    }
}
