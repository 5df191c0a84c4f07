package io.orderhooks.examples.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.events.CheckoutEvent;
import io.orderhooks.events.CheckoutException;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.TestDispatcherClient.ErrorAnswer;
import io.orderhooks.events.testkit.Worksheets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxExporterTest {

    final MutableClock clock = MutableClock.at("2026-03-01T09:30:00Z");
    final OrderWorksheet order = Worksheets.order("o-1001").line("SHIRT", 2, "12.00").line("MUG", 1, "8.50").build();

    @TempDir
    Path outbox;

    final List<IntegrationEventsDispatcher> dispatchers = new ArrayList<>();

    @AfterEach
    void closeDispatchers() {
        dispatchers.forEach(IntegrationEventsDispatcher::close);
    }

    TestDispatcherClient clientFor(OutboxExporter exporter) {
        IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys("key")
                .orderSubmit(exporter).orderApproved(exporter).build();
        dispatchers.add(dispatcher);
        return TestDispatcherClient.of(dispatcher, "key");
    }

    static List<String> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    static CheckoutEvent submitted(OrderWorksheet worksheet) {
        return CheckoutEvent.of(CheckoutEventType.ORDER_SUBMIT, CheckoutRequests.payload(worksheet));
    }

    @Test
    void writesOneDocumentPerOrderAndAnswersItsExportID() throws Exception {
        String exportID = clientFor(new OutboxExporter(outbox, clock)).submit(order).xp().get("ExportID").asText();

        assertThat(exportID).matches("EXP-o-1001-[0-9a-f]{10}");
        assertThat(files(outbox)).containsExactly("o-1001.json"); // no temp file left behind
        JsonNode doc = OrderCloudJson.mapper().readTree(outbox.resolve("o-1001.json").toFile());
        assertThat(doc.get("ExportID").asText()).isEqualTo(exportID);
        assertThat(doc.get("OrderID").asText()).isEqualTo("o-1001");
        assertThat(doc.get("Event").asText()).isEqualTo("ordersubmit");
        assertThat(doc.get("Environment").asText()).isEqualTo("Sandbox");
        assertThat(doc.get("ExportedAt").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(doc.get("Totals").toString())
                .isEqualTo("{\"Currency\":\"USD\",\"Subtotal\":32.50,\"PromotionDiscount\":0,\"ShippingCost\":0,\"TaxCost\":0,\"Total\":32.50}");
        assertThat(doc.at("/OrderWorksheet/LineItems/1/ProductID").asText()).isEqualTo("MUG");
    }

    @Test
    void answersTheStoredIDWithoutRewritingWhenTheOrderWasExportedBeforeARestart() throws Exception {
        String first = clientFor(new OutboxExporter(outbox, clock)).submit(order).xp().get("ExportID").asText();
        Path doc = outbox.resolve("o-1001.json");
        byte[] written = Files.readAllBytes(doc);
        FileTime past = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(doc, past);
        clock.advance(Duration.ofHours(1));

        // a new process (new dispatcher, empty idempotency store) receives the same submit again
        String second = clientFor(new OutboxExporter(outbox, clock)).submit(order).xp().get("ExportID").asText();

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(doc)).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(doc)).isEqualTo(past);
        assertThat(files(outbox)).containsExactly("o-1001.json");
    }

    @Test
    void exportsAnApprovedOrderOnceEvenIfItWasExportedOnSubmit() throws Exception {
        TestDispatcherClient client = clientFor(new OutboxExporter(outbox, clock));
        String onSubmit = client.submit(order).xp().get("ExportID").asText();

        assertThat(client.approved(order).xp().get("ExportID").asText()).isEqualTo(onSubmit);

        OrderWorksheet other = Worksheets.order("o-1002").line("CAP", 1, "9.00").build();
        client.approved(other);
        JsonNode doc = OrderCloudJson.mapper().readTree(outbox.resolve("o-1002.json").toFile());
        assertThat(doc.get("Event").asText()).isEqualTo("orderapproved");
        assertThat(files(outbox)).containsExactly("o-1001.json", "o-1002.json");
    }

    @Test
    void concurrentSubmitsOfOneOrderFromSeveralInstancesWriteOneFile() throws Exception {
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                OutboxExporter instance = new OutboxExporter(outbox, clock);
                ids.add(pool.submit(() -> {
                    start.await();
                    return instance.export(submitted(order));
                }));
            }
            start.countDown();
            String first = ids.get(0).get(30, TimeUnit.SECONDS);
            for (Future<String> id : ids) {
                assertThat(id.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(files(outbox)).containsExactly("o-1001.json");
    }

    @Test
    void answersExportFailedWhenTheOutboxCannotBeWritten() throws Exception {
        Path notADirectory = Files.writeString(outbox.resolve("outbox"), "a file where the folder should be");

        TestDispatcherClient client = clientFor(new OutboxExporter(notADirectory, clock));
        ErrorAnswer error = catchThrowableOfType(ErrorAnswer.class, () -> client.submit(order));

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.errorCode()).isEqualTo("Export.Failed");
        assertThat(error.error().message()).startsWith("Order o-1001 could not be exported to the outbox (");
        assertThat(error.error().data().toString()).isEqualTo("{\"OrderID\":\"o-1001\"}");
        assertThat(files(outbox)).containsExactly("outbox");
    }

    @Test
    void answersExportFailedForAnUnreadableEarlierDocument() throws Exception {
        Files.writeString(outbox.resolve("o-1001.json"), "{\"NoExportID\":true}");

        assertThatThrownBy(() -> new OutboxExporter(outbox, clock).export(submitted(order)))
                .isInstanceOfSatisfying(CheckoutException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo("Export.Failed");
                });
        assertThat(Files.readString(outbox.resolve("o-1001.json"))).isEqualTo("{\"NoExportID\":true}");
    }

    @Test
    void refusesAnOrderIDThatCannotNameAFile() throws Exception {
        OrderWorksheet escaping = Worksheets.order("../escape").line("MUG", 1, "8.50").build();

        assertThatThrownBy(() -> clientFor(new OutboxExporter(outbox, clock)).submit(escaping))
                .isInstanceOfSatisfying(ErrorAnswer.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("Export.InvalidOrderID");
                    assertThat(e.error().message())
                            .isEqualTo("Order ID '../escape' cannot name an outbox file (letters, digits, - _ . only, at most 100)");
                });
        assertThat(files(outbox)).isEmpty();
        assertThat(Files.exists(outbox.resolveSibling("escape.json"))).isFalse();
    }
}
