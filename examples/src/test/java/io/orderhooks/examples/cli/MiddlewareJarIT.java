package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.events.plugin.TaxCalculator;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real runnable jar ({@code target/orderhooks.jar}, built by {@code package}) started as a child JVM with
 * {@code middleware --plugins DIR}, DIR holding a plugin jar compiled here from source. Run by failsafe.
 */
class MiddlewareJarIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String TAX_SOURCE = """
            package com.example.tax;

            import io.orderhooks.events.plugin.TaxCalculator;
            import io.orderhooks.events.plugin.TaxRequest;
            import io.orderhooks.events.plugin.TaxResult;
            import java.math.BigDecimal;
            import java.math.RoundingMode;
            import java.util.LinkedHashMap;
            import java.util.Map;

            public final class SevenPercent implements TaxCalculator {
                @Override
                public TaxResult calculate(TaxRequest request) {
                    Map<String, BigDecimal> taxes = new LinkedHashMap<>();
                    request.worksheet().lineItems().forEach(line -> taxes.put(line.id(),
                            line.lineSubtotal().multiply(new BigDecimal("0.07")).setScale(2, RoundingMode.HALF_UP)));
                    return new TaxResult(taxes, BigDecimal.ZERO);
                }

                @Override
                public String name() {
                    return "seven-percent";
                }
            }
            """;

    @TempDir
    Path dir;

    private static Path runnableJar() {
        Path jar = Path.of(System.getProperty("orderhooks.jar", "target/orderhooks.jar"));
        assertThat(jar).as("the runnable jar (built by mvn package)").isRegularFile();
        return jar;
    }

    /** Compiles {@link #TAX_SOURCE} against the runnable jar (as a user would) and jars it with its service declaration. */
    private Path taxPluginFolder() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/com/example/tax")).resolve("SevenPercent.java");
        Files.writeString(src, TAX_SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--release", "17", "-d", classes.toString(),
                "-cp", runnableJar().toString(), src.toString());
        assertThat(compiled).as("javac exit code").isZero();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("seven-percent-tax.jar")));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + TaxCalculator.class.getName()));
            jar.write("com.example.tax.SevenPercent\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return plugins;
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", runnableJar().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Reads the child's output on a thread until a line matches, with a deadline. */
    private static Matcher awaitLine(Process process, Pattern pattern) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "middleware-stdout");
        reader.setDaemon(true);
        reader.start();
        Instant deadline = Instant.now().plus(STARTUP);
        StringBuilder seen = new StringBuilder();
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line matching " + pattern + " in:\n" + seen
                + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theRunnableJarServesATaxPluginJarFromThePluginsFolder() throws Exception {
        Process middleware = start("middleware", "--port", "0", "--hash-key", "it-key", "--plugins", taxPluginFolder().toString());
        try {
            String baseUrl = awaitLine(middleware, Pattern.compile("listening on (http://\\S+)")).group(1);
            byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o-it")
                    .line("LAMP", 2, "25.00").line("MUG", 1, "10.00").build()));

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/integration/ordercalculate")).header("Content-Type", "application/json")
                    .header(OcHash.HEADER, OcHash.sign("it-key", body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode calculated = OrderCloudJson.mapper().readTree(answer.body());
            assertThat(calculated.path("TaxTotal").decimalValue()).isEqualByComparingTo("4.20");
            assertThat(calculated.path("xp").path("Tax").path("Calculator").asText()).isEqualTo("seven-percent");
            assertThat(calculated.path("xp").path("Tax").path("LineTaxes").toString()).isEqualTo("{\"line1\":3.50,\"line2\":0.70}");
        } finally {
            middleware.destroy();
            middleware.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theRunnableJarAloneHasNoPluginsAndExitsWith2() throws Exception {
        Process middleware = start("middleware", "--port", "0", "--hash-key", "it-key");

        assertThat(middleware.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(middleware.exitValue()).isEqualTo(2);
        assertThat(new String(middleware.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("orderhooks middleware: no plugins found on the class path: pass --plugins DIR");
    }
}
