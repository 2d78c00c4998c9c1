package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.Setting;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.Preset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GraderTest {

    static final ExperimentSettings SMALL = ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, "300")
            .with(Setting.VALIDATION_SIZE, "100").with(Setting.TEST_SIZE, "400").with(Setting.EPOCHS, "3");

    static Path folder(Path dir) throws IOException {
        TestDrawings.write(dir.resolve("alice/ring.png"), Preset.RING, 64);
        TestDrawings.write(dir.resolve("bob/xor.png"), Preset.XOR, 48);
        TestDrawings.write(dir.resolve("blob.PNG"), Preset.BLOB, 32);
        TestDrawings.corrupt(dir.resolve("carol/broken.png"));
        Files.writeString(dir.resolve("notes.txt"), "not a drawing");
        return dir;
    }

    static GradePlan plan(Path dir, Grid grid) {
        Backends b = Backends.discover();
        return GradePlan.of(dir, List.of(b.get("reference")), SMALL, grid);
    }

    @Test
    void plan_findsPngsInSubfolders_inPathOrder_timesSettings(@TempDir Path dir) throws IOException {
        GradePlan plan = plan(folder(dir), Grid.NONE.with(Setting.HIDDEN, "2;8,4"));
        assertThat(plan.cells()).extracting(GradeCell::drawing).containsExactly("alice/ring.png", "alice/ring.png",
                "blob.PNG", "blob.PNG", "bob/xor.png", "bob/xor.png", "carol/broken.png", "carol/broken.png");
        assertThat(plan.cells()).extracting(GradeCell::index).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(plan.cells().get(1).labels()).containsEntry("hidden", "8,4").containsEntry("epochs", "3");
        assertThat(plan.cells().get(1).experimentSettings().network().hidden()).containsExactly(8, 4);
        assertThat(plan.cells().get(1).experimentSettings().sizes().train()).isEqualTo(300);
        assertThat(plan.varying()).containsExactly("hidden");
        assertThat(plan.drawingCount()).isEqualTo(4);
    }

    @Test
    void plan_missingFolder_namesIt(@TempDir Path dir) {
        assertThatThrownBy(() -> plan(dir.resolve("nope"), Grid.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("folder " + dir.resolve("nope") + " does not exist; give a folder of PNG drawings");
    }

    @Test
    void plan_folderWithoutPngs_saysSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "x");
        assertThatThrownBy(() -> plan(dir, Grid.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no drawing").hasMessageContaining(dir.toString());
    }

    @Test
    void plan_fileInsteadOfFolder_saysSo(@TempDir Path dir) throws IOException {
        Path f = TestDrawings.write(dir.resolve("one.png"), Preset.RING, 16);
        assertThatThrownBy(() -> plan(f, Grid.NONE)).hasMessageStartingWith(f + " is not a folder");
    }

    @Test
    void plan_badSetting_refusedBeforeTraining(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> plan(folder(dir), Grid.NONE.with(Setting.LEARNING_RATE, "0.1;-1")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("-1");
    }

    @Test
    void localEngine_gradesEveryCell_badDrawingFailsItsRowWithRunsMessage(@TempDir Path dir) throws Exception {
        Path folder = folder(dir.resolve("in"));
        GradePlan plan = plan(folder, Grid.NONE);
        int[] calls = {0};
        List<GradeRow> rows = new LocalGradeEngine().run(plan, GradeOptions.threads(2), (done, total, row) -> {
            calls[0]++;
            assertThat(total).isEqualTo(4);
            assertThat(row).isNotNull();
        });
        assertThat(calls[0]).isEqualTo(4);
        assertThat(rows).extracting(GradeRow::status).containsExactly(GradeRow.Status.OK, GradeRow.Status.OK,
                GradeRow.Status.OK, GradeRow.Status.FAILED);
        GradeRow broken = rows.get(3);
        String runs = messageOf(() -> DrawingReader.read(folder.resolve("carol/broken.png")));
        assertThat(broken.message()).isEqualTo(runs).startsWith("drawing broken.png is not a readable image");
        assertThat(broken.mapPng()).isNull();
        assertThat(broken.epochs()).isZero();
        GradeRow ring = rows.get(0);
        assertThat(ring.epochs()).isEqualTo(3);
        assertThat(ring.testAccuracy()).isBetween(0.0, 1.0);
        assertThat(ring.balancedAccuracy()).isBetween(0.0, 1.0);
        assertThat(ring.trainLoss()).isPositive();
        BufferedImage map = ImageIO.read(new ByteArrayInputStream(ring.mapPng()));
        assertThat(map.getWidth()).isEqualTo(Grader.MAP_SIDE);
        assertThat(map.getHeight()).isEqualTo(Grader.MAP_SIDE);
    }

    @Test
    void localEngine_oneThreadOrTwo_sameFiguresInEveryColumnButSeconds(@TempDir Path dir) throws Exception {
        GradePlan plan = plan(folder(dir.resolve("in")), Grid.NONE.with(Setting.HIDDEN, "2;6"));
        String one = withoutSeconds(GradeReport.csv(new LocalGradeEngine().run(plan, GradeOptions.threads(1),
                GradeListener.NONE)));
        String two = withoutSeconds(GradeReport.csv(new LocalGradeEngine().run(plan, GradeOptions.threads(2),
                GradeListener.NONE)));
        assertThat(two).isEqualTo(one);
        assertThat(one.lines()).hasSize(9);
    }

    @Test
    void report_writesCsvAndHtml_withMapsAndReasons(@TempDir Path dir) throws Exception {
        GradePlan plan = plan(folder(dir.resolve("in")), Grid.NONE);
        List<GradeRow> rows = new LocalGradeEngine().run(plan, GradeOptions.threads(2), GradeListener.NONE);
        List<Path> files = GradeReport.write(dir.resolve("out"), plan, rows, "local");
        List<String> csv = Files.readAllLines(files.get(0));
        assertThat(csv.get(0)).isEqualTo("cell,drawing,backend,hidden,activation,features,optimizer,lr,batch,epochs,"
                + "weight_decay,l1,test_accuracy,balanced_accuracy,test_loss,train_loss,validation_loss,epochs_run,"
                + "seconds,status,message");
        assertThat(csv.get(1)).startsWith("1,alice/ring.png,reference,4,sigmoid,\"x1,x2\",adam,0.01,24,3,0.0,0.0,")
                .endsWith(",3," + csv.get(1).split(",")[19] + ",ok,");
        assertThat(csv.get(4)).contains(",NaN,NaN,NaN,NaN,NaN,0,").contains(",failed,drawing broken.png is not a readable image");
        String html = Files.readString(files.get(1));
        assertThat(html.split("<img ", -1)).hasSize(7); // three drawings and their maps: the failed row has none
        assertThat(html).contains("<li><code>carol/broken.png</code> (reference): drawing broken.png is not a readable")
                .contains("4 cells: 4 drawings").contains("1 failed, 0 diverged").contains("th.addEventListener('click'");
    }

    @Test
    void grader_writesEachCellsReport_whenAsked(@TempDir Path dir) throws Exception {
        GradePlan plan = plan(folder(dir.resolve("in")), Grid.NONE);
        new LocalGradeEngine().run(plan, new GradeOptions(1, null, false, dir.resolve("reports")), GradeListener.NONE);
        assertThat(dir.resolve("reports/alice/ring/cell-1-reference/report.html")).isNotEmptyFile();
        assertThat(dir.resolve("reports/alice/ring/cell-1-reference/metrics.json")).isNotEmptyFile();
        assertThat(dir.resolve("reports/carol/broken")).doesNotExist();
    }

    @Test
    void grader_reportFiles_eachCellsReportHoldsOnlyTheChosenFiles(@TempDir Path dir) throws Exception {
        GradePlan plan = plan(folder(dir.resolve("in")), Grid.NONE);
        new LocalGradeEngine().run(plan, new GradeOptions(1, null, false, dir.resolve("reports"),
                new ReportFiles(EnumSet.of(ReportFiles.Format.PNG), false)), GradeListener.NONE);
        try (Stream<Path> files = Files.list(dir.resolve("reports/alice/ring/cell-1-reference"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names).contains("metrics.json", "decision-boundary.png")
                    .noneMatch(n -> n.endsWith(".svg") || n.equals("report.html"));
        }
        new LocalGradeEngine().run(plan, new GradeOptions(1, null, false, dir.resolve("bare"),
                new ReportFiles(EnumSet.noneOf(ReportFiles.Format.class), false)), GradeListener.NONE);
        try (Stream<Path> files = Files.list(dir.resolve("bare/alice/ring/cell-1-reference"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("metrics.json");
        }
    }

    @Test
    void grader_drawingThumbnail_showsThePaintedSideOnTheMapsScale(@TempDir Path dir) throws Exception {
        // painted where x1 < 0.5 (the left half), in alpha
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 20; x++) {
                img.setRGB(x, y, 0xff202020);
            }
        }
        Files.createDirectories(dir.resolve("in"));
        ImageIO.write(img, "png", dir.resolve("in/left.png").toFile());
        GradePlan plan = plan(dir.resolve("in"), Grid.NONE);
        GradeRow row = new Grader(Backends.discover(), new io.github.drawnet.viz.NotebookVisualizer(), null)
                .grade(plan.cells().get(0));
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(row.drawingPng()));
        assertThat(thumb.getWidth()).isEqualTo(Grader.MAP_SIDE);
        // on the output map's scheme: drawn (class 1) blue, not drawn (class 0) orange
        assertThat(thumb.getRGB(5, 10) & 0xffffff).isEqualTo(io.github.drawnet.viz.ColourNames.POSITIVE.rgb());
        assertThat(thumb.getRGB(58, 50) & 0xffffff).isEqualTo(io.github.drawnet.viz.ColourNames.NEGATIVE.rgb());
    }

    @Test
    void grader_saveModels_savesEachCellsModelInItsReport_notWithoutAReportsFolder(@TempDir Path dir) throws Exception {
        GradePlan plan = plan(folder(dir.resolve("in")), Grid.NONE);
        new LocalGradeEngine().run(plan, new GradeOptions(1, null, false, dir.resolve("reports"),
                new ReportFiles(EnumSet.noneOf(ReportFiles.Format.class), false), true), GradeListener.NONE);
        io.github.drawnet.io.SavedModel saved = io.github.drawnet.io.SavedModel.read(
                dir.resolve("reports/alice/ring/cell-1-reference").resolve(Grader.MODEL_FILE));
        assertThat(saved.history().size()).isEqualTo(3);
        assertThat(saved.drawing().name()).isEqualTo("ring.png");
        assertThatThrownBy(() -> new GradeOptions(1, null, false, null, ReportFiles.all(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("saving each cell's model needs a"
                        + " reports folder");
    }

    @Test
    void grader_stopRequested_beforeTheCell_notRun_whileItTrains_stoppedAfterTheEpoch(@TempDir Path dir)
            throws Exception {
        GradePlan plan = plan(folder(dir.resolve("in")), Grid.NONE);
        Grader grader = new Grader(Backends.discover(), new io.github.drawnet.viz.NotebookVisualizer(), null);
        GradeRow notRun = grader.grade(plan.cells().get(0), () -> true);
        assertThat(notRun.status()).isEqualTo(GradeRow.Status.NOT_RUN);
        assertThat(notRun.epochs()).isZero();
        assertThat(notRun.describe(4)).isEqualTo("cell 1/4 alice/ring.png on reference: not run, stopped before its turn");
        int[] asked = {0};
        GradeRow stopped = grader.grade(plan.cells().get(0), () -> asked[0]++ > 0); // asked before, then each epoch
        assertThat(stopped.status()).isEqualTo(GradeRow.Status.STOPPED);
        assertThat(stopped.epochs()).isEqualTo(1);
        assertThat(stopped.message()).isEqualTo("stopped on request after epoch 1 of 3");
        assertThat(stopped.testAccuracy()).isBetween(0.0, 1.0);
        assertThat(GradeReport.summary(List.of(notRun, stopped))).isEqualTo("0 trained, 0 failed, 0 diverged, 1 stopped,"
                + " 1 not run");
    }

    @Test
    void reportFolder_aHiddenFolderOrFile_startsWithAnUnderscore_soTheRunFolderTakesIt() {
        GradeCell hidden = new GradeCell(3, ".ipynb_checkpoints/ring.png", new byte[1], null, null, "djl", Map.of(),
                Map.of());
        assertThat(Grader.reportFolder(hidden)).isEqualTo("_ipynb_checkpoints/ring/cell-3-djl");
        GradeCell dotPng = new GradeCell(4, "ann/.png", new byte[1], null, null, "djl", Map.of(), Map.of());
        assertThat(Grader.reportFolder(dotPng)).isEqualTo("ann/_png/cell-4-djl");
    }

    @Test
    void checkOutside_theGradedFolderOrInsideIt_refused_besideIt_fine(@TempDir Path dir) throws Exception {
        GradePlan plan = plan(folder(dir.resolve("in")), Grid.NONE);
        for (Path inside : new Path[] {dir.resolve("in"), dir.resolve("in/out"), dir.resolve("in/alice/../new")}) {
            assertThatThrownBy(() -> plan.checkOutside(inside)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output folder " + inside + " is inside the graded folder " + dir.resolve("in")
                            + ": its figures would be graded as drawings; choose an output folder outside it");
        }
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("in"));
        assertThatThrownBy(() -> plan.checkOutside(link.resolve("out"))).isInstanceOf(IllegalArgumentException.class);
        plan.checkOutside(dir.resolve("out"));
        plan.checkOutside(dir.resolve("in-out"));
    }

    @Test
    void everyNth_takesTheMiddleOfEachBlock() {
        float[] grid = new float[8 * 8];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i;
        }
        // blocks of 4: the middle point of block (row 0, col 1) is row 2, col 6 = 22
        assertThat(Grader.everyNth(grid, 8, 2)).containsExactly(18f, 22f, 50f, 54f);
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
