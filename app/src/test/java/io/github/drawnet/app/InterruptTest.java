package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.io.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a long run, as a terminal sends it: SIGINT to the process. The first keeps what was
 * learned (training stops at the end of the epoch, the run is written as a stopped run, exit 130, one
 * line); a second quits at once. Before, a SIGINT after 5,410 of 100,000 epochs exited 130 with no
 * message and kept nothing.
 */
final class InterruptTest {

    static Process start(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.drawnet.app.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    /** Waits until the run has printed its {@code n}th epoch line. */
    static void awaitEpoch(Path dir, Process p, int n) throws Exception {
        awaitOutput(dir, p, "Epoch " + n + "/");
    }

    /** Waits until the process has printed {@code text} on standard output. */
    static void awaitOutput(Path dir, Process p, String text) throws Exception {
        for (int i = 0; i < 1200 && p.isAlive(); i++) {
            if (Files.exists(dir.resolve("out.txt")) && Files.readString(dir.resolve("out.txt")).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "': " + Files.readString(dir.resolve("err.txt")));
    }

    static void interrupt(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void ctrlC_stopsAtTheEndOfTheEpoch_andWritesTheStoppedRun_exit130(@TempDir Path dir) throws Exception {
        Process p = start(dir, "run", "--backend", "reference", "--epochs", "100000", "--train-size", "100",
                "--val-size", "20", "--test-size", "50", "--hidden", "2", "--out", "r");
        awaitEpoch(dir, p, 3);
        interrupt(p);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);

        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("r/metrics.json").toFile());
        int run = metrics.path("training").path("epochsRun").asInt();
        assertThat(run).isBetween(3, 99_999);
        assertThat(metrics.path("training").path("stopReason").asText()).isEqualTo("STOPPED");
        assertThat(metrics.path("history")).hasSize(run);
        assertThat(RunFolder.status(dir.resolve("r"))).isEqualTo(RunFolder.Status.FINISHED);
        assertThat(err).isEqualTo(String.join(System.lineSeparator(),
                "drawnet run: stopping after this epoch, keeping what was learned (Ctrl-C again to quit at once)",
                "drawnet run: stopped by Ctrl-C after epoch " + run + " of 100000; the run is written as a stopped run"
                        + " in r", ""));
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(out).contains("Epoch " + run + "/100000").doesNotContain("Epoch " + (run + 1) + "/")
                .contains("Metrics: r/metrics.json").contains("Accuracy on the test set: ");
    }

    @Test
    void ctrlCTwice_quitsAtOnce_exit130(@TempDir Path dir) throws Exception {
        // the second comes while the first waits for the epoch's end: a huge epoch on one thread
        Process p = start(dir, "run", "--backend", "reference", "--epochs", "3", "--train-size", "500000",
                "--val-size", "20", "--test-size", "50", "--batch", "1", "--hidden", "64", "--out", "r");
        awaitEpoch(dir, p, 1);
        interrupt(p);
        Thread.sleep(300);
        interrupt(p);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(Files.readString(dir.resolve("err.txt"))).as("the first asked to stop after the epoch")
                .startsWith("drawnet run: stopping after this epoch");
        assertThat(Files.readString(dir.resolve("out.txt"))).as("the second quit inside epoch 2")
                .doesNotContain("Epoch 2/3");
        assertThat(dir.resolve("r/metrics.json")).doesNotExist();
    }

    /**
     * Ctrl-C during {@code grade}: no cell starts after it, the cell training stops at the end of its epoch, and the
     * cells done are written with the rest marked not run. Before, the grading ended at once with nothing written.
     */
    @Test
    void grade_ctrlC_keepsTheCellsDone_stopsTheRunningOne_marksTheRestNotRun_exit130(@TempDir Path dir) throws Exception {
        GradeDrawings.write(dir.resolve("class/a.png"), io.github.drawnet.sampling.Preset.XOR, 32);
        GradeDrawings.write(dir.resolve("class/b.png"), io.github.drawnet.sampling.Preset.RING, 32);
        // cell 1 (a.png, 2 epochs) ends; cell 2 (a.png, 100,000 epochs) is training when Ctrl-C comes
        Process p = start(dir, "grade", "class", "--backend", "reference", "--parallel", "1", "--epochs", "2,100000",
                "--train-size", "100", "--val-size", "20", "--test-size", "50", "--hidden", "2", "--reports",
                "--formats", "none", "--out", "g");
        awaitOutput(dir, p, "cell 1/4 a.png on reference: test accuracy");
        Thread.sleep(500); // cell 2 trains a few epochs
        interrupt(p);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err).isEqualTo(String.join(System.lineSeparator(),
                "drawnet grade: stopping: no new cells, running ones after this epoch (Ctrl-C again to quit at once)",
                "drawnet grade: stopped by Ctrl-C; 1 trained, 0 failed, 0 diverged, 1 stopped, 2 not run; the cells"
                        + " done are written, the rest marked not run, in g", ""));
        List<String> csv = Files.readAllLines(dir.resolve("g/grades.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1)).startsWith("1,a.png,reference,").contains(",2,").endsWith(",ok,");
        String[] stopped = csv.get(2).split(",");
        int epochs = Integer.parseInt(stopped[stopped.length - 4]);
        assertThat(epochs).isBetween(1, 99_999);
        assertThat(csv.get(2)).startsWith("2,a.png,reference,").endsWith(",stopped,stopped on request after epoch "
                + epochs + " of 100000");
        assertThat(csv.get(3)).startsWith("3,b.png,reference,").endsWith(",NaN,NaN,NaN,NaN,NaN,0,0.000,not_run,"
                + "stopped before its turn");
        assertThat(csv.get(4)).startsWith("4,b.png,reference,").endsWith(",not_run,stopped before its turn");
        assertThat(Files.readString(dir.resolve("g/grades.html"))).contains("1 stopped, 2 not run (Ctrl-C).");
        assertThat(dir.resolve("g/reports/a/cell-2-reference/metrics.json")).isNotEmptyFile();
        assertThat(dir.resolve("g/reports/b")).doesNotExist();
        assertThat(RunFolder.status(dir.resolve("g"))).isEqualTo(RunFolder.Status.FINISHED);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("Graded 4 cells in ")
                .contains(": 1 trained, 0 failed, 0 diverged, 1 stopped, 2 not run");
    }

    @Test
    void sweep_ctrlC_keepsTheCellsDone_andStopsTheRunningOne_exit130(@TempDir Path dir) throws Exception {
        // cell 1 (2 epochs) ends; cell 2 (100,000 epochs) is training when Ctrl-C comes; cell 3 never starts
        Process p = start(dir, "sweep", "--preset", "halfplane", "--backend", "reference", "--parallel", "1",
                "--epochs", "2,100000,3", "--train-size", "100", "--val-size", "20", "--test-size", "50", "--hidden",
                "2", "--formats", "none", "--out", "s");
        awaitOutput(dir, p, "cell 1/3 ");
        Thread.sleep(500); // cell 2 trains a few epochs
        interrupt(p);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err).isEqualTo(String.join(System.lineSeparator(),
                "drawnet sweep: stopping: no new cells, running ones after this epoch (Ctrl-C again to quit at once)",
                "drawnet sweep: stopped by Ctrl-C after 2 of 3 cells (the last stopped after their epoch); the cells"
                        + " done are written in s", ""));
        List<String> csv = Files.readAllLines(dir.resolve("s/sweep.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("1,").contains(",2,completed,");
        assertThat(csv.get(2)).startsWith("2,").contains(",stopped,");
        assertThat(RunFolder.status(dir.resolve("s"))).isEqualTo(RunFolder.Status.FINISHED);
    }
}
