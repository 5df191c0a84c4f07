package io.orderhooks.webhooks;

import io.orderhooks.core.receiver.ReceiverState;

/**
 * {@link ReceiverState} for the webhooks receiver: the shared {@code LogID} store plus the storage of
 * asynchronous post-webhook queues. Pass one to {@link WebhooksDispatcherBuilder#sharedState(WebhookState)}.
 */
public interface WebhookState extends ReceiverState {

    /**
     * The storage of the queue named {@code queue}; every instance asking for the same name works the same
     * deliveries, so give each dispatcher with its own hooks its own name.
     */
    PostQueueStorage postQueueStorage(String queue);
}
