package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.observe.ObservedEvent;
import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.core.observe.ReceiverEvent.Outcome;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outcome a dispatcher tells its observer for each way a request can end. */
class DispatcherObserverTest {

    private final List<ObservedEvent> events = new CopyOnWriteArrayList<>();
    private final OrderWorksheet worksheet = Worksheets.order("o1").line("MUG", 2, "10.00").build();
    private final CountDownLatch never = new CountDownLatch(1);
    private IntegrationEventsDispatcher dispatcher;

    @AfterEach
    void close() {
        never.countDown();
        dispatcher.close();
    }

    private IntegrationEventsDispatcherBuilder builder() {
        return IntegrationEventsDispatcher.builder().hashKeys("k").observer(events::add);
    }

    private List<ReceiverEvent.Handled> handled() {
        return events.stream().filter(ReceiverEvent.Handled.class::isInstance).map(ReceiverEvent.Handled.class::cast).toList();
    }

    private OrderCalculateResponse hang() throws InterruptedException {
        never.await(30, TimeUnit.SECONDS);
        return null;
    }

    private static OrderCalculateResponse tax(String amount) {
        return new OrderCalculateResponse(null, null, new BigDecimal(amount), null, null, null, null, null);
    }

    private Outcome outcomeOf(IntegrationEventsDispatcher d, CheckoutEventType type) {
        events.clear();
        TestDispatcherClient.of(d, "k").send(type, worksheet);
        assertThat(handled()).hasSize(1);
        return handled().get(0).outcome();
    }

    @Test
    void anAnsweredCallIsOneRequestAndOneHandlerRunThatStartedAndFinished() {
        dispatcher = builder().orderCalculate(e -> tax("1.00")).build();

        TestDispatcherClient.of(dispatcher, "k").send(CheckoutEventType.ORDER_CALCULATE, worksheet);

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isEqualTo(new ReceiverEvent.HandlerStarted(ReceiverEvent.INTEGRATION_EVENTS, "ordercalculate"));
        assertThat(events.get(1)).isInstanceOfSatisfying(ReceiverEvent.HandlerFinished.class,
                f -> assertThat(f.nanos()).isPositive());
        assertThat(handled()).singleElement().satisfies(h -> {
            assertThat(h.route()).isEqualTo("ordercalculate");
            assertThat(h.outcome()).isEqualTo(Outcome.ANSWERED);
            assertThat(h.status()).isEqualTo(200);
        });
    }

    @Test
    void refusalsInvalidAnswersFailuresTimeoutsAndFallbacksAreToldApart() {
        dispatcher = builder().orderCalculate(e -> tax("-1.00")).build();
        assertThat(outcomeOf(dispatcher, CheckoutEventType.ORDER_CALCULATE)).isEqualTo(Outcome.INVALID_ANSWER);
        dispatcher.close();
        dispatcher = builder().orderCalculate(e -> {
            throw new CheckoutException("Tax.Unavailable", "no tax for you");
        }).build();
        assertThat(outcomeOf(dispatcher, CheckoutEventType.ORDER_CALCULATE)).isEqualTo(Outcome.REFUSED);
        dispatcher.close();
        dispatcher = builder().orderCalculate(e -> {
            throw new IllegalStateException("bug");
        }).build();
        assertThat(outcomeOf(dispatcher, CheckoutEventType.ORDER_CALCULATE)).isEqualTo(Outcome.FAILED);
        dispatcher.close();
        dispatcher = builder().timeLimit(Duration.ofMillis(50)).orderCalculate(e -> hang()).build();
        assertThat(outcomeOf(dispatcher, CheckoutEventType.ORDER_CALCULATE)).isEqualTo(Outcome.TIMED_OUT);
        dispatcher.close();
        dispatcher = builder().timeLimit(Duration.ofMillis(50)).orderCalculate(e -> hang(), e -> tax("0.50")).build();
        assertThat(outcomeOf(dispatcher, CheckoutEventType.ORDER_CALCULATE)).isEqualTo(Outcome.FALLBACK_USED);
        assertThat(events.stream().filter(ReceiverEvent.HandlerFinished.class::isInstance)).as("handler and fallback ran")
                .hasSize(2);
    }

    @Test
    void aRepeatedSubmitIsADuplicateAndRunsNoHandler() {
        dispatcher = builder().orderSubmit(e -> null).build();

        assertThat(outcomeOf(dispatcher, CheckoutEventType.ORDER_SUBMIT)).isEqualTo(Outcome.ANSWERED);
        assertThat(outcomeOf(dispatcher, CheckoutEventType.ORDER_SUBMIT)).isEqualTo(Outcome.DUPLICATE);
        assertThat(events).noneMatch(ReceiverEvent.HandlerStarted.class::isInstance);
    }

    @Test
    void requestsRefusedBeforeAnyHandlerAreSignatureRefusedOrBadRequest() {
        dispatcher = builder().orderCalculate(e -> tax("1.00")).build();
        byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(worksheet));

        dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.ORDER_CALCULATE, body, "wrong"));
        dispatcher.handle(RawRequest.post("/nope", null, body));
        dispatcher.handle(new RawRequest("GET", "/ordercalculate", null, null));

        assertThat(handled()).extracting(ReceiverEvent.Handled::route, ReceiverEvent.Handled::outcome, ReceiverEvent.Handled::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ordercalculate", Outcome.SIGNATURE_REFUSED, 401),
                        org.assertj.core.groups.Tuple.tuple(ReceiverEvent.UNKNOWN_ROUTE, Outcome.BAD_REQUEST, 404),
                        org.assertj.core.groups.Tuple.tuple("ordercalculate", Outcome.BAD_REQUEST, 405));
    }

    @Test
    void anObserverThatThrowsNeverChangesTheAnswer() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k").observer(e -> {
            throw new IllegalStateException("broken observer");
        }).orderCalculate(e -> tax("1.00")).build();

        assertThat(TestDispatcherClient.of(dispatcher, "k").send(CheckoutEventType.ORDER_CALCULATE, worksheet).status())
                .isEqualTo(200);
    }
}
