package io.orderhooks.core.observe;

/**
 * Something a receiver ({@link ReceiverEvent}), a sender ({@link DeliveryEvent}) or the engine
 * ({@link EngineEvent}) did. Events are immutable values; every tag they carry is of bounded cardinality (event
 * types, route templates, endpoint IDs, outcomes), never an order or user ID.
 */
public sealed interface ObservedEvent permits ReceiverEvent, DeliveryEvent, EngineEvent {}
