package io.orderhooks.examples.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps servers running until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes them in reverse order. */
final class Serving {

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private Serving() {}

    /** Blocks until shutdown; closes {@code resources} last-first from the shutdown hook. */
    static void untilShutdown(List<? extends AutoCloseable> resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeAll(resources);
            stopped.countDown();
        }, "orderhooks-shutdown"));
        stopped.await();
    }

    /** Closes each resource, last first, logging (never throwing) a failure. */
    static void closeAll(List<? extends AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resources.get(i), e);
            }
        }
    }
}
