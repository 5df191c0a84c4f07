package io.orderhooks.middleware.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.webhooks.AsyncPostOptions;
import io.orderhooks.webhooks.DeadLetter;
import io.orderhooks.webhooks.PostQueueContract;
import io.orderhooks.webhooks.PostQueueStorage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue contract on real PostgreSQL, plus what a shared queue does on shutdown. */
class JdbcPostQueueTest extends PostQueueContract {

    MiddlewareState state;

    @Override
    protected PostQueueStorage newStorage() {
        state = MiddlewareState.builder(TestDatabase.fresh()).clock(clock).build();
        return state.postQueueStorage("test");
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    @Test
    void shutdownKeepsWhatIsStillQueuedForTheOtherInstances() throws Exception {
        start(AsyncPostOptions.builder().workers(0));
        send(submit("left-1"));

        List<DeadLetter> left = dispatcher.postQueue().shutdown(Duration.ofSeconds(1));

        assertThat(left).isEmpty();
        PostQueueStorage again = state.postQueueStorage("test");
        assertThat(again.pending()).isEqualTo(1);
        assertThat(again.claimDue(clock.instant())).hasValueSatisfying(c -> {
            assertThat(c.post().logId()).isEqualTo("left-1");
            c.delivered();
        });
        assertThat(again.pending()).isZero();
    }
}
