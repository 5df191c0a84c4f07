package io.orderhooks.engine.internal.api.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A folder of the repository with its own {@code package.json} + {@code package-lock.json} ({@code sdk-compat/}
 * pinning the OrderCloud JavaScript SDK, {@code ui-tests/} pinning {@code playwright-core}): installs it with {@code npm ci} on first use and runs commands in it with a
 * deadline, so the default test command needs no separate set-up step.
 */
public final class NodeProject {

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }
    }

    private final Path dir;

    private NodeProject(Path dir) {
        this.dir = dir;
    }

    /** The folder {@code name} in the first directory above the working directory that has it. */
    public static NodeProject locate(String name) {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(name).resolve("package-lock.json"))) {
                return new NodeProject(p.resolve(name));
            }
        }
        throw new IllegalStateException(name + "/package-lock.json not found above " + here);
    }

    public Path dir() {
        return dir;
    }

    /** {@code npm ci}, skipped when {@code node_modules} is newer than the lock file. */
    public synchronized void install() throws IOException, InterruptedException {
        Path marker = dir.resolve("node_modules/.package-lock.json");
        if (Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(
                Files.getLastModifiedTime(dir.resolve("package-lock.json"))) >= 0) {
            return;
        }
        Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("npm ci failed in " + dir + ":\n" + r.output());
        }
    }

    /** Runs {@code command} in the folder with {@code env} added, bounded by {@code timeoutSeconds}. */
    public Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("node-out", ".txt");
        Path err = Files.createTempFile("node-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s:\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
