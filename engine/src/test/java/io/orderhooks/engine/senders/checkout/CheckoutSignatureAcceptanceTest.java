package io.orderhooks.engine.senders.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.receiver.SignaturePolicy;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import io.orderhooks.engine.delivery.Transports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Round trip over real HTTP: a receiver using core's guard verifies every signature the sender makes. */
class CheckoutSignatureAcceptanceTest {

    private static final String PAYLOAD = "{\"ConfigData\":{\"Mode\":\"live\"},\"Environment\":\"Production\","
            + "\"OrderCloudAccessToken\":\"tok\",\"OrderWorksheet\":{\"Order\":{\"ID\":\"ö-1\",\"Total\":10.10}}}";

    private final SigningReceiver receiver = new SigningReceiver(SignaturePolicy.keys("new-key", "old-key"), "{}");
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final HttpCheckoutIntegration sender = new HttpCheckoutIntegration(
            CheckoutSenderSettings.builder(log).timeLimit(Duration.ofSeconds(5)).build(), Transports.defaultHttpClient());

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aGuardedReceiverVerifiesEverySignatureTheSenderProducesForAllFiveEvents() {
        String base = receiver.serve("/integration");
        byte[] bytes = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        IntegrationEndpoint endpoint = new IntegrationEndpoint("ie1", base, "old-key", null, null, null);

        for (CheckoutEventType type : CheckoutEventType.values()) {
            DeliveryOutcome outcome = sender.deliver(new CheckoutCall(type, endpoint, "ö-1", bytes, "key-" + type));
            assertThat(outcome).as(type.suffix()).isInstanceOf(DeliveryOutcome.Delivered.class);
        }

        assertThat(receiver.refused).isEmpty();
        assertThat(receiver.accepted).extracting(RawRequest::path).containsExactly("/shippingrates", "/ordercalculate",
                "/ordersubmit", "/ordersubmitforapproval", "/orderapproved", "/calculateorderreturn");
        assertThat(receiver.accepted).allSatisfy(r -> assertThat(r.body()).isEqualTo(bytes));
    }

    @Test
    void aReceiverWithOtherKeysRefusesTheSendersCallsAndTheLogSaysSo() {
        String base = receiver.serve("/integration");
        IntegrationEndpoint wrongKey = new IntegrationEndpoint("ie2", base, "not-the-key", null, null, null);

        DeliveryOutcome outcome = sender.deliver(new CheckoutCall(CheckoutEventType.ORDER_CALCULATE, wrongKey, "o1",
                PAYLOAD.getBytes(StandardCharsets.UTF_8), null));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.bodyText()).contains("\"ErrorCode\":\"Unauthorized\"");
        });
        assertThat(log.list(io.orderhooks.engine.spi.DeliveryLog.Query.ALL).get(0).httpStatus()).isEqualTo(401);
    }
}
