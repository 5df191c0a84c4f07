package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A route template (no leading slash, e.g. {@code v1/orders/{direction}/{orderID}/submit}) and its verb. */
public record WebhookRoute(@JsonProperty("Route") String route, @JsonProperty("Verb") String verb) {}
