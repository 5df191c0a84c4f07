package io.orderhooks.examples.merchant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteOnceFilesTest {

    @TempDir
    Path dir;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    long entries(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void createsTheFileInAFolderItCreatesAndLeavesNoTempFile() throws Exception {
        Path outbox = dir.resolve("nested/outbox");

        assertThat(WriteOnceFiles.createOnce(outbox, "a.json", utf8("{\"A\":1}"))).isTrue();

        assertThat(Files.readString(outbox.resolve("a.json"))).isEqualTo("{\"A\":1}");
        assertThat(entries(outbox)).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox.resolve("a.json")))).startsWith("rw-r--r");
    }

    @Test
    void losesToAnExistingFileWithoutTouchingIt() throws Exception {
        Files.writeString(dir.resolve("a.json"), "first");

        assertThat(WriteOnceFiles.createOnce(dir, "a.json", utf8("second"))).isFalse();

        assertThat(Files.readString(dir.resolve("a.json"))).isEqualTo("first");
        assertThat(entries(dir)).isEqualTo(1);
    }
}
