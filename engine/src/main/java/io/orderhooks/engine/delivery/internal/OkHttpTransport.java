package io.orderhooks.engine.delivery.internal;

import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Okio;

/**
 * POSTs with OkHttp. The time limit is the call's own timeout, which spans connecting, writing, waiting
 * and reading the body, so a receiver that trickles its answer is cut off too. A pooled connection found closed by
 * the other side before the request was written ({@link StaleConnectionGuard}) is dropped and the request goes out
 * on another one within the same time limit: nothing had been sent, so this is not a retry of a delivery.
 */
public final class OkHttpTransport implements Transport {

    /**
     * Asked for {@code identity} unless the request names its own: OkHttp would otherwise ask for gzip, and a receiver
     * (Javalin compresses answers of 1.5 KB and more by default) would spend CPU compressing answers that the sender
     * spends CPU inflating, for answers of a few KB on a fast network. An answer gzipped anyway is still read.
     */
    static final String ACCEPT_ENCODING = "Accept-Encoding";

    /** Dead pooled connections one exchange may discard before it reports the receiver unreachable. */
    static final int MAX_STALE_CONNECTIONS = 128;

    private final OkHttpClient client;
    private final int maxResponseBytes;

    public OkHttpTransport(OkHttpClient client, int maxResponseBytes) {
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
        }
        java.util.Objects.requireNonNull(client, "client");
        this.client = client.networkInterceptors().stream().anyMatch(StaleConnectionGuard.class::isInstance) ? client
                : client.newBuilder().addNetworkInterceptor(new StaleConnectionGuard()).build(); // same pool
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public DeliveryOutcome exchange(OutboundRequest request, Duration timeLimit) {
        long start = System.nanoTime();
        Request.Builder http = new Request.Builder().url(request.url());
        request.headers().forEach(http::header);
        if (request.headers().keySet().stream().noneMatch(ACCEPT_ENCODING::equalsIgnoreCase)) {
            http.header(ACCEPT_ENCODING, "identity");
        }
        // no MediaType: OkHttp would rewrite the charset's case; the request's own Content-Type header is sent as is
        http.post(RequestBody.create(request.body(), (MediaType) null));
        Request post = http.build();
        long deadline = start + timeLimit.toNanos();
        for (int stale = 0; ; stale++) {
            Call call = client.newCall(post);
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                return read(response, start);
            } catch (StaleConnectionGuard.StaleConnectionException e) {
                if (stale >= MAX_STALE_CONNECTIONS || System.nanoTime() >= deadline) {
                    return new DeliveryOutcome.Unreachable(describe(e), since(start));
                }
            } catch (InterruptedIOException e) {
                return new DeliveryOutcome.TimedOut(timeLimit, since(start));
            } catch (IOException | IllegalArgumentException e) {
                return new DeliveryOutcome.Unreachable(describe(e), since(start));
            }
        }
    }

    private DeliveryOutcome read(Response response, long start) throws IOException {
        ResponseBody body = response.body();
        int status = response.code();
        boolean gzipped = "gzip".equalsIgnoreCase(response.header("Content-Encoding")); // though identity was asked for
        if (!gzipped && body.contentLength() > maxResponseBytes) {
            return Answers.oversize(status, maxResponseBytes, since(start));
        }
        // the limit applies to the answer's bytes as read, inflated when gzipped (as OkHttp's own gzip handling was)
        BufferedSource source = gzipped ? Okio.buffer(new GzipSource(body.source())) : body.source();
        if (source.request(maxResponseBytes + 1L)) {
            return Answers.oversize(status, maxResponseBytes, since(start));
        }
        return Answers.of(status, source.readByteArray(), since(start));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
