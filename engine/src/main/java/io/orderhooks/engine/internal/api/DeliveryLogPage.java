package io.orderhooks.engine.internal.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The delivery-log page at {@code /ui/deliveries}: one static HTML file with vanilla JavaScript (a classpath
 * resource in the engine jar) that logs in through the engine's own {@code /oauth/token} and works over
 * {@code v1/deliveries} and {@code v1/deliveryBreakers}. The page itself holds no data and needs no token; the
 * token lives in the tab's memory only.
 */
final class DeliveryLogPage {

    static final String PATH = "/ui/deliveries";
    private static final String RESOURCE = "/io/orderhooks/engine/ui/deliveries.html";
    private static final byte[] HTML = load();

    private DeliveryLogPage() {}

    static void serve(Context ctx) {
        ctx.status(200);
        ctx.header("Content-Type", "text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'");
        ctx.result(HTML);
    }

    private static byte[] load() {
        try (InputStream in = DeliveryLogPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
