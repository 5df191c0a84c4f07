package io.orderhooks.engine.internal.collections.internal;

import java.time.OffsetDateTime;

/** One product of a collection as stored. */
public record StoredEntry(String productID, int listOrder, OffsetDateTime dateAdded) {}
