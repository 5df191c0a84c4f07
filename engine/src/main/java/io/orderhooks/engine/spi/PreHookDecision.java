package io.orderhooks.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pre-webhook's verdict on a request, after the sink applied the hook's failure policy.
 *
 * @param proceed whether the engine may apply the request
 * @param body what to relay to the caller when blocked (the hook's {@code body}, or a description of the
 *     failure)
 * @param outcome how the delivery itself went
 */
public record PreHookDecision(boolean proceed, JsonNode body, DeliveryOutcome outcome) {}
