package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.delivery.Attempt;
import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.OutboxEntry;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A write and the outbox rows it records commit together, or neither does (H2 and PostgreSQL). */
class OutboxInWriteTransactionTest {

    private static final Table<String> NOTES = Table.of("notes", String.class);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path data;
    private JdbcStore store;

    private JdbcStore open(String db) {
        store = db.equals("h2") ? JdbcStores.h2(data)
                : JdbcStores.postgresql(TestPostgres.freshDatabase(), "postgres", "postgres");
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static OutboxEntry entry() {
        OutboundRequest r = new OutboundRequest("http://127.0.0.1:9/hook", "/hook", "{}".getBytes(), Map.of());
        return OutboxEntry.of(Attempt.first(DeliveryRecord.Kind.POST_WEBHOOK, "POST v1/notes", "wh1", null, r), T0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCommittedWriteHasItsOutboxRow(String db) {
        JdbcStore s = open(db);
        Outbox outbox = s.outbox().orElseThrow();
        Repository<String> notes = s.table(NOTES);

        s.atomically(() -> {
            notes.insert("n1", "hello");
            return outbox.add(entry());
        });

        assertThat(notes.find("n1")).contains("hello");
        assertThat(outbox.size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWriteWhoseTransactionFailsLeavesNeitherItsChangeNorItsOutboxRow(String db) {
        JdbcStore s = open(db);
        Outbox outbox = s.outbox().orElseThrow();
        Repository<String> notes = s.table(NOTES);

        assertThatThrownBy(() -> s.atomically(() -> {
            notes.insert("n1", "hello");
            outbox.add(entry());
            throw new IllegalStateException("the response could not be written");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the response could not be written");

        assertThat(notes.find("n1")).isEmpty();
        assertThat(outbox.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDatabaseFailureInTheWriteRollsBackItsOutboxRowToo(String db) {
        JdbcStore s = open(db);
        Outbox outbox = s.outbox().orElseThrow();
        Repository<String> notes = s.table(NOTES);

        assertThatThrownBy(() -> s.atomically(() -> {
            notes.insert("n1", "hello");
            outbox.add(entry());
            throw StoreFailures.unavailable(new SQLException("connection reset", "08006"));
        })).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.errorCode()).isEqualTo("ServiceUnavailable");
        });

        assertThat(notes.find("n1")).isEmpty();
        assertThat(outbox.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRefusalKeepsWhatWasChangedBeforeItAsEachStepWouldHaveCommittedOnItsOwn(String db) {
        JdbcStore s = open(db);
        Repository<String> notes = s.table(NOTES);

        assertThatThrownBy(() -> s.atomically(() -> {
            notes.insert("n1", "recorded answer");
            throw new OrderCloudException(502, "IntegrationEvent.Unavailable", "The ordersubmit integration event is unavailable.");
        })).isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("IntegrationEvent.Unavailable"));

        assertThat(notes.find("n1")).contains("recorded answer");
    }
}
