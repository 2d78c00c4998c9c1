package io.github.drawnet.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What keeps a file from being read, named by its real cause; only regular files pass. */
final class InputFilesTest {

    @Test
    void regularReadableFile_noProblem(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.png"), "x");
        assertThat(InputFiles.problem(f, "a PNG file")).isNull();
        assertThat(InputFiles.problem(Files.createSymbolicLink(dir.resolve("link.png"), f), "a PNG file")).isNull();
    }

    @Test
    void eachProblem_namedByItsCause(@TempDir Path dir) throws Exception {
        assertThat(InputFiles.problem(Path.of(""), "a PNG file")).isEqualTo("is an empty name; give a PNG file");
        assertThat(InputFiles.problem(dir.resolve("missing.png"), "a PNG file")).isEqualTo("does not exist");
        assertThat(InputFiles.problem(dir, "a model file")).isEqualTo("is a folder; give a model file");
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.png"), dir.resolve("nothing.png"));
        assertThat(InputFiles.problem(dangling, "a PNG file"))
                .isEqualTo("is a symbolic link to nothing (" + dir.resolve("nothing.png") + " does not exist)");
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);
        assertThat(InputFiles.problem(a, "a PNG file")).isEqualTo("is a symbolic link that loops");
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).isTrue();
        assertThat(InputFiles.problem(fifo, "a PNG file"))
                .isEqualTo("is not a regular file (a FIFO, a device or a socket); give a PNG file");
        assertThat(InputFiles.problem(Path.of("/dev/null"), "a PNG file"))
                .isEqualTo("is not a regular file (a FIFO, a device or a socket); give a PNG file");
        assertThat(InputFiles.problem(dir.resolve("a-file/under"), "a PNG file")).isEqualTo("does not exist");
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertThat(InputFiles.problem(plain.resolve("under"), "a PNG file")).isEqualTo("cannot be read: Not a directory");
    }

    @Test
    void name_emptyQuoted_elseThePath() {
        assertThat(InputFiles.name(Path.of(""))).isEqualTo("''");
        assertThat(InputFiles.name(Path.of("a", "b.png"))).isEqualTo("a" + java.io.File.separator + "b.png");
    }
}
