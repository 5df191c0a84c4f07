package io.orderhooks.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.signing.OcHash;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The load harness's parse floor: the least any correct {@code /ordercalculate} receiver does, as a bare Javalin
 * handler. It verifies {@code X-oc-hash} over the body bytes, parses them into a Jackson tree (decimals as
 * {@link BigDecimal}) and answers the sum over {@code OrderWorksheet.LineItems} of {@code LineTotal} × a flat rate,
 * rounded per line to the cent. No typed binding, no validation, no time limit, no logging.
 */
final class ParseFloor implements Handler {

    /** The flat tax rate the floor and the Node peer apply. */
    static final BigDecimal RATE = new BigDecimal("0.07");
    private static final byte[] UNAUTHORIZED = "{\"Errors\":[{\"ErrorCode\":\"Unauthorized\",\"Message\":\"bad X-oc-hash\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private final OcHash hash;

    ParseFloor(String hashKey) {
        this.hash = OcHash.withKey(hashKey);
    }

    @Override
    public void handle(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        if (!hash.verify(body, ctx.header(OcHash.HEADER))) {
            ctx.status(401).contentType("application/json").result(UNAUTHORIZED);
            return;
        }
        JsonNode root = OrderCloudJson.mapper().readTree(body);
        BigDecimal tax = BigDecimal.ZERO;
        for (JsonNode line : root.path("OrderWorksheet").path("LineItems")) {
            tax = tax.add(line.path("LineTotal").decimalValue().multiply(RATE).setScale(2, RoundingMode.HALF_UP));
        }
        ctx.contentType("application/json")
                .result("{\"TaxTotal\":" + tax.toPlainString() + ",\"ShippingTotal\":0}");
    }
}
