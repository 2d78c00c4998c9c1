package io.github.drawnet.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks of a folder a person names, before any work, and what a model's folder says of its run. */
final class RunFoldersTest {

    static final Clock LEAP_DAY = Clock.fixed(Instant.parse("2024-02-29T23:59:58Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"blob, 20240229-235958-blob-djl", "my drawing.png, 20240229-235958-my_drawing-djl",
        "ring (v2).PNG, 20240229-235958-ring_v2_-djl", ".png, 20240229-235958-drawing-djl",
        "'', 20240229-235958-drawing-djl",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.png,"
            + " 20240229-235958-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-djl",
        "'a\u001b[2Jb\nc.png', 20240229-235958-a_2Jb_c-djl"})
    void fresh_timeDrawingBackend_shortened_aSecondRunInTheSameSecondGetsItsOwn(String drawing, String folder,
            @TempDir Path base) throws IOException {
        try (RunFolder f = RunFolders.open(RunFolders.fresh(base, LEAP_DAY, drawing, "djl"), false, LEAP_DAY, "run",
                List.of(), List.of())) {
            assertThat(f.given()).isEqualTo(base.resolve(folder));
            assertThat(f.dir()).isDirectory();
            assertThat(RunFolders.fresh(base, LEAP_DAY, drawing, "djl")).isEqualTo(base.resolve(folder + "-2"));
        }
    }

    @Test
    void open_folderGiven_usedAsIs_createdWithItsParents(@TempDir Path tmp) throws IOException {
        try (RunFolder f = RunFolders.open(tmp.resolve("a/b/c"), false, LEAP_DAY, "run", List.of(), List.of())) {
            assertThat(f.given()).isEqualTo(tmp.resolve("a/b/c"));
            assertThat(tmp.resolve("a/b/c")).isDirectory();
        }
    }

    @Test
    void checkGiven_emptyTheWorkingFolderOrAFile_refusedNamingTheOptions(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken\n"), "x");
        assertThatThrownBy(() -> RunFolders.checkGiven(Path.of(""), false, "--out", "--force"))
                .isInstanceOf(RunFolderException.class).hasMessage("--out is empty; give the folder to write into");
        assertThatThrownBy(() -> RunFolders.checkGiven(Path.of("."), false, "--dir", "--yes"))
                .isInstanceOf(RunFolderException.class).hasMessage("output folder . is the working folder; add --yes"
                        + " to write the run's files into it, or give a folder of its own");
        assertThatThrownBy(() -> RunFolders.checkGiven(file, true, "--out", "--force"))
                .isInstanceOf(RunFolderException.class)
                .hasMessage("output folder " + tmp + "/taken\\n is a file; give a folder with --out");
    }

    @Test
    void checkGiven_aFolderOrTheWorkingFolderWithReplace_accepted_nothingMade(@TempDir Path tmp)
            throws IOException {
        Path dir = tmp.resolve("a/b");
        assertThat(RunFolders.checkGiven(dir, false, "--out", "--force")).isEqualTo(dir);
        assertThat(dir).doesNotExist();
        assertThat(RunFolders.checkGiven(Path.of("."), true, "--out", "--force")).isEqualTo(Path.of("."));
        assertThat(RunFolders.checkGiven(Path.of("").toAbsolutePath(), true, "--out", "--force")).isNotNull();
    }

    @Test
    void prepare_emptyOrAFile_refusedNamingTheOption_elseMadeWithItsParents(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertThatThrownBy(() -> RunFolders.prepare(file, "--export")).isInstanceOf(RunFolderException.class)
                .hasMessage("output folder " + file + " is a file; give a folder with --export");
        assertThatThrownBy(() -> RunFolders.prepare(Path.of(" "), "--export")).isInstanceOf(RunFolderException.class)
                .hasMessage("--export is empty; give the folder to write into");
        assertThat(RunFolders.prepare(tmp.resolve("x/y"), "--export")).isDirectory();
        assertThatThrownBy(() -> RunFolders.prepare(file.resolve("under"), "--export"))
                .isInstanceOf(RunFolderException.class)
                .hasMessageStartingWith("cannot create output folder " + file.resolve("under") + ": ");
    }

    @Test
    void unfinishedFolderOf_aModelInARunWhoseFilesChanged_namesTheFolder_elseNothing(@TempDir Path tmp)
            throws IOException {
        Path run = tmp.resolve("run");
        Path model = run.resolve("model.json");
        DrawingRunTest.halfPlane(1).out(run).save(model).writeFolder();
        assertThat(RunFolders.unfinishedFolderOf(model)).isEmpty();
        Files.delete(run.resolve("points.csv"));
        assertThat(RunFolders.unfinishedFolderOf(model)).contains(run.toAbsolutePath());
        assertThat(RunFolders.unfinishedFolderOf(tmp.resolve("model.json"))).as("not a run's folder").isEmpty();
        assertThat(RunFolders.unfinishedFolderOf(tmp.resolve("gone/model.json"))).as("no folder").isEmpty();
    }

    @Test
    void describe_theCommonFailures_inPlainWords() {
        assertThat(RunWriter.describe(new AccessDeniedException("/out"))).isEqualTo("permission denied");
        assertThat(RunWriter.describe(new FileAlreadyExistsException("/out")))
                .isEqualTo("a file of that name is in the way");
        assertThat(RunWriter.describe(new IOException("No space left on device")))
                .isEqualTo("IOException No space left on device");
        assertThat(RunWriter.describe(new java.nio.file.NotDirectoryException("/out/x")))
                .isEqualTo("NotDirectoryException /out/x");
        assertThat(RunWriter.describe(new IOException())).isEqualTo("IOException");
    }
}
