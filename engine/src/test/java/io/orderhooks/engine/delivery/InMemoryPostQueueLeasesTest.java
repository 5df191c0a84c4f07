package io.orderhooks.engine.delivery;

/** The post-queue lease rules on the in-memory outbox. */
class InMemoryPostQueueLeasesTest extends PostQueueLeasesContract {

    @Override
    protected Outbox outbox() {
        return Outbox.inMemory(100);
    }
}
