package io.github.drawnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import io.github.drawnet.grading.GradeEngines;
import io.github.drawnet.grading.GradeListener;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeReport;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.grading.Grid;
import io.github.drawnet.grading.LocalGradeEngine;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.Preset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark engine against the local one, in Spark's local mode with two task threads: the same
 * rows, figure for figure, on DJL and DL4J; a corrupt PNG a failed row with the reader's message.
 */
final class SparkGradeEngineTest {

    static final ExperimentSettings SMALL = ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, "240")
            .with(Setting.VALIDATION_SIZE, "60").with(Setting.TEST_SIZE, "300").with(Setting.EPOCHS, "3");

    @TempDir
    static Path dir;

    static Path folder;

    @BeforeAll
    static void drawings() throws IOException {
        folder = dir.resolve("class");
        write(folder.resolve("ann/blob.png"), Preset.BLOB, 64);
        write(folder.resolve("ann/ring.png"), Preset.RING, 48);
        write(folder.resolve("ben/xor.png"), Preset.XOR, 40);
        write(folder.resolve("ben/halfplane.png"), Preset.HALF_PLANE, 32);
        write(folder.resolve("moons.png"), Preset.MOONS, 64);
        Files.createDirectories(folder.resolve("cy"));
        // a PNG's signature and the start of its header, then nothing
        Files.write(folder.resolve("cy/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    }

    static void write(Path file, Preset preset, int side) throws IOException {
        Drawing d = preset.drawing();
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                int a = Math.round(255 * d.coverage(col * d.width() / side, row * d.height() / side));
                img.setRGB(col, row, (a << 24) | 0x202020);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void spark_reportFiles_eachCellsReportHoldsOnlyTheChosenFiles() throws Exception {
        Path one = dir.resolve("one");
        write(one.resolve("moons.png"), Preset.MOONS, 32);
        Backends backends = Backends.discover();
        GradePlan plan = GradePlan.of(one, List.of(backends.get("djl")), SMALL, Grid.NONE);
        Path reports = dir.resolve("reports");
        GradeEngines.get("spark", backends).run(plan, new GradeOptions(1, null, false, reports,
                new ReportFiles(EnumSet.of(ReportFiles.Format.SVG), false)), GradeListener.NONE);
        try (Stream<Path> files = Files.list(reports.resolve("moons/cell-1-djl"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names).contains("metrics.json", "decision-boundary.svg")
                    .noneMatch(n -> n.endsWith(".png") || n.equals("report.html"));
        }
    }

    @Test
    void spark_and_local_sameGradesOnDjlAndDl4j_everyColumnButSeconds() throws Exception {
        Backends backends = Backends.discover();
        GradePlan plan = GradePlan.of(folder, List.of(backends.get("djl"), backends.get("dl4j")), SMALL, Grid.NONE);
        assertThat(plan.cells()).hasSize(12);

        List<GradeRow> local = new LocalGradeEngine(backends).run(plan, GradeOptions.threads(2), GradeListener.NONE);
        AtomicInteger progress = new AtomicInteger();
        List<GradeRow> spark = GradeEngines.get("spark", backends).run(plan, GradeOptions.threads(2),
                (done, total, row) -> progress.accumulateAndGet(done, Math::max));

        assertThat(progress.get()).isEqualTo(12);
        String localCsv = GradeReport.csv(local);
        String sparkCsv = GradeReport.csv(spark);
        assertThat(withoutSeconds(sparkCsv)).isEqualTo(withoutSeconds(localCsv));
        assertThat(localCsv.lines().skip(1)).allSatisfy(l -> assertThat(l).matches("\\d+,.*"));
        // every good drawing trained on both engines; the broken one failed on both, with the reader's words
        assertThat(spark).filteredOn(r -> r.status() == GradeRow.Status.OK).hasSize(10);
        List<GradeRow> failed = spark.stream().filter(r -> r.status() == GradeRow.Status.FAILED).toList();
        assertThat(failed).extracting(GradeRow::drawing).containsExactly("cy/broken.png", "cy/broken.png");
        String reader = messageOf(() -> DrawingReader.read(folder.resolve("cy/broken.png")));
        assertThat(failed).extracting(GradeRow::message).containsOnly(reader);
        assertThat(spark).extracting(GradeRow::backend).containsExactly("djl", "dl4j", "djl", "dl4j", "djl", "dl4j",
                "djl", "dl4j", "djl", "dl4j", "djl", "dl4j");
        // the same maps, byte for byte
        for (int i = 0; i < local.size(); i++) {
            assertThat(spark.get(i).mapPng()).isEqualTo(local.get(i).mapPng());
        }
        List<Path> files = GradeReport.write(dir.resolve("out"), plan, spark, "spark");
        assertThat(Files.readString(files.get(1))).contains("engine spark").contains("cy/broken.png");
    }

    @Test
    void conf_localMode_loopbackNoUiTwoThreads() {
        SparkConf conf = SparkGradeEngine.conf(GradeOptions.threads(2));
        assertThat(conf.get("spark.master")).isEqualTo("local[2]");
        assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
        SparkConf withUi = SparkGradeEngine.conf(new GradeOptions(3, "local[3,2]", true, null));
        assertThat(withUi.get("spark.master")).isEqualTo("local[3,2]");
        assertThat(withUi.get("spark.ui.enabled")).isEqualTo("true");
        SparkConf cluster = SparkGradeEngine.conf(new GradeOptions(3, "spark://10.0.0.1:7077", false, null));
        assertThat(cluster.contains("spark.driver.bindAddress")).isFalse(); // Spark binds to spark.driver.host
    }

    @Test
    void gradeJob_asSparkSubmitRunsIt_writesGrades() throws Exception {
        Path out = dir.resolve("job");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = GradeJob.run(new String[] {folder.toString(), "--out", out.toString(), "--backend", "reference",
            "--train-size", "200", "--val-size", "50", "--test-size", "200", "--epochs", "2", "--hidden", "2;3"},
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        assertThat(e.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        assertThat(o.toString(StandardCharsets.UTF_8)).contains("Graded 12 cells, 2 failed");
        List<String> csv = Files.readAllLines(out.resolve("grades.csv"));
        assertThat(csv).hasSize(13);
        assertThat(csv.get(1)).startsWith("1,ann/blob.png,reference,2,sigmoid,\"x1,x2\",adam,0.01,24,2,");
        assertThat(csv.get(2)).startsWith("2,ann/blob.png,reference,3,");
        // a run folder, as drawnet grade writes it: every file in run.json, committed whole
        assertThat(o.toString(StandardCharsets.UTF_8)).contains("Grades: " + out.resolve("grades.csv") + ", "
                + out.resolve("grades.html"));
        assertThat(io.github.drawnet.io.RunFolder.status(out)).isEqualTo(io.github.drawnet.io.RunFolder.Status.FINISHED);
        assertThat(Files.readString(out.resolve("run.json"))).contains("\"grades.csv\"", "\"grades.html\"",
                "\"command\" : \"grade\"");
    }

    @Test
    void gradeJob_badInput_oneLineAndCode2() throws Exception {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = GradeJob.run(new String[] {dir.resolve("none").toString(), "--out", "x"}, System.out,
                new PrintStream(e, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(e.toString(StandardCharsets.UTF_8)).isEqualTo("drawnet grade job: folder " + dir.resolve("none")
                + " does not exist; give a folder of PNG drawings" + System.lineSeparator());
    }

    static String withoutSeconds(String csv) {
        return String.join("\n", csv.lines().map(l -> {
            String[] f = l.split(",", -1);
            return l.replace("," + f[f.length - 3] + "," + f[f.length - 2] + ",", ",," + f[f.length - 2] + ",");
        }).toList());
    }

    static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no exception");
    }
}
