package io.orderhooks.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, as {@code java -jar orderhooks.jar demo --exit} runs it, over real HTTP on random ports. */
class DemoStoryAcceptanceTest {

    @TempDir
    Path outbox;

    @Test
    void tellsTheInvitationStoryThroughTheEnginesApiAndStops() {
        StringWriter printed = new StringWriter();

        int exit = Main.commandLine().setOut(new PrintWriter(printed))
                .execute("demo", "--engine-port", "0", "--middleware-port", "0", "--outbox", outbox.toString(), "--exit");

        String out = printed.toString();
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("POST v1/integrationEvents merchant-checkout -> http://localhost:")
                .contains("collection team-lunch, invitation ")
                .contains("the middleware learned the invitation from its post-webhook")
                .contains("blocked by the pre-webhook (400 Webhook.Blocked): This invitation is for acme.example"
                        + " addresses; kim@other.org cannot accept it")
                .contains("accepted; Sam now sees collection team-lunch")
                .doesNotContain("Serving until Ctrl-C");
        // two accept attempts reach the guard; the invitation's creation reaches the directory
        assertThat(out).containsPattern("PRE_WEBHOOK DELIVERED\\s+2\\n").containsPattern("POST_WEBHOOK DELIVERED\\s+1\\n");
    }
}
