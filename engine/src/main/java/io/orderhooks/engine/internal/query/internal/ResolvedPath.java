package io.orderhooks.engine.internal.query.internal;

/**
 * A property path checked against a schema: its canonical wire spelling, the kind of its values and
 * whether a list lies on the way (then the value read is an array of such values).
 */
public record ResolvedPath(String path, ValueKind kind, boolean list) {}
