package io.orderhooks.benchmarks;

import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.examples.merchant.RegionalTaxCalculator;
import io.orderhooks.examples.merchant.TaxTable;
import io.orderhooks.core.model.CheckoutEventType;

/**
 * The middleware under test everywhere: an {@link IntegrationEventsDispatcher} verifying {@code X-oc-hash}
 * with {@link #HASH_KEY} and answering {@code /ordercalculate} with the example merchant's
 * {@link RegionalTaxCalculator} over the {@link TaxTable#demo() demo table} (the "real tax plugin").
 */
public final class BenchMiddleware {

    /** The integration event's hash key the benchmarks sign with. */
    public static final String HASH_KEY = "bench-hash-key-0123456789";

    private BenchMiddleware() {}

    /** The tax calculator, also used directly as the handler-only baseline. */
    public static RegionalTaxCalculator taxCalculator() {
        return new RegionalTaxCalculator(TaxTable.demo());
    }

    /** A new dispatcher; the caller closes it. */
    public static IntegrationEventsDispatcher dispatcher() {
        return dispatcher(Observer.NONE);
    }

    /** A new dispatcher telling {@code observer} of every request; the caller closes it. */
    public static IntegrationEventsDispatcher dispatcher(Observer observer) {
        return IntegrationEventsDispatcher.builder().hashKeys(HASH_KEY).orderCalculate(taxCalculator().asHandler())
                .observer(observer).build();
    }

    /** The exact payload bytes of a calculate call for a {@link SampleWorksheets#calculateReady} worksheet. */
    public static byte[] calculateBody(int lines) {
        return CheckoutRequests.bytes(calculatePayload(lines));
    }

    public static CheckoutPayload calculatePayload(int lines) {
        return CheckoutRequests.payload(SampleWorksheets.calculateReady(lines));
    }

    /** {@code POST /ordercalculate} of {@code body}, signed with {@link #HASH_KEY}. */
    public static RawRequest signedCalculate(byte[] body) {
        return CheckoutRequests.signed(CheckoutEventType.ORDER_CALCULATE, body, HASH_KEY);
    }
}
