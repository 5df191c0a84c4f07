package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Tests one value read from an item (null when absent). Immutable and thread-safe. */
@FunctionalInterface
public interface Matcher {
    boolean matches(JsonNode value);
}
