package io.orderhooks.examples.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code orderhooks engine} in a child JVM (this JVM's classpath, {@code io.orderhooks.examples.Main}), for tests
 * that restart or kill an engine. {@link #close} stops it as Ctrl-C would (SIGTERM); {@link #kill} is SIGKILL.
 */
final class ChildEngine implements AutoCloseable {

    private static final long START_LIMIT_SECONDS = 120;
    private static final String LISTENING = "orderhooks engine API listening on ";

    private final ChildJvm child;
    private final String baseUrl;
    private final List<String> output;

    private ChildEngine(ChildJvm child, String baseUrl, List<String> output) {
        this.child = child;
        this.baseUrl = baseUrl;
        this.output = output;
    }

    /** Starts {@code engine --data dataDir --port port} plus {@code extra} and waits until it listens. */
    static ChildEngine start(Path dataDir, int port, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("engine", "--port", String.valueOf(port), "--data", dataDir.toString(),
                "--admin-client-secret", "admin-secret"));
        args.addAll(List.of(extra));
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        ChildJvm child = ChildJvm.start(ChildJvm.command(List.of(), args), output, LISTENING,
                Duration.ofSeconds(START_LIMIT_SECONDS));
        return new ChildEngine(child, child.readyLine().substring(LISTENING.length()).trim(), output);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        child.kill();
    }

    /** SIGTERM, as Ctrl-C: the engine closes (store included) before the JVM exits. */
    @Override
    public void close() throws InterruptedException {
        child.stop(Duration.ofSeconds(60));
    }
}
