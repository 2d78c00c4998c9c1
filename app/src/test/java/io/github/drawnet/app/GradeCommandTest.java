package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.spi.NativePlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class GradeCommandTest {

    @TempDir
    static Path dir;

    static Path folder;

    @BeforeAll
    static void drawings() throws IOException {
        folder = GradeDrawings.folder(dir.resolve("class"));
    }

    static CliRunner.Result grade(String... more) {
        return CliRunner.run(GradeDrawings.concat(GradeDrawings.concat(new String[] {"grade", folder.toString()},
                GradeDrawings.SMALL), more));
    }

    /** Linux on RISC-V (simulated), where neither engine has a native library: the reference backend grades. */
    @Test
    void grade_noEngineRunsOnThisPlatform_gradesOnTheReferenceBackend_saysSoInOneLine() throws IOException {
        Path out = dir.resolve("riscv");
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        CliRunner.Result r;
        try {
            r = grade("--out", out.toString());
        } finally {
            System.clearProperty(NativePlatform.PROPERTY);
        }
        assertThat(r.err()).isEqualTo("drawnet grade: djl and dl4j cannot run on linux-riscv64 (no native library for"
                + " it); using backend reference: plain-Java reference network (double precision)"
                + System.lineSeparator());
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readAllLines(out.resolve("grades.csv")).subList(1, 7))
                .allSatisfy(row -> assertThat(row.split(",")[2]).isEqualTo("reference"));
    }

    /** The grid is read as sweep reads it: the old spelling of one network, 8-4, is refused before anything is written. */
    @Test
    void grade_oldHiddenSpelling_refusedNamingTheValueAndTheNewSpelling_nothingWritten() {
        Path out = dir.resolve("old");
        CliRunner.Result r = grade("--backend", "reference", "--hidden", "8-4", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet grade: --hidden 8-4: write one network's layer sizes with commas (8,4)"
                + " and separate networks with ';' (e.g. '4;8,4')" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void grade_folder_writesARowPerDrawingAndSetting_badPngFailsItsRowWithRunsMessage() throws IOException {
        Path out = dir.resolve("out");
        CliRunner.Result r = grade("--backend", "reference", "--hidden", "2;5", "--parallel", "2", "--out",
                out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Grading 12 cells: 6 drawings from " + folder
                + " x 1 backend x 2 settings; engine local (up to 2 cells at once)")
                .contains("Graded 12 cells in").contains(": 10 trained, 2 failed, 0 diverged")
                .contains("Grades: " + out.resolve("grades.csv")).contains("Overview: " + out.resolve("grades.html"));
        List<String> csv = Files.readAllLines(out.resolve("grades.csv"));
        assertThat(csv).hasSize(13);
        assertThat(csv.get(1)).startsWith("1,ann/blob.png,reference,2,sigmoid,\"x1,x2\",adam,0.01,24,3,0.0,")
                .endsWith(",ok,");
        assertThat(csv.get(2)).startsWith("2,ann/blob.png,reference,5,");

        // the failed row says what 'drawnet run --drawing' says about the same file
        CliRunner.Result run = CliRunner.run("run", "--drawing", folder.resolve("cy/broken.png").toString(), "--out",
                dir.resolve("run").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        String runs = run.err().strip().substring("drawnet run: ".length());
        assertThat(runs).startsWith("drawing broken.png is not a readable image");
        assertThat(csv.get(9)).startsWith("9,cy/broken.png,reference,2,").endsWith(",0,"
                + csv.get(9).split(",")[19] + ",failed," + runs);
        assertThat(csv.get(10)).startsWith("10,cy/broken.png,reference,5,").endsWith(",failed," + runs);
        assertThat(r.out()).contains("cy/broken.png on reference: failed: " + runs);
        assertThat(Files.readString(out.resolve("grades.html"))).contains(runs).contains("engine local");
    }

    @Test
    void grade_reports_writesEachCellsReport() throws IOException {
        Path one = dir.resolve("one");
        GradeDrawings.write(one.resolve("dee/xor.png"), io.github.drawnet.sampling.Preset.XOR, 32);
        Path out = dir.resolve("reports-out");
        CliRunner.Result r = CliRunner.run(GradeDrawings.concat(new String[] {"grade", one.toString(), "--backend",
            "reference", "--out", out.toString(), "--reports"}, GradeDrawings.SMALL));
        assertThat(r.exitCode()).isZero();
        assertThat(out.resolve("reports/dee/xor/cell-1-reference/report.html")).isNotEmptyFile();
        assertThat(out.resolve("reports/dee/xor/cell-1-reference/metrics.json")).isNotEmptyFile();
        assertThat(r.out()).contains("Reports: " + out.resolve("reports"));
    }

    /** The reports are part of the run's set: listed in run.json, and replaced whole by a --force rerun. */
    @Test
    void grade_reports_areListedInRunJson_andAForceRerunLeavesNoStaleReport() throws IOException {
        Path two = dir.resolve("two");
        GradeDrawings.write(two.resolve("dee/xor.png"), io.github.drawnet.sampling.Preset.XOR, 32);
        GradeDrawings.write(two.resolve("eve/ring.png"), io.github.drawnet.sampling.Preset.RING, 32);
        Path out = dir.resolve("set-out");
        String[] args = GradeDrawings.concat(new String[] {"grade", two.toString(), "--backend", "reference", "--out",
            out.toString(), "--reports", "--formats", "png"}, GradeDrawings.SMALL);
        assertThat(CliRunner.run(args).exitCode()).isZero();
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("run.json").toFile());
        List<String> listed = new java.util.ArrayList<>();
        m.path("files").forEach(f -> listed.add(f.path("name").asText()));
        assertThat(listed).contains("grades.csv", "grades.html", "reports/dee/xor/cell-1-reference/metrics.json",
                "reports/dee/xor/cell-1-reference/decision-boundary.png", "reports/eve/ring/cell-2-reference/report.html");
        assertThat(io.github.drawnet.io.RunFolder.status(out)).isEqualTo(io.github.drawnet.io.RunFolder.Status.FINISHED);

        Files.delete(two.resolve("eve/ring.png"));
        CliRunner.Result again = CliRunner.run(GradeDrawings.concat(args, "--force"));
        assertThat(again.exitCode()).isZero();
        assertThat(out.resolve("reports/dee/xor/cell-1-reference/metrics.json")).isNotEmptyFile();
        assertThat(out.resolve("reports/eve")).as("the old run's reports go with it").doesNotExist();
        assertThat(io.github.drawnet.io.RunFolder.status(out)).isEqualTo(io.github.drawnet.io.RunFolder.Status.FINISHED);
    }

    @Test
    void grade_saveModels_savesEachCellsModelInItsReport_aModelContinueReads() throws IOException {
        Path one = dir.resolve("models");
        GradeDrawings.write(one.resolve("dee/xor.png"), io.github.drawnet.sampling.Preset.XOR, 32);
        Path out = dir.resolve("models-out");
        CliRunner.Result r = CliRunner.run(GradeDrawings.concat(new String[] {"grade", one.toString(), "--backend",
            "reference", "--out", out.toString(), "--save-models", "--no-report", "--formats", "none"},
                GradeDrawings.SMALL));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        Path model = out.resolve("reports/dee/xor/cell-1-reference/model.json");
        io.github.drawnet.io.SavedModel saved = io.github.drawnet.io.SavedModel.read(model);
        assertThat(saved.backendId()).isEqualTo("reference");
        assertThat(saved.drawing().name()).isEqualTo("xor.png");
        assertThat(saved.history().size()).as("the cell's 3 epochs").isEqualTo(3);
        assertThat(Files.readString(out.resolve("run.json"))).contains("reports/dee/xor/cell-1-reference/model.json");
        CliRunner.Result more = CliRunner.run("continue", model.toString(), "--epochs", "2", "--out",
                dir.resolve("models-continued").toString(), "--formats", "none", "--no-report");
        assertThat(more.exitCode()).as(more.err()).isZero();
    }

    /** An --out inside the graded folder: a --force rerun graded its own figures as drawings and overwrote them. */
    @ParameterizedTest
    @CsvSource({"graded", "graded/results", "graded/./dee/../results"})
    void grade_outInsideTheGradedFolder_refusedNamingBoth_nothingWritten(String where) throws IOException {
        Path graded = dir.resolve("graded");
        GradeDrawings.write(graded.resolve("dee/xor.png"), io.github.drawnet.sampling.Preset.XOR, 32);
        Path out = dir.resolve(where);
        CliRunner.Result r = CliRunner.run(GradeDrawings.concat(new String[] {"grade", graded.toString(), "--backend",
            "reference", "--out", out.toString(), "--force"}, GradeDrawings.SMALL));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet grade: output folder " + out + " is inside the graded folder " + graded
                + ": its figures would be graded as drawings; choose an output folder outside it"
                + System.lineSeparator());
        try (java.util.stream.Stream<Path> files = Files.walk(graded)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(graded.resolve("dee/xor.png"));
        }
    }

    @Test
    void grade_sparkWithoutSparkOnTheClassPath_saysHowToGetIt() {
        // this module's class path is the default one: no Spark, no spark module
        CliRunner.Result r = grade("--backend", "reference", "--engine", "spark", "--out", dir.resolve("s").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet grade: unknown engine 'spark'; available: local; the spark engine"
                + " (drawnet-spark and Apache Spark) is not on the class path: run through the drawnet launcher, which"
                + " adds it for --engine spark" + System.lineSeparator());
        assertThat(dir.resolve("s")).doesNotExist();
    }

    /** A batch given for a small training set is checked as given, as run checks it, not the default's 24. */
    @Test
    void grade_smallTrainingSetWithAFittingBatch_accepted_asRunAcceptsIt() throws IOException {
        CliRunner.Result r = CliRunner.run("grade", folder.toString(), "--train-size", "20", "--val-size", "20",
                "--test-size", "20", "--batch", "10", "--epochs", "1", "--backend", "reference", "--out",
                dir.resolve("small-batch").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("small-batch/grades.csv"))).contains(",10,1,");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "missing|--engine local|folder %s does not exist; give a folder of PNG drawings",
        "empty|--engine local|folder %s holds no drawing; give a folder with .png files (subfolders are searched too)",
        "class|--engine hadoop|unknown engine 'hadoop'; available: local",
        "class|--master local[2]|--master is for --engine spark; add --engine spark or drop --master",
        "class|--lr 0.1,-1|--lr must be a finite number > 0, got -1.0",
        "class|--parallel 0|--parallel must be in [1, 64], got 0",
        "class|--train-size 20 --batch 30|--batch must be in [1, 20], got 30",
        "class|--backend tensorflow|unknown backend 'tensorflow'",
    })
    void grade_badInput_oneLineNamingTheValue_exit2(String which, String options, String message) throws IOException {
        Path target = switch (which) {
            case "missing" -> dir.resolve("no-such-folder");
            case "empty" -> Files.createDirectories(dir.resolve("empty"));
            default -> folder;
        };
        String[] args = GradeDrawings.concat(new String[] {"grade", target.toString(), "--out",
            dir.resolve("bad-" + which).toString()}, options.split(" "));
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("drawnet grade: " + String.format(message, target)).doesNotContain("\tat ")
                .hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }
}
