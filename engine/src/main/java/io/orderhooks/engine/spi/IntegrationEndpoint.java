package io.orderhooks.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Where and how the engine delivers checkout events: the delivery part of an {@code IntegrationEvent}.
 *
 * @param id the integration event's ID, used to name its circuit breaker and in the delivery log
 * @param url {@code CustomImplementationUrl}; the event suffix is appended to it
 * @param hashKey the key the payload is signed with ({@code X-oc-hash})
 * @param customAuthHeaderName optional extra header sent with every call
 * @param customAuthHeaderValue its value
 * @param configData the event's {@code ConfigData}, already placed in the payload
 */
public record IntegrationEndpoint(
        String id,
        String url,
        String hashKey,
        String customAuthHeaderName,
        String customAuthHeaderValue,
        JsonNode configData) {

    public IntegrationEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
    }
}
