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

/**
 * POSTs with OkHttp. The time limit is the call's own timeout, which spans connecting, writing, waiting
 * and reading the body, so a receiver that trickles its answer is cut off too.
 */
public final class OkHttpTransport implements Transport {

    private final OkHttpClient client;
    private final int maxResponseBytes;

    public OkHttpTransport(OkHttpClient client, int maxResponseBytes) {
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
        }
        this.client = java.util.Objects.requireNonNull(client, "client");
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public DeliveryOutcome exchange(OutboundRequest request, Duration timeLimit) {
        long start = System.nanoTime();
        Request.Builder http = new Request.Builder().url(request.url());
        request.headers().forEach(http::header);
        // no MediaType: OkHttp would rewrite the charset's case; the request's own Content-Type header is sent as is
        http.post(RequestBody.create(request.body(), (MediaType) null));
        Call call = client.newCall(http.build());
        call.timeout().timeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            return read(response, start);
        } catch (InterruptedIOException e) {
            return new DeliveryOutcome.TimedOut(timeLimit, since(start));
        } catch (IOException | IllegalArgumentException e) {
            return new DeliveryOutcome.Unreachable(describe(e), since(start));
        }
    }

    private DeliveryOutcome read(Response response, long start) throws IOException {
        ResponseBody body = response.body();
        int status = response.code();
        if (body.contentLength() > maxResponseBytes) {
            return Answers.oversize(status, maxResponseBytes, since(start));
        }
        BufferedSource source = body.source();
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
