package io.orderhooks.core.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, case-insensitive HTTP headers, as several frameworks hand them over. */
public final class HttpHeaders {

    private static final HttpHeaders EMPTY = new HttpHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> values;

    private HttpHeaders(TreeMap<String, List<String>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** Headers with several values per name. */
    public static HttpHeaders ofMulti(Map<String, ? extends List<String>> source) {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((name, list) -> {
            if (name != null && list != null) {
                map.merge(name, List.copyOf(list), HttpHeaders::concat);
            }
        });
        return new HttpHeaders(map);
    }

    /** Two spellings of one name (e.g. {@code Accept} and {@code accept}): their values in order, one list. */
    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new java.util.ArrayList<>(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    /** Headers with one value per name. */
    public static HttpHeaders of(Map<String, String> source) {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((name, value) -> {
            if (name != null && value != null) {
                map.put(name, List.of(value));
            }
        });
        return new HttpHeaders(map);
    }

    /** Convenience for tests and small call sites: {@code of("X-oc-hash", h, "Content-Type", t)}. */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return new HttpHeaders(map);
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Map<String, List<String>> asMap() {
        return values;
    }
}
