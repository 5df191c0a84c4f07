package io.orderhooks.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code orderhooks middleware --demo-merchant} (the example merchant) in a child JVM on a fixed port, for tests that
 * kill and restart it on the same port. Its output (stdout and stderr; the example merchant's loggers at INFO) is
 * appended to {@code output}, which outlives the process: what a killed instance logged stays readable.
 */
final class ChildMiddleware implements AutoCloseable {

    private static final String LISTENING = "orderhooks middleware (example merchant) listening on ";

    private final ChildJvm child;

    private ChildMiddleware(ChildJvm child) {
        this.child = child;
    }

    /** Starts it with {@code args} after {@code middleware --demo-merchant --port port} and waits until it serves. */
    static ChildMiddleware start(int port, Path logConfig, List<String> output, String... args)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("middleware", "--demo-merchant", "--port", String.valueOf(port)));
        all.addAll(List.of(args));
        List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + logConfig);
        return new ChildMiddleware(ChildJvm.start(ChildJvm.command(jvm, all), output, LISTENING, Duration.ofMinutes(2)));
    }

    /** A logback configuration: warnings, and the example merchant's own INFO lines (exports, invitations recorded). */
    static Path logConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("middleware-logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="io.orderhooks.examples.merchant" level="INFO"/>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
    }

    /** SIGKILL: no shutdown hook runs, the kernel drops its sockets and PostgreSQL its sessions. */
    void kill() throws InterruptedException {
        child.kill();
    }

    @Override
    public void close() throws InterruptedException {
        child.stop(Duration.ofSeconds(30));
    }
}
