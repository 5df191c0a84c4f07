package io.orderhooks.engine.internal.api.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Node scripts from the repository's {@code sdk-compat/} folder, where the official OrderCloud
 * JavaScript SDK is pinned by {@code package-lock.json}. The first use installs it with {@code npm ci}
 * (from the npm registry), so the test command needs no separate set-up step.
 */
final class NodeScripts {

    /** What a script printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {}

    private static final Path DIR = locate();

    private NodeScripts() {}

    static Path dir() {
        return DIR;
    }

    /** Installs the pinned SDK once per checkout (skipped when {@code node_modules} is current). */
    static synchronized void install() throws IOException, InterruptedException {
        Path marker = DIR.resolve("node_modules/.package-lock.json");
        if (Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(
                Files.getLastModifiedTime(DIR.resolve("package-lock.json"))) >= 0) {
            return;
        }
        Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + r.stdout() + r.stderr());
        }
    }

    /** Runs {@code node script args...} with {@code env} added, bounded by {@code timeoutSeconds}. */
    static Result node(String script, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        install();
        return run(List.of("node", script), env, timeoutSeconds);
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("node-out", ".txt");
        Path err = Files.createTempFile("node-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(DIR.toFile())
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

    private static Path locate() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("sdk-compat/package-lock.json"))) {
                return p.resolve("sdk-compat");
            }
        }
        throw new IllegalStateException("sdk-compat/package-lock.json not found above " + here);
    }
}
