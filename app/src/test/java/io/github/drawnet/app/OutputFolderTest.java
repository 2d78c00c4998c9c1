package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a command writes that is not a run's folder: refusals before any work (run folders: RunFoldersTest). */
final class OutputFolderTest {

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
