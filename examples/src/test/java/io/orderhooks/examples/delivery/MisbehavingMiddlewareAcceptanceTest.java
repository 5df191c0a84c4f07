package io.orderhooks.examples.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.javalin.Javalin;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While client A's middleware hangs (it holds every request until released), client B's whole checkout
 * against its own middleware completes, and A's call ends by its own time limit (8 s: long enough for B's three
 * calls on a loaded machine; B's path is warmed up first so a cold JVM does not eat into it). Latches, not clocks,
 * order the steps.
 */
class MisbehavingMiddlewareAcceptanceTest {

    private static final Duration LIMIT = Duration.ofSeconds(8);

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Javalin hung = Javalin.create(cfg -> cfg.routes.post("/a/shippingrates", ctx -> {
        arrived.countDown();
        release.await(30, TimeUnit.SECONDS);
        ctx.status(200).contentType("application/json").result("{}");
    })).start(0);
    private final WireMockServer mwB = new WireMockServer(options().dynamicPort());

    @AfterEach
    void stop() {
        release.countDown();
        hung.stop();
        mwB.stop();
    }

    @Test
    void aHungEndpointNeverHoldsUpAnotherClientsCheckoutAndEndsByItsOwnLimit() throws Exception {
        mwB.start();
        mwB.stubFor(post("/b/shippingrates").willReturn(okJson(DeliveryMarketplace.RATES)));
        mwB.stubFor(post("/b/ordercalculate").willReturn(okJson("{\"TaxTotal\":0.80}")));
        mwB.stubFor(post("/b/ordersubmit").willReturn(okJson("{}")));
        try (DeliveryMarketplace m = new DeliveryMarketplace(LIMIT,
                "http://localhost:" + hung.port() + "/a", mwB.baseUrl() + "/b")) {
            m.cart(m.buyerA, "OA", 1);
            m.cart(m.buyerB, "OB", 1);
            m.cart(m.buyerB, "OB-warm", 1);
            // warm-up only (JIT, WireMock's first request): on a loaded machine the first call may overrun the
            // limit, so try a few times; what the test asserts starts below
            boolean warm = false;
            for (int i = 0; i < 5 && !warm; i++) {
                warm = m.estimate(m.buyerB, "OB-warm").shipEstimateResponse().succeeded();
            }
            assertThat(warm).as("B's middleware answered a warm-up estimate").isTrue();

            CompletableFuture<OrderWorksheet> a = CompletableFuture.supplyAsync(() -> m.estimate(m.buyerA, "OA"));
            assertThat(arrived.await(10, TimeUnit.SECONDS)).as("A's call reached its middleware").isTrue();

            assertThat(m.checkoutReady(m.buyerB, "OB").order().total()).isEqualByComparingTo("15.80");
            assertThat(m.submit(m.buyerB, "OB").status()).isEqualTo(OrderStatus.Open);
            assertThat(a).as("B finished while A's call was still in flight").isNotDone();

            OrderWorksheet aDone = a.get(20, TimeUnit.SECONDS);
            assertThat(aDone.shipEstimateResponse().succeeded()).isFalse();
            assertThat(aDone.shipEstimateResponse().unhandledErrorBody()).isEqualTo("timed out after 8000 ms");
            assertThat(m.records("OA")).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(OutcomeKind.TIMED_OUT));
            assertThat(m.records("OB")).extracting(r -> r.outcome()).containsOnly(OutcomeKind.DELIVERED).hasSize(3);
            assertThat(m.stock()).isEqualTo(9);
        }
    }
}
