package io.orderhooks.engine.internal.checkout;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.util.function.BooleanSupplier;

/**
 * The engine's checkout port, refusing a call made while the calling thread holds one of the store's transactions or
 * order locks. Checkout reserves, calls, then commits if unchanged (DURABILITY.md, "Transactions"); a code path that
 * called middleware inside a transaction would hold a row lock and a pooled connection for as long as the merchant
 * takes. That is a bug in the engine, so it fails loudly (every test of a checkout action trips it) instead of
 * slowing production down. Thread-safe.
 */
public final class OutsideTransactions implements CheckoutIntegration {

    private final CheckoutIntegration inner;
    private final BooleanSupplier inTransaction;
    private final Runnable callingOut;

    private OutsideTransactions(CheckoutIntegration inner, BooleanSupplier inTransaction, Runnable callingOut) {
        this.inner = inner;
        this.inTransaction = inTransaction;
        this.callingOut = callingOut;
    }

    /**
     * {@code inner}, refusing calls while {@code store} has a transaction open on the calling thread; before a call the
     * thread's reads together end ({@link Store#callingOut}).
     */
    public static CheckoutIntegration of(CheckoutIntegration inner, Store store) {
        return new OutsideTransactions(inner, store::inTransaction, store::callingOut);
    }

    @Override
    public DeliveryOutcome deliver(CheckoutCall call) {
        if (inTransaction.getAsBoolean()) {
            throw new IllegalStateException("the " + call.type().suffix() + " call for order " + call.orderID()
                    + " was made inside a store transaction; checkout must reserve, call, then commit");
        }
        callingOut.run();
        return inner.deliver(call);
    }
}
