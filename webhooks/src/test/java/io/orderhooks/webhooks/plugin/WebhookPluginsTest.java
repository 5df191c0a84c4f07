package io.orderhooks.webhooks.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.WebhooksDispatcher;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookPluginsTest {

    /** Blocks adding a line of a discontinued product. */
    public static final class NoDiscontinued implements PreWebhookPlugin {
        @Override
        public List<WebhookRoute> routes() {
            return List.of(new WebhookRoute("v1/orders/{direction}/{orderID}/lineitems", "POST"));
        }

        @Override
        public PreWebhookResponse before(WebhookEvent event) {
            return PreWebhookResponse.proceed();
        }
    }

    /** Follows submits. */
    public static final class SubmitLog implements PostWebhookPlugin {
        @Override
        public List<WebhookRoute> routes() {
            return List.of(new WebhookRoute("v1/orders/{direction}/{orderID}/submit", "POST"),
                    new WebhookRoute("v1/orders/{direction}/{orderID}/approve", "POST"));
        }

        @Override
        public void after(WebhookEvent event) {}
    }

    private static void service(JarOutputStream out, Class<?> spi, Class<?> impl) throws IOException {
        out.putNextEntry(new JarEntry("META-INF/services/" + spi.getName()));
        out.write((impl.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void discoversPreAndPostPluginsDeclaredInAJarAndRegistersTheirRoutesByKind(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("hooks.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            service(out, PreWebhookPlugin.class, NoDiscontinued.class);
            service(out, PostWebhookPlugin.class, SubmitLog.class);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            WebhookPlugins found = WebhookPlugins.discover(loader);

            assertThat(found.pre()).extracting(PreWebhookPlugin::name).containsExactly("NoDiscontinued");
            assertThat(found.post()).extracting(PostWebhookPlugin::name).containsExactly("SubmitLog");
            try (WebhooksDispatcher pre = found.registerPreInto(WebhooksDispatcher.builder().hashKeys("k")).build();
                    WebhooksDispatcher post = found.registerPostInto(WebhooksDispatcher.builder().hashKeys("k")).build()) {
                assertThat(pre.health().bodyText()).isEqualTo("{\"Status\":\"OK\",\"Routes\":[{\"Verb\":\"POST\","
                        + "\"Route\":\"v1/orders/{direction}/{orderID}/lineitems\",\"Kind\":\"pre\"}]}");
                assertThat(post.routes()).containsExactly("POST v1/orders/{direction}/{orderID}/submit (post)",
                        "POST v1/orders/{direction}/{orderID}/approve (post)");
            }
        }
    }

    @Test
    void aPluginWithoutRoutesIsRefusedByName() {
        PreWebhookPlugin none = new PreWebhookPlugin() {
            @Override
            public List<WebhookRoute> routes() {
                return List.of();
            }

            @Override
            public PreWebhookResponse before(WebhookEvent event) {
                return PreWebhookResponse.proceed();
            }

            @Override
            public String name() {
                return "empty-guard";
            }
        };

        assertThatThrownBy(() -> WebhookPlugins.of(List.of(none), List.of()).registerPreInto(WebhooksDispatcher.builder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("webhook plugin empty-guard declares no routes");
    }

    @Test
    void twoPluginsClaimingOneRouteFailTheBuildNamingIt() {
        WebhookPlugins found = WebhookPlugins.of(List.of(new NoDiscontinued(), new NoDiscontinued()), List.of());

        assertThatThrownBy(() -> found.registerPreInto(WebhooksDispatcher.builder().hashKeys("k")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("POST v1/orders/{direction}/{orderID}/lineitems is registered twice");
    }
}
