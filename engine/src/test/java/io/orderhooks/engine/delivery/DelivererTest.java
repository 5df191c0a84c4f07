package io.orderhooks.engine.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import io.orderhooks.core.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DelivererTest {

    /** Generous for answers that come at once (the first call warms up a cold JVM). */
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final byte[] BODY = "{\"Route\":\"v1/orders\",\"Verb\":\"POST\"}".getBytes(StandardCharsets.UTF_8);

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private Deliverer deliverer;

    @BeforeEach
    void start() {
        server.start();
        deliverer = Deliverer.builder()
                .transport(Transports.http(Transports.defaultHttpClient(), 1024))
                .log(log)
                .clock(clock)
                .recordedBodyChars(20)
                .build();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Attempt attempt(String path) {
        OutboundRequest request = OutboundRequest.signed(server.baseUrl() + path, path, BODY, "myhashkey",
                "X-Api-Key", "secret-1", "idem-1");
        return Attempt.first(DeliveryRecord.Kind.POST_WEBHOOK, "POST v1/orders", "wh1", "order-1", request);
    }

    @Test
    void deliversTheSignedExactBytesWithCustomAuthAndIdempotencyHeaders() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

        Sent sent = deliverer.send(attempt("/hook"), LIMIT);

        assertThat(sent.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(sent.outcome().httpStatus()).isEqualTo(200);
        server.verify(postRequestedFor(urlEqualTo("/hook"))
                .withHeader(OcHash.HEADER, equalTo(OcHash.sign("myhashkey", BODY)))
                .withHeader("X-Api-Key", equalTo("secret-1"))
                .withHeader("Idempotency-Key", equalTo("idem-1"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8")));
        assertThat(server.getAllServeEvents().get(0).getRequest().getBody()).isEqualTo(BODY);
        DeliveryRecord r = sent.record();
        assertThat(log.find(r.id())).contains(r);
        assertThat(r.outcome()).isEqualTo(OutcomeKind.DELIVERED);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.error()).isNull();
        assertThat(r.responseBody()).isEqualTo("{\"ok\":true}");
        assertThat(r.requestBody()).isEqualTo(BODY);
        assertThat(r.idempotencyKey()).isEqualTo("idem-1");
        assertThat(r.url()).isEqualTo(server.baseUrl() + "/hook");
        assertThat(r.orderID()).isEqualTo("order-1");
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(r.deadLetter()).isFalse();
    }

    @Test
    void recordsA500AsRejectedWithTheBodyTruncatedToTheCap() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(500).withBody("boom boom boom boom boom boom")));

        Sent sent = deliverer.send(attempt("/hook").withFinalAttempt(true), LIMIT);

        assertThat(sent.outcome()).isInstanceOf(DeliveryOutcome.Rejected.class);
        assertThat(((DeliveryOutcome.Rejected) sent.outcome()).bodyText()).isEqualTo("boom boom boom boom boom boom");
        assertThat(sent.record().outcome()).isEqualTo(OutcomeKind.REJECTED);
        assertThat(sent.record().httpStatus()).isEqualTo(500);
        assertThat(sent.record().responseBody()).isEqualTo("boom boom boom boom ...[truncated]");
        assertThat(sent.record().error()).isEqualTo("rejected with HTTP 500");
        assertThat(sent.record().deadLetter()).isTrue();
        assertThat(sent.record().redeliverable()).isTrue();
    }

    @Test
    void reportsAnAnswerSlowerThanTheLimitAsTimedOut() {
        server.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        Sent sent = deliverer.send(attempt("/slow"), SHORT);

        assertThat(sent.outcome()).isEqualTo(new DeliveryOutcome.TimedOut(SHORT, sent.outcome().latency()));
        assertThat(sent.outcome().latency()).isLessThan(Duration.ofMillis(3000));
        assertThat(sent.record().outcome()).isEqualTo(OutcomeKind.TIMED_OUT);
        assertThat(sent.record().httpStatus()).isNull();
        assertThat(sent.record().error()).isEqualTo("timed out after 200 ms");
    }

    @Test
    void reportsAConnectionResetAsUnreachable() {
        server.stubFor(post("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Sent sent = deliverer.send(attempt("/reset"), LIMIT);

        assertThat(sent.outcome()).isInstanceOf(DeliveryOutcome.Unreachable.class);
        assertThat(sent.record().outcome()).isEqualTo(OutcomeKind.UNREACHABLE);
        assertThat(sent.record().error()).startsWith("unreachable: ");
    }

    @Test
    void rejectsAnOversizeAnswerWithoutReadingIt() {
        server.stubFor(post("/big").willReturn(aResponse().withStatus(200).withBody("x".repeat(5000))));

        Sent sent = deliverer.send(attempt("/big"), LIMIT);

        assertThat(sent.outcome()).isInstanceOf(DeliveryOutcome.Rejected.class);
        assertThat(sent.outcome().httpStatus()).isEqualTo(200);
        assertThat(((DeliveryOutcome.Rejected) sent.outcome()).bodyText())
                .isEqualTo("Response body exceeds the limit of 1024 bytes");
        assertThat(sent.record().succeeded()).isFalse();
    }

    @Test
    void recordsAnUnusableTwoHundredAsFailedWithTheCheckersReason() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("nope")));

        Sent sent = deliverer.send(attempt("/hook").withReplyCheck(b -> Optional.of("not JSON")), LIMIT);

        assertThat(sent.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(sent.record().outcome()).isEqualTo(OutcomeKind.DELIVERED);
        assertThat(sent.record().succeeded()).isFalse();
        assertThat(sent.record().error()).isEqualTo("not JSON");
    }

    @Test
    void opensTheEndpointsBreakerAfterFailuresAndHalfOpensAfterTheWaitOnTheClock() {
        server.stubFor(post("/down").willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 5; i++) {
            assertThat(deliverer.send(attempt("/down"), LIMIT).outcome()).isInstanceOf(DeliveryOutcome.Rejected.class);
        }
        assertThat(deliverer.breaker("wh1").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Sent refused = deliverer.send(attempt("/down"), LIMIT);

        assertThat(refused.outcome()).isEqualTo(new DeliveryOutcome.CircuitOpen("wh1"));
        assertThat(refused.record().outcome()).isEqualTo(OutcomeKind.CIRCUIT_OPEN);
        assertThat(refused.record().error()).isEqualTo("not attempted: circuit open for wh1");
        assertThat(server.getAllServeEvents()).hasSize(5);

        server.stubFor(post("/down").willReturn(aResponse().withStatus(200)));
        clock.advance(Duration.ofSeconds(31));
        Sent trial = deliverer.send(attempt("/down"), LIMIT);

        assertThat(trial.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(deliverer.breaker("wh1").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(server.getAllServeEvents()).hasSize(6);
    }

    @Test
    void keepsOneBreakerPerEndpointSoAnotherEndpointStillGetsThrough() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(Deliverer.defaultBreakerConfig(clock).build());
        Deliverer d = Deliverer.builder().transport(Transports.http(Transports.defaultHttpClient(), 1024))
                .log(log).clock(clock).breakers(registry).build();
        d.breaker("wh1").transitionToOpenState();
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));

        Attempt other = new Attempt(DeliveryRecord.Kind.CHECKOUT, "ordercalculate", "ie2", null, 1,
                attempt("/hook").request(), null, false, null);

        assertThat(d.send(attempt("/hook"), LIMIT).outcome()).isInstanceOf(DeliveryOutcome.CircuitOpen.class);
        assertThat(d.send(other, LIMIT).outcome()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(registry.getAllCircuitBreakers()).extracting(CircuitBreaker::getName).containsExactlyInAnyOrder("wh1", "ie2");
    }

    @Test
    void countsFourHundredsAsHealthyAnswersNotBreakerFailures() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(400).withBody("{\"Errors\":[]}")));
        for (int i = 0; i < 8; i++) {
            deliverer.send(attempt("/hook"), LIMIT);
        }
        assertThat(deliverer.breaker("wh1").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void writesANotAttemptedDeadLetterThatCanBeRedelivered() {
        DeliveryRecord r = deliverer.deadLetter(attempt("/hook").withNumber(3), "queue full (capacity 1)");

        assertThat(r.outcome()).isEqualTo(OutcomeKind.NOT_ATTEMPTED);
        assertThat(r.attempt()).isEqualTo(3);
        assertThat(r.deadLetter()).isTrue();
        assertThat(r.redeliverable()).isTrue();
        assertThat(r.error()).isEqualTo("queue full (capacity 1)");
        assertThat(r.requestBody()).isEqualTo(BODY);
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
