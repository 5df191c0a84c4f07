package io.orderhooks.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code orderhooks engine} in a child JVM (this JVM's classpath, {@code io.orderhooks.examples.Main}), for tests
 * that restart or kill an engine. {@link #close} stops it as Ctrl-C would (SIGTERM); {@link #kill} is SIGKILL.
 */
final class ChildEngine implements AutoCloseable {

    private static final long START_LIMIT_SECONDS = 120;

    private final Process process;
    private final String baseUrl;
    private final List<String> output;

    private ChildEngine(Process process, String baseUrl, List<String> output) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.output = output;
    }

    /** Starts {@code engine --data dataDir --port port} plus {@code extra} and waits until it listens. */
    static ChildEngine start(Path dataDir, int port, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.orderhooks.examples.Main", "engine",
                "--port", String.valueOf(port), "--data", dataDir.toString(), "--admin-client-secret", "admin-secret"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, "child-engine-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("orderhooks engine API listening on ")) {
                return new ChildEngine(p, line.substring("orderhooks engine API listening on ".length()).trim(), output);
            }
            if (line == null && !p.isAlive()) {
                break;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the child engine did not start: " + String.join("\n", output));
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
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C: the engine closes (store included) before the JVM exits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
