package io.orderhooks.examples.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus' text exposition format parsed into samples, for tests: {@code name{label="value",...} number}
 * lines; comments skipped; label values unescaped ({@code \\}, {@code \"}, {@code \n}).
 */
final class PrometheusText {

    /** One sample: metric name, labels (sorted by name) and value. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line.trim()));
            }
        }
        return new PrometheusText(samples);
    }

    /**
     * The value of the one sample named {@code name} whose labels include {@code labels} (name, value, ...).
     *
     * @throws AssertionError when none or several match
     */
    double value(String name, String... labels) {
        List<Sample> found = all(name, labels);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " " + List.of(labels) + ": " + found);
        }
        return found.get(0).value();
    }

    /** Every sample named {@code name} whose labels include {@code labels}. */
    List<Sample> all(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || brace > space) {
            return new Sample(line.substring(0, space), Map.of(), number(line.substring(space + 1)));
        }
        Map<String, String> labels = new TreeMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
        }
        return new Sample(line.substring(0, brace), labels, number(line.substring(i + 1).trim()));
    }

    private static double number(String rest) {
        String value = rest.split(" ")[0];
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
