package io.orderhooks.engine.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.orderhooks.core.observe.DeliveryEvent;
import io.orderhooks.core.observe.DeliveryEvent.BreakerState;
import io.orderhooks.core.observe.DeliveryEvent.Outcome;
import io.orderhooks.core.observe.ObservedEvent;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.core.trace.TraceParent;
import io.orderhooks.core.trace.Traces;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DelivererObserverTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final List<ObservedEvent> events = new CopyOnWriteArrayList<>();
    private Deliverer deliverer;

    @BeforeEach
    void start() {
        server.start();
        deliverer = Deliverer.builder().transport(Transports.http(Transports.defaultHttpClient(), 1024))
                .log(new InMemoryDeliveryLog()).clock(clock).observer(events::add).build();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Attempt attempt(String path) {
        OutboundRequest request = OutboundRequest.signed(server.baseUrl() + path, path, BODY, "key", null, null, null);
        return Attempt.first(DeliveryRecord.Kind.POST_WEBHOOK, "POST v1/orders", "wh1", "order-1", request);
    }

    private List<DeliveryEvent.Attempted> attempts() {
        return events.stream().filter(DeliveryEvent.Attempted.class::isInstance).map(DeliveryEvent.Attempted.class::cast).toList();
    }

    private List<BreakerState> breakerStates() {
        return events.stream().filter(DeliveryEvent.BreakerChanged.class::isInstance)
                .map(e -> ((DeliveryEvent.BreakerChanged) e).state()).toList();
    }

    @Test
    void everyAttemptIsToldWithItsKindEndpointOutcomeAndLatency() {
        server.stubFor(post("/ok").willReturn(aResponse().withStatus(200)));
        server.stubFor(post("/no").willReturn(aResponse().withStatus(400)));

        deliverer.send(attempt("/ok"), LIMIT);
        deliverer.send(attempt("/no"), LIMIT);

        assertThat(attempts()).extracting(DeliveryEvent.Attempted::kind, DeliveryEvent.Attempted::subject,
                DeliveryEvent.Attempted::endpointID, DeliveryEvent.Attempted::outcome, DeliveryEvent.Attempted::succeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("post_webhook", "POST v1/orders", "wh1", Outcome.DELIVERED, true),
                        org.assertj.core.groups.Tuple.tuple("post_webhook", "POST v1/orders", "wh1", Outcome.REJECTED, false));
        assertThat(attempts()).allSatisfy(a -> assertThat(a.nanos()).isPositive());
    }

    @Test
    void theBreakersStateIsToldWhenItIsFirstUsedAndAtEveryTransition() {
        server.stubFor(post("/down").willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 5; i++) {
            deliverer.send(attempt("/down"), LIMIT);
        }
        deliverer.send(attempt("/down"), LIMIT);
        server.stubFor(post("/down").willReturn(aResponse().withStatus(200)));
        clock.advance(Duration.ofSeconds(31));
        deliverer.send(attempt("/down"), LIMIT);

        assertThat(breakerStates()).containsExactly(BreakerState.CLOSED, BreakerState.OPEN, BreakerState.HALF_OPEN,
                BreakerState.CLOSED);
        assertThat(attempts()).extracting(DeliveryEvent.Attempted::outcome).containsExactly(Outcome.REJECTED,
                Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.BREAKER_OPEN,
                Outcome.DELIVERED);
    }

    @Test
    void aDeadLetterIsToldAsAnUnattemptedAttemptAndADeadLetter() {
        deliverer.deadLetter(attempt("/hook").withNumber(2), "queue full (capacity 1)");

        assertThat(events).containsExactly(
                new DeliveryEvent.Attempted("post_webhook", "POST v1/orders", "wh1", Outcome.NOT_ATTEMPTED, false, 0),
                new DeliveryEvent.DeadLettered("post_webhook", "wh1"));
    }

    @Test
    void aRequestBuiltWhileATraceIsCurrentCarriesItsChildSpanAndCorrelationId() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
        Attempt traced;
        try (Traces.Scope scope = Traces.begin("00-" + TRACE + "-00f067aa0ba902b7-01", "corr-7")) {
            traced = attempt("/hook");
        }
        Attempt untraced = attempt("/hook");

        deliverer.send(traced, LIMIT);
        deliverer.send(untraced, LIMIT);

        assertThat(TraceParent.parse(traced.request().headers().get(TraceParent.HEADER)).orElseThrow().traceId())
                .isEqualTo(TRACE);
        server.verify(1, postRequestedFor(urlEqualTo("/hook")).withHeader(TraceParent.HEADER,
                matching("00-" + TRACE + "-[0-9a-f]{16}-01")).withHeader(Traces.CORRELATION_HEADER, matching("corr-7")));
        server.verify(1, postRequestedFor(urlEqualTo("/hook")).withHeader(TraceParent.HEADER, absent()));
    }
}
