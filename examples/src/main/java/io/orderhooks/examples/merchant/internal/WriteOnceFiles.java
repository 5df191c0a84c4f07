package io.orderhooks.examples.merchant.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Publishes a file at most once, all or nothing: the bytes go to a hidden temp file in the same directory
 * ({@code .NAME.*.tmp}), are forced to disk, and the temp file is then hard-linked to its final name. A link
 * fails atomically when the name exists (unlike a rename, which replaces it on POSIX), so of several
 * writers, in one process or many, exactly one publishes and the others see {@code false}; a reader never
 * sees a partial file. On a file system without hard links it falls back to an atomic move after an
 * existence check, which keeps readers safe but lets two racing writers both succeed. Stateless.
 */
public final class WriteOnceFiles {

    private static final FileAttribute<?>[] READABLE = {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))};

    private WriteOnceFiles() {}

    /**
     * Writes {@code bytes} to {@code dir/name}, creating {@code dir} if needed, unless that file exists.
     *
     * @return true if this call created the file, false if it already existed (its content is untouched)
     * @throws IOException if the directory or file cannot be written; no temp file is left behind
     */
    public static boolean createOnce(Path dir, String name, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp", permissions(dir));
        try {
            write(temp, bytes);
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(target)) {
                    return false;
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            syncDirectory(dir);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes the new name durable; best effort, as not every platform can open a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the file itself is on disk; only the directory entry's durability is left to the OS
        }
    }

    private static FileAttribute<?>[] permissions(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix") ? READABLE : new FileAttribute<?>[0];
    }
}
