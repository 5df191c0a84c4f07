package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.webhooks.internal.MemoryPostQueueStorage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue contract in memory, plus what only memory does: a shutdown hands back what it could not run. */
class AsyncPostAcceptanceTest extends PostQueueContract {

    @Override
    protected PostQueueStorage newStorage() {
        return new MemoryPostQueueStorage();
    }

    @Test
    void shutdownReportsWhatIsStillQueuedAndRefusesNewDeliveries() throws Exception {
        start(AsyncPostOptions.builder().workers(0));
        send(submit("left-1"));

        List<DeadLetter> left = dispatcher.postQueue().shutdown(Duration.ofSeconds(1));
        HttpResponse<String> late = send(submit("late"));

        assertThat(left).extracting(DeadLetter::logId).containsExactly("left-1");
        assertThat(left.get(0).lastError()).isEqualTo("not handled before shutdown");
        assertThat(late.statusCode()).isEqualTo(503);
    }
}
