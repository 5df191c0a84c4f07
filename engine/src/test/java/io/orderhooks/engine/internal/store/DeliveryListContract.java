package io.orderhooks.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored delivery log lists, filters and pages exactly as the in-memory definition over every record newest
 * first ({@code DeliveryLog.Query.matches}, {@code ListQuery.apply}); run on memory, H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeliveryListContract {

    /** The wire view {@code v1/deliveries} lists (its scalar properties). */
    public record View(@JsonProperty("ID") String id, @JsonProperty("Kind") DeliveryRecord.Kind kind,
            @JsonProperty("Subject") String subject, @JsonProperty("EndpointID") String endpointID,
            @JsonProperty("OrderID") String orderID, @JsonProperty("Attempt") int attempt,
            @JsonProperty("Outcome") DeliveryRecord.OutcomeKind outcome, @JsonProperty("HttpStatus") Integer httpStatus,
            @JsonProperty("Succeeded") boolean succeeded, @JsonProperty("DeadLetter") boolean deadLetter,
            @JsonProperty("Redeliverable") boolean redeliverable, @JsonProperty("Error") String error,
            @JsonProperty("Timestamp") OffsetDateTime timestamp) {
        static View of(DeliveryRecord r) {
            return new View(r.id(), r.kind(), r.subject(), r.endpointID(), r.orderID(), r.attempt(), r.outcome(),
                    r.httpStatus(), r.succeeded(), r.deadLetter(), r.redeliverable(), r.error(), r.timestamp().atOffset(ZoneOffset.UTC));
        }
    }

    static final QuerySchema SCHEMA = QuerySchema.forType(View.class).resourceName("Delivery").defaultSortBy("!Timestamp")
            .defaultSearchOn("Subject", "EndpointID", "OrderID", "Error").build();

    private Store store;
    private StoredDeliveryLog log;
    private final List<DeliveryRecord> appended = new ArrayList<>();

    protected abstract Store open() throws Exception;

    @BeforeAll
    void seed() throws Exception {
        store = open();
        log = new StoredDeliveryLog(store);
        DeliveryRecord.Kind[] kinds = DeliveryRecord.Kind.values();
        DeliveryRecord.OutcomeKind[] outcomes = DeliveryRecord.OutcomeKind.values();
        for (int i = 0; i < 30; i++) {
            boolean ok = i % 3 == 0;
            DeliveryRecord r = new DeliveryRecord("d" + i, kinds[i % kinds.length], i % 2 == 0 ? "ordersubmit" : "Order.Submit",
                    "ep" + (i % 4), "http://localhost:9/x", i % 5 == 0 ? null : "o" + (i % 6), 1 + i % 3,
                    outcomes[i % outcomes.length], ok ? Integer.valueOf(200) : i % 2 == 0 ? Integer.valueOf(500) : null, 10 + i, ok,
                    "{}".getBytes(StandardCharsets.UTF_8), null, null, ok ? null : "boom " + i,
                    Instant.parse("2024-03-01T00:00:00Z").plusSeconds(60L * (i % 10)), !ok && i % 4 == 1, null);
            appended.add(r);
            log.append(r);
        }
    }

    @AfterAll
    void close() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    private List<DeliveryRecord> newestFirst() {
        List<DeliveryRecord> all = new ArrayList<>(appended);
        java.util.Collections.reverse(all);
        return all;
    }

    static Stream<DeliveryLog.Query> queries() {
        DeliveryLog.Query all = DeliveryLog.Query.ALL;
        return Stream.of(all, all.withKind(DeliveryRecord.Kind.POST_WEBHOOK), all.withEndpointID("ep1").withSucceeded(false),
                all.withOrderID("o2"), all.withDeadLetter(true), all.redeliverable(), all.withOutcome(DeliveryRecord.OutcomeKind.DELIVERED),
                all.between(Instant.parse("2024-03-01T00:02:00Z"), Instant.parse("2024-03-01T00:05:00Z")));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void listsTheMatchingRecordsNewestFirst(DeliveryLog.Query query) {
        assertThat(log.list(query).stream().map(DeliveryRecord::id).toList())
                .isEqualTo(newestFirst().stream().filter(query::matches).map(DeliveryRecord::id).toList());
    }

    static Stream<String> pages() {
        return Stream.of("", "Kind=POST_WEBHOOK", "Kind=post*|checkout", "DeadLetter=true", "Succeeded=false&Redeliverable=true",
                "OrderID=o2|!*", "EndpointID=!ep1", "HttpStatus=>=500", "HttpStatus=!*", "Attempt=2", "Outcome=!DELIVERED",
                "Timestamp=>=2024-03-01T00:05:00Z", "Timestamp=2024-03-01", "search=boom 1", "search=EP3", "search=submit",
                "sortBy=Timestamp", "sortBy=!Attempt,Kind", "sortBy=OrderID&pageSize=4&page=3", "sortBy=!HttpStatus&pageSize=7",
                "page=9&pageSize=5", "Error=*oom 2*&sortBy=!ID", "Subject=order*");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pagesExactlyAsTheListQueryOverEveryRecordNewestFirst(String query) {
        ListQuery q = ListQuery.parse(OrderListContract.params(query), SCHEMA);
        ListPage<View> expected = q.apply(newestFirst().stream().map(View::of).toList(), PropertyReaders.forRecord(View.class));
        ListPage<View> actual = log.page(q, View::of, View.class);
        assertThat(actual.items().stream().map(View::id).toList()).as(query)
                .isEqualTo(expected.items().stream().map(View::id).toList());
        assertThat(actual.meta()).isEqualTo(expected.meta());
    }

    @Test
    void findsARecordByIdAndRefusesATakenId() {
        assertThat(log.find("d7")).get().usingRecursiveComparison().isEqualTo(appended.get(7));
        assertThat(log.find("nope")).isEmpty();
        assertThatThrownBy(() -> log.append(appended.get(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a record with ID d3 is already logged");
    }
}
