package io.orderhooks.engine.internal.api.sdk;

import io.orderhooks.engine.internal.api.testing.NodeProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs Node scripts from the repository's {@code sdk-compat/} folder, where the official OrderCloud
 * JavaScript SDK is pinned by {@code package-lock.json}. The first use installs it with {@code npm ci}
 * (from the npm registry), so the test command needs no separate set-up step.
 */
final class NodeScripts {

    /** What a script printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {}

    private static final NodeProject PROJECT = NodeProject.locate("sdk-compat");

    private NodeScripts() {}

    static Path dir() {
        return PROJECT.dir();
    }

    /** Installs the pinned SDK once per checkout (skipped when {@code node_modules} is current). */
    static void install() throws IOException, InterruptedException {
        PROJECT.install();
    }

    /** Runs {@code node script args...} with {@code env} added, bounded by {@code timeoutSeconds}. */
    static Result node(String script, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        PROJECT.install();
        NodeProject.Result r = PROJECT.run(List.of("node", script), env, timeoutSeconds);
        return new Result(r.exitCode(), r.stdout(), r.stderr());
    }
}
