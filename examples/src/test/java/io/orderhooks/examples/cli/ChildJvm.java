package io.orderhooks.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A child JVM on this JVM's class path whose output (stdout and stderr) is collected line by line. */
record ChildJvm(Process process, String readyLine) {

    /** {@code java [jvmOptions] -cp <this class path> io.orderhooks.examples.Main [args]}. */
    static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.orderhooks.examples.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Starts {@code cmd}, appends every output line to {@code output}, and waits (at most {@code limit}) for a line
     * starting with {@code readyPrefix}; kills the process and fails with its output when none comes.
     */
    static ChildJvm start(List<String> cmd, List<String> output, String readyPrefix, Duration limit)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(readyPrefix)) {
                return new ChildJvm(p, line);
            }
            if (line == null && !p.isAlive()) {
                break;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the child JVM did not start: " + String.join("\n", output));
    }

    /** SIGKILL: no shutdown hook runs; waits (at most 30 s) until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (as Ctrl-C: shutdown hooks run), then SIGKILL when it has not ended within {@code grace}. */
    void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }
}
