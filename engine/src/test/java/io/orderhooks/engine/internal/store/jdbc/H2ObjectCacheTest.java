package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's H2 store runs with H2's value cache off ({@code h2.objectCache=false}, {@link JdbcStores}) unless the
 * JVM was started with the property: checked in a fresh JVM each (the property is read once per JVM, by the first use
 * of H2, which in this test JVM another test may have made already).
 */
class H2ObjectCacheTest {

    @TempDir
    Path dir;

    @Test
    void anEngineJvmOpensItsH2StoreWithH2sValueCacheOff() throws Exception {
        assertThat(childSays(null)).isEqualTo("objectCache=false problem=null");
    }

    @Test
    void anOperatorsOwnSettingIsKept() throws Exception {
        assertThat(childSays("true")).isEqualTo("objectCache=true problem=null");
    }

    private String childSays(String property) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (property != null) {
            command.add("-D" + JdbcStores.H2_OBJECT_CACHE + "=" + property);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
            assertThat(child.exitValue()).isZero();
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } finally {
            child.destroyForcibly();
        }
    }

    /** Opens an engine H2 store in the folder given, then prints what H2 read of the property and the store's state. */
    public static final class Child {
        public static void main(String[] args) {
            try (JdbcStore store = JdbcStores.h2(Path.of(args[0]))) {
                System.out.println("objectCache=" + org.h2.engine.SysProperties.OBJECT_CACHE + " problem=" + store.problem());
            }
        }
    }
}
