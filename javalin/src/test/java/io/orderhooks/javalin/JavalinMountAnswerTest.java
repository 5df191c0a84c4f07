package io.orderhooks.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.orderhooks.core.http.Answer;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link JavalinMount} with a handler that answers through {@link RawHandler#handle(RawRequest, Answer)}. */
class JavalinMountAnswerTest {

    final HttpClient http = HttpClient.newHttpClient();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean returned = new AtomicBoolean();
    final AtomicReference<String> handlerThread = new AtomicReference<>();
    Javalin app;

    /** Answers from another thread at once, then keeps the request thread until released; or answers twice. */
    final RawHandler handler = new RawHandler() {
        @Override
        public RawResponse handle(RawRequest request) {
            throw new UnsupportedOperationException("the mount uses the asynchronous entry");
        }

        @Override
        public void handle(RawRequest request, Answer answer) {
            handlerThread.set(Thread.currentThread().getName());
            if (request.path().equals("/twice")) {
                answer.send(RawResponse.json(200, "{\"first\":true}".getBytes()));
                answer.send(RawResponse.json(500, "{\"second\":true}".getBytes()));
                return;
            }
            Thread other = new Thread(() -> answer.send(RawResponse.error(504, "Late", "answered from another thread")));
            other.start();
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException ignored) {
                    // keeps the request thread on purpose
                }
            }
            answer.send(RawResponse.json(200, "{\"late\":true}".getBytes()));
            returned.set(true);
        }
    };

    @AfterEach
    void stop() {
        release.countDown();
        app.stop();
    }

    HttpResponse<String> post(String path) throws Exception {
        app = app != null ? app : Javalin.create(cfg -> JavalinMount.mount(cfg.routes, "/hooks", () -> 1024, handler)).start(0);
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/hooks" + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerSentFromAnotherThreadReachesTheClientWhileTheRequestThreadIsStillBusy() throws Exception {
        HttpResponse<String> response = post("/stuck");

        assertThat(returned).as("the request thread is still inside the handler").isFalse();
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("\"ErrorCode\":\"Late\"").contains("answered from another thread");
        assertThat(handlerThread.get()).as("the handler runs on Jetty's request thread").isNotNull();
    }

    @Test
    void onlyTheFirstAnswerIsWritten() throws Exception {
        HttpResponse<String> response = post("/twice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"first\":true}");
    }
}
