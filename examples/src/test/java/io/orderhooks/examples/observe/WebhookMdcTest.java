package io.orderhooks.examples.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.trace.TraceParent;
import io.orderhooks.core.trace.Traces;
import io.orderhooks.webhooks.AsyncPostOptions;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookSigning;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Webhook handlers log under the delivery's trace, LogID and order ID, also when queued and run later. */
class WebhookMdcTest {

    private static final String KEY = "k";
    private static final String SUBMIT = "v1/orders/{direction}/{orderID}/submit";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    private WebhooksDispatcher dispatcher;

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private WebhooksDispatcherBuilder builder() {
        return WebhooksDispatcher.builder().hashKeys(KEY).postHook("POST", SUBMIT, e -> seen.add(MDC.getCopyOfContextMap()));
    }

    private void deliver(String logId) {
        byte[] body = WebhookPayloads.forRoute(SUBMIT, "POST").param("direction", "Incoming").param("orderID", "o-" + logId)
                .logId(logId).requestBody("{}").toBytes();
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", "application/json",
                "X-oc-hash", WebhookSigning.sign(KEY, body), TraceParent.HEADER, "00-" + TRACE + "-00f067aa0ba902b7-01"));
        assertThat(dispatcher.handle(new RawRequest("POST", "/", headers, body)).status()).isEqualTo(200);
    }

    @Test
    void aSynchronousPostHandlerSeesTheTraceLogIdAndOrderId() {
        dispatcher = builder().build();

        deliver("log-1");

        assertThat(seen).singleElement().satisfies(mdc -> assertThat(mdc).containsEntry(Traces.TRACE_ID, TRACE)
                .containsEntry(Traces.LOG_ID, "log-1").containsEntry(Traces.ORDER_ID, "o-log-1"));
        assertThat(MDC.get(Traces.TRACE_ID)).as("nothing left on the caller's thread").isNull();
    }

    @Test
    void aQueuedPostHandlerRunsLaterUnderTheMdcOfTheRequestThatQueuedIt() {
        dispatcher = builder().asyncPosts(AsyncPostOptions.builder().workers(0).build()).build();

        deliver("log-2");
        assertThat(seen).isEmpty();
        dispatcher.postQueue().runDue();

        assertThat(seen).singleElement().satisfies(mdc -> assertThat(mdc).containsEntry(Traces.TRACE_ID, TRACE)
                .containsEntry(Traces.LOG_ID, "log-2").containsEntry(Traces.ORDER_ID, "o-log-2"));
        assertThat(MDC.get(Traces.LOG_ID)).isNull();
    }
}
