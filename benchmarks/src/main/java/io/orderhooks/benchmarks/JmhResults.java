package io.orderhooks.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The rows of a JMH JSON result file ({@code -rf json}). Immutable. */
record JmhResults(List<Row> rows) {

    /** One benchmark at one parameter set: score and 99.9% error in {@code unit}. */
    record Row(String benchmark, Map<String, String> params, double score, double error, String unit, String mode) {

        /** {@code DispatcherBenchmark.signedOrderCalculate}. */
        String shortName() {
            String[] parts = benchmark.split("\\.");
            return parts[parts.length - 2] + "." + parts[parts.length - 1];
        }

        String paramText() {
            return params.isEmpty() ? "" : params.toString().replaceAll("[{}]", "");
        }
    }

    /**
     * The rows of every file of {@code files} that exists, in order (e.g. one JMH run per benchmark class); empty
     * when none exists.
     */
    static Optional<JmhResults> readAll(List<Path> files) throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean any = false;
        for (Path file : files) {
            if (Files.exists(file)) {
                rows.addAll(read(file).rows());
                any = true;
            }
        }
        return any ? Optional.of(new JmhResults(List.copyOf(rows))) : Optional.empty();
    }

    static JmhResults read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode run : OrderCloudJson.mapper().readTree(file.toFile())) {
            Map<String, String> params = new TreeMap<>();
            run.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            JsonNode metric = run.path("primaryMetric");
            rows.add(new Row(run.path("benchmark").asText(), params, metric.path("score").asDouble(),
                    metric.path("scoreError").asDouble(Double.NaN), metric.path("scoreUnit").asText(), run.path("mode").asText()));
        }
        return new JmhResults(List.copyOf(rows));
    }

    /** The score of {@code shortName} (e.g. {@code EngineCheckoutBenchmark.checkout}) where {@code param=value}. */
    Optional<Row> find(String shortName, String param, String value) {
        return find(shortName, Map.of(param, value));
    }

    /** The score of {@code shortName} whose parameters include every one of {@code params}. */
    Optional<Row> find(String shortName, Map<String, String> params) {
        return rows.stream().filter(r -> r.shortName().equals(shortName)
                && r.params().entrySet().containsAll(params.entrySet())).findFirst();
    }
}
