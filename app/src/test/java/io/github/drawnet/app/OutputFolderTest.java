package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a command writes: the default folder's name, and refusals before any work. */
final class OutputFolderTest {

    static final Clock LEAP_DAY = Clock.fixed(Instant.parse("2024-02-29T23:59:58Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"blob, 20240229-235958-blob-djl", "my drawing.png, 20240229-235958-my_drawing-djl",
        "ring (v2).PNG, 20240229-235958-ring_v2_-djl", ".png, 20240229-235958-drawing-djl",
        "'', 20240229-235958-drawing-djl",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.png,"
            + " 20240229-235958-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-djl",
        "'a\u001b[2Jb\nc.png', 20240229-235958-a_2Jb_c-djl"})
    void open_noFolderGiven_drawnetOutTimeDrawingBackend_shortened(String drawing, String folder) throws IOException {
        Path expected = Paths.get("drawnet-out", folder);
        boolean baseExisted = Files.exists(io.github.drawnet.run.RunFolders.BASE);
        try (io.github.drawnet.io.RunFolder f = OutputFolder.open(null, false, LEAP_DAY, drawing, "djl", "run",
                java.util.List.of(), java.util.List.of())) {
            assertThat(f.given()).isEqualTo(expected);
            assertThat(f.dir()).isDirectory();
            // a second run in the same second gets a folder of its own
            try (io.github.drawnet.io.RunFolder g = OutputFolder.open(null, false, LEAP_DAY, drawing, "djl", "run",
                    java.util.List.of(), java.util.List.of())) {
                assertThat(g.given()).isEqualTo(Paths.get("drawnet-out", folder + "-2"));
            }
        } finally {
            for (Path p : new Path[] {expected, Paths.get("drawnet-out", folder + "-2")}) {
                Files.deleteIfExists(p.resolve(".drawnet.lock"));
                Files.deleteIfExists(p);
            }
            if (!baseExisted) {
                Files.deleteIfExists(io.github.drawnet.run.RunFolders.BASE);
            }
        }
    }

    @Test
    void open_folderGiven_usedAsIs_createdWithItsParents(@TempDir Path tmp) throws IOException {
        try (io.github.drawnet.io.RunFolder f = OutputFolder.open(tmp.resolve("a/b/c"), false, LEAP_DAY, "blob", "djl",
                "run", java.util.List.of(), java.util.List.of())) {
            assertThat(f.given()).isEqualTo(tmp.resolve("a/b/c"));
            assertThat(tmp.resolve("a/b/c")).isDirectory();
        }
    }

    @Test
    void prepare_emptyOrAFile_refusedNamingTheOption(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertThatThrownBy(() -> OutputFolder.prepare(file, "--export")).isInstanceOf(UserException.class)
                .hasMessage("output folder " + file + " is a file; give a folder with --export");
        assertThatThrownBy(() -> OutputFolder.prepare(Path.of(""), "--export")).isInstanceOf(UserException.class)
                .hasMessage("--export is empty; give the folder to write into");
        assertThat(OutputFolder.prepare(tmp.resolve("x/y"), "--export")).isDirectory();
    }
}
