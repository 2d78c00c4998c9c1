package io.github.drawnet.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {

    @Test
    void write_failsHalfway_previousFileIntactAndNoTemporaryLeft(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.html");
        AtomicFiles.write(file, "the good report".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of a new rep".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage("No space left on device");
        assertThat(Files.readString(file)).isEqualTo("the good report");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void write_createsMissingFolders(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a/b/metrics.json");
        AtomicFiles.write(file, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void write_overExistingFile_keepsItsPermissions(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("private.json");
        AtomicFiles.write(file, new byte[] {1});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(file, new byte[] {2});
        assertThat(Files.readAllBytes(file)).containsExactly(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void write_newFile_readableByOthers_notOwnerOnlyLikeATemporaryFile(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("report.html");
        AtomicFiles.write(file, new byte[] {1});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }
}
