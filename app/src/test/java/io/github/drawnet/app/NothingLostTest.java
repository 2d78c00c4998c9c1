package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.sampling.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects hostile testing found (issue 15), each as it was met: outputs that replaced inputs,
 * folders that mixed runs, divergence misreported, files that hung or were misnamed. Each of these
 * tests failed before the fix.
 */
final class NothingLostTest {

    static final String[] SMALL = {"--train-size", "200", "--val-size", "50", "--test-size", "100", "--epochs", "2"};

    static String[] args(String... more) {
        return FaultsTest.args(more, SMALL);
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String line(String message) {
        return message + System.lineSeparator();
    }

    @Test
    void drawingNamedDrawingPng_outIsItsOwnFolder_refusedExit5EvenWithForce_drawingIntact(@TempDir Path dir)
            throws IOException {
        Path drawing = dir.resolve("drawing.png");
        ImageIO.write(Preset.RING.image(), "png", drawing.toFile());
        byte[] before = Files.readAllBytes(drawing);
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            List<String> a = new ArrayList<>(List.of(args("run", "--drawing", drawing.toString(), "--out",
                dir.toString())));
            a.addAll(List.of(extra));
            CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
            assertThat(r.err()).isEqualTo(line("drawnet run: the run would replace " + drawing.toAbsolutePath()
                    + ", which it reads; choose another output folder or move that file"));
            assertThat(r.out()).as("refused before any work").doesNotContain("Epoch");
        }
        assertThat(Files.readAllBytes(drawing)).isEqualTo(before);
        assertThat(names(dir)).containsExactly(".drawnet.lock", "drawing.png");
    }

    @Test
    void outEmpty_refusedExit5(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run(args("run", "--out", ""));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).isEqualTo(line("drawnet run: --out is empty; give the folder to write into"));
    }

    @Test
    void saveOverTheRunsOwnMetrics_refusedBeforeTraining(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o");
        CliRunner.Result r = CliRunner.run(args("run", "--out", out.toString(), "--save",
            out.resolve("metrics.json").toString()));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).isEqualTo(line("drawnet run: cannot save the model to " + out.resolve("metrics.json")
                + ": the run writes its own metrics.json there; give --save another name"));
        assertThat(r.out()).doesNotContain("Epoch");
        assertThat(out).as("the folder the refused run made is removed, not left holding a lock").doesNotExist();
        // inside the folder under a name of its own, the model belongs to the run's set
        CliRunner.Result ok = CliRunner.run(args("run", "--out", out.toString(), "--save",
            out.resolve("model.json").toString()));
        assertThat(ok.exitCode()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        List<String> listed = new ArrayList<>();
        manifest.path("files").forEach(f -> listed.add(f.path("name").asText()));
        assertThat(listed).contains("model.json", "metrics.json", "report.html");
        assertThat(RunFolder.status(out)).isEqualTo(RunFolder.Status.FINISHED);
    }

    @Test
    void runsIntoOneFolder_secondRefusedNamingTheFirst_forceReplacesTheOldSetWhole(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("o");
        Path model = dir.resolve("m.json");
        assertThat(CliRunner.run(args("run", "--out", dir.resolve("first").toString(), "--save", model.toString()))
                .exitCode()).isZero();
        // a continue leaves its model.json and continue-history figures in o
        assertThat(CliRunner.run("continue", model.toString(), "--epochs", "1", "--out", out.toString()).exitCode())
                .isZero();
        assertThat(names(out)).contains("model.json", "continue-history.png", "continue-history.svg");
        String firstRun = new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("run").asText();
        Files.writeString(out.resolve("notes.txt"), "the student's notes");

        CliRunner.Result refused = CliRunner.run(args("run", "--seed", "7", "--out", out.toString()));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(refused.err()).startsWith("drawnet run: output folder " + out + " holds the results of continue "
                + firstRun + " of ").endsWith("; add --force to replace them, or choose another folder"
                + System.lineSeparator());

        CliRunner.Result replaced = CliRunner.run(args("run", "--seed", "7", "--out", out.toString(), "--force"));
        assertThat(replaced.exitCode()).isZero();
        // no file of the continue is left beside the new run; the student's file stays
        assertThat(names(out)).doesNotContain("model.json", "continue-history.png", "continue-history.svg")
                .contains("notes.txt", "metrics.json", "report.html", "run.json");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/data/seed").asLong()).isEqualTo(7);
        assertThat(RunFolder.status(out)).isEqualTo(RunFolder.Status.FINISHED);
    }

    @Test
    void runIntoAFolderAnotherRunIsWriting_refusedNamingIt(@TempDir Path dir) throws IOException {
        try (RunFolder other = RunFolder.open(dir, "20261129-120000-4242", "sweep", false, List.of(), List.of())) {
            CliRunner.Result r = CliRunner.run(args("run", "--out", dir.toString()));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
            assertThat(r.err()).isEqualTo(line("drawnet run: output folder " + dir + " is in use by another run (sweep"
                    + " 20261129-120000-4242, process " + ProcessHandle.current().pid() + "); wait for it to finish or"
                    + " choose another folder"));
        }
    }

    @Test
    void adamAtAHugeLearningRate_lossFiniteButExploded_exit4NotCompleted(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o");
        CliRunner.Result r = CliRunner.run(args("run", "--lr", "1e30", "--out", out.toString()));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.err()).startsWith("drawnet run: training stopped at epoch 1: a training step's loss reached ")
                .contains(", more than 100 times the ");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/training/stopReason").asText()).isEqualTo("DIVERGED");
        // the training and validation losses are of one formula now: the same order of magnitude
        double train = metrics.at("/history/0/trainLoss").asDouble();
        double validation = metrics.at("/history/0/validationLoss").asDouble();
        assertThat(validation / train).isBetween(0.01, 100.0);
    }

    @Test
    void weightDecaySoLargeTheParametersBlowUp_exit4_epochsAndOutputsKept(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o");
        CliRunner.Result r = CliRunner.run(args("run", "--optimizer", "sgd", "--lr", "0.1", "--weight-decay", "1e30",
            "--out", out.toString(), "--save", dir.resolve("m.json").toString()));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.err()).startsWith("drawnet run: training stopped at epoch 1: ")
                .endsWith("; try a learning rate smaller than 0.1 or a weight decay smaller than 1.0E30"
                        + System.lineSeparator());
        assertThat(r.out()).contains("Model: not saved, the parameters are not finite after training diverged");
        assertThat(names(out)).contains("metrics.json", "history.csv", "report.html", "decision-boundary.png", "run.json");
        assertThat(Files.readAllLines(out.resolve("history.csv"))).hasSize(2);
        assertThat(dir.resolve("m.json")).doesNotExist();
    }

    @Test
    void fifoAsTheDrawing_refusedAtOnceNotAHang(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("drawing.png");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).isTrue();
        CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRunner.run(args("run", "--drawing", fifo.toString(), "--out", dir.resolve("o").toString())));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo(line("drawnet run: drawing file " + fifo + " is not a regular file (a FIFO, a"
                + " device or a socket); give a PNG file"));
    }

    @Test
    void oddDrawingPaths_eachNamedByItsRealCause(@TempDir Path dir) throws IOException {
        Path loop = dir.resolve("loop.png");
        Files.createSymbolicLink(loop, dir.resolve("other.png"));
        Files.createSymbolicLink(dir.resolve("other.png"), loop);
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.png"), dir.resolve("nothing.png"));
        String[][] cases = {
            {"", "drawnet run: drawing file '' is an empty name; give a PNG file"},
            {loop.toString(), "drawnet run: drawing file " + loop + " is a symbolic link that loops"},
            {dangling.toString(), "drawnet run: drawing file " + dangling + " is a symbolic link to nothing ("
                    + dir.resolve("nothing.png") + " does not exist)"},
            {dir.toString(), "drawnet run: drawing file " + dir + " is a folder; give a PNG file"},
        };
        for (String[] c : cases) {
            CliRunner.Result r = CliRunner.run(args("run", "--drawing", c[0], "--out", dir.resolve("o").toString()));
            assertThat(r.exitCode()).as(c[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(c[0]).isEqualTo(line(c[1]));
        }
    }

    @Test
    void controlCharactersInNames_escapedNotSentToTheTerminal(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("evil\u001b[2J\nname.png"), "not a png");
        CliRunner.Result r = CliRunner.run(args("run", "--drawing", bad.toString(), "--out", dir.resolve("o").toString()));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).doesNotContain("\u001b").contains("evil\\u001b[2J\\nname.png");
        assertThat(r.err().lines()).hasSize(1);

        // a model whose drawing's name holds an escape sequence
        Path model = dir.resolve("m.json");
        assertThat(CliRunner.run(args("run", "--out", dir.resolve("a").toString(), "--save", model.toString()))
                .exitCode()).isZero();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(model.toFile());
        ((ObjectNode) json.get("drawing")).put("name", "blob\u001b]0;pwned\u0007");
        new ObjectMapper().writeValue(model.toFile(), json);
        CliRunner.Result c = CliRunner.run("continue", model.toString(), "--epochs", "1", "--out",
                dir.resolve("b").toString());
        assertThat(c.exitCode()).isZero();
        assertThat(c.out()).doesNotContain("\u001b").contains("Drawing: blob\\u001b]0;pwned\\u0007 (256 x 256");
    }

    @Test
    void aRefusedSetting_namedAsTheUserSpelledIt(@TempDir Path dir) {
        String out = dir.resolve("o").toString();
        assertThat(CliRunner.run("run", "--learning-rate", "-1", "--out", out).err())
                .isEqualTo(line("drawnet run: --learning-rate must be a finite number > 0, got -1.0"));
        assertThat(CliRunner.run("run", "--lr=-1", "--out", out).err())
                .isEqualTo(line("drawnet run: --lr must be a finite number > 0, got -1.0"));
        assertThat(CliRunner.run("run", "--batch-size", "0", "--out", out).err())
                .isEqualTo(line("drawnet run: --batch-size must be in [1, 5000], got 0"));
        assertThat(CliRunner.run("sweep", "--learning-rate", "x", "--out", out).err())
                .isEqualTo(line("drawnet sweep: --learning-rate must be a number, got 'x'"));
    }

    /** The launcher's own logging (logback.xml, not the tests'): a refused run leaves no log file behind. */
    @Test
    void refusedRun_noLogFileLeft(@TempDir Path dir) throws Exception {
        Path config = Path.of("src", "main", "resources", "logback.xml").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=" + config,
                "io.github.drawnet.app.Main", "run", "--lr", "-1"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(names(dir)).containsExactly("output.txt");
    }

    @Test
    void continueSavedOntoTheModelItReads_refused_noFolderLeft(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m/model.json");
        assertThat(CliRunner.run(args("run", "--out", dir.resolve("m").toString(), "--save", model.toString()))
                .exitCode()).isZero();
        byte[] before = Files.readAllBytes(model);
        Path out = dir.resolve("c");
        CliRunner.Result r = CliRunner.run("continue", model.toString(), "--epochs", "1", "--out", out.toString(),
                "--save", model.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).isEqualTo(line("drawnet continue: cannot save the model to " + model
                + ": the run reads that file; give --save another name"));
        assertThat(out).as("before: an empty folder holding a lock was left").doesNotExist();
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }
}
