package io.orderhooks.engine;

import java.util.Objects;
import java.util.function.Function;

/**
 * What the engine's sender choices share ({@link CheckoutIntegrations.Choice},
 * {@link WebhookSinks.Choice}): a description printed at start and how to build the part from the engine's
 * resources when the engine is created. Immutable.
 */
abstract class EngineChoice<T> {

    private final String description;
    private final Function<EngineResources, T> factory;

    EngineChoice(String description, Function<EngineResources, T> factory) {
        this.description = Objects.requireNonNull(description, "description");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    final T create(EngineResources resources) {
        return factory.apply(resources);
    }

    /** e.g. {@code memory} or {@code http}: what the engine prints at start. */
    @Override
    public final String toString() {
        return description;
    }
}
