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

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void write_inADeferredFolder_recordsSizeAndSha256AsWritten_untilTheFileChangesOrTheDeferralEnds(@TempDir Path dir)
            throws Exception {
        Path staging = dir.resolve("staging");
        Path other = dir.resolve("other.csv");
        AtomicFiles.deferFlush(staging);
        try {
            byte[] big = new byte[200_000]; // more than one buffer of a writer that streams
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31 + i / 7);
            }
            Path file = staging.resolve("figure.svg");
            AtomicFiles.write(file, out -> {
                out.write(big, 0, 70_000);
                out.write(big[70_000]);
                out.write(big, 70_001, big.length - 70_001);
            });
            AtomicFiles.Written w = AtomicFiles.written(file);
            assertThat(w.bytes()).isEqualTo(200_000);
            assertThat(w.sha256()).isEqualTo(sha256(big)).isEqualTo(sha256(Files.readAllBytes(file)));
            assertThat(w.describes(file)).isTrue();
            AtomicFiles.write(file, "second".getBytes(StandardCharsets.UTF_8));
            assertThat(AtomicFiles.written(file).sha256()).isEqualTo(sha256("second".getBytes(StandardCharsets.UTF_8)));
            assertThat(AtomicFiles.written(file).describes(file)).isTrue();
            // rewritten by another route: another size, or the same size at another time
            Files.writeString(file, "a longer text");
            assertThat(AtomicFiles.written(file).describes(file)).isFalse();
            AtomicFiles.write(file, "second".getBytes(StandardCharsets.UTF_8));
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
            assertThat(AtomicFiles.written(file).describes(file)).isFalse();
            AtomicFiles.write(other, new byte[] {1});
            assertThat(AtomicFiles.written(other)).as("not a deferred folder").isNull();
        } finally {
            AtomicFiles.endDeferFlush(staging);
        }
        assertThat(AtomicFiles.written(staging.resolve("figure.svg"))).as("after the deferral").isNull();
    }
}
