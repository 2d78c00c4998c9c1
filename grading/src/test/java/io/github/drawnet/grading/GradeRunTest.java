package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.Setting;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.viz.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grading's whole run folder: its files, its manifest, its refusals, a stop and a failure. */
final class GradeRunTest {

    static GradePlan twoDrawings(Path dir, String hidden) throws IOException {
        TestDrawings.write(dir.resolve("alice/ring.png"), Preset.RING, 32);
        TestDrawings.write(dir.resolve("bob/xor.png"), Preset.XOR, 32);
        return GradePlan.of(dir, List.of(Backends.discover().get("reference")), GraderTest.SMALL,
                Grid.NONE.with(Setting.HIDDEN, hidden));
    }

    /** Every file under {@code dir} but the manifest and the lock, by its path relative to it. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals(RunFolder.MANIFEST) && !n.equals(".drawnet.lock")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void write_reportsAndModels_everyFileInTheManifest_folderFinished(@TempDir Path tmp) throws Exception {
        GradePlan plan = twoDrawings(tmp.resolve("in"), "2");
        Path out = tmp.resolve("out");
        GradedRun run = GradeRun.of(plan).engineOptions(2, null, false).reports(ReportFiles.all()).saveModels(true)
                .out(out).write();
        assertThat(run.rows()).extracting(GradeRow::status).containsOnly(GradeRow.Status.OK).hasSize(2);
        assertThat(run.grades()).isEqualTo(out.resolve("grades.csv"));
        assertThat(run.overview()).isEqualTo(out.resolve("grades.html"));
        assertThat(run.reports()).isEqualTo(out.resolve("reports"));
        assertThat(run.sweepTable()).isNull();
        List<String> files = files(out);
        assertThat(files).contains("grades.csv", "grades.html", "reports/alice/ring/cell-1-reference/metrics.json",
                "reports/alice/ring/cell-1-reference/model.json", "reports/bob/xor/cell-2-reference/model.json")
                .doesNotContain("sweep.csv").allSatisfy(f -> assertThat(f).doesNotStartWith(".drawnet-new-"));
        String manifest = Files.readString(out.resolve(RunFolder.MANIFEST));
        assertThat(manifest).contains("\"command\" : \"grade\"");
        for (String f : files) {
            assertThat(manifest).contains("\"" + f + "\"");
        }
        assertThat(RunFolder.status(out)).isEqualTo(RunFolder.Status.FINISHED);
        assertThat(Files.readAllLines(out.resolve("grades.csv"))).hasSize(3);
    }

    @Test
    void write_noOut_newFolderUnderBase_namedAfterTheGradedFolder(@TempDir Path tmp) throws Exception {
        GradePlan plan = twoDrawings(tmp.resolve("class"), "2");
        GradedRun run = GradeRun.of(plan).engineOptions(1, null, false).base(tmp.resolve("runs")).write();
        assertThat(run.folder().getParent()).isEqualTo(tmp.resolve("runs"));
        assertThat(run.folder().getFileName().toString()).endsWith("-class-grades");
        assertThat(files(run.folder())).containsExactly("grades.csv", "grades.html");
        assertThat(run.reports()).isNull();
    }

    @Test
    void write_outInsideTheGradedFolder_refusedNamingBoth_nothingWritten_nothingStarted(@TempDir Path tmp)
            throws Exception {
        Path in = tmp.resolve("in");
        GradePlan plan = twoDrawings(in, "2");
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> GradeRun.of(plan).out(in.resolve("out")).onStart(f -> started.incrementAndGet())
                .write()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output folder " + in.resolve("out") + " is inside the graded folder " + in
                        + ": its figures would be graded as drawings; choose an output folder outside it");
        assertThat(started).hasValue(0);
        assertThat(in.resolve("out")).doesNotExist();
    }

    @Test
    void write_folderHoldsAnotherRun_refusedWithoutReplace_oldRunKept_replacedWithIt(@TempDir Path tmp)
            throws Exception {
        GradePlan plan = twoDrawings(tmp.resolve("in"), "2");
        Path out = tmp.resolve("out");
        GradeRun.of(plan).engineOptions(1, null, false).reports(ReportFiles.all()).out(out).write();
        List<String> before = files(out);
        String manifest = Files.readString(out.resolve(RunFolder.MANIFEST));
        assertThatThrownBy(() -> GradeRun.of(plan).out(out).write()).isInstanceOf(RunFolderException.class)
                .hasMessageStartingWith("output folder " + out + " holds the results of grade ")
                .hasMessageEndingWith("; add --force to replace them, or choose another folder");
        assertThat(files(out)).isEqualTo(before);
        assertThat(Files.readString(out.resolve(RunFolder.MANIFEST))).isEqualTo(manifest);

        GradeRun.of(plan).engineOptions(1, null, false).out(out).replace(true).write();
        assertThat(files(out)).containsExactly("grades.csv", "grades.html"); // the old reports went with their run
    }

    @Test
    void write_outIsAFile_refusedNamingIt(@TempDir Path tmp) throws Exception {
        GradePlan plan = twoDrawings(tmp.resolve("in"), "2");
        Path file = Files.writeString(tmp.resolve("out.txt"), "x");
        assertThatThrownBy(() -> GradeRun.of(plan).out(file).write()).isInstanceOf(RunFolderException.class)
                .hasMessage("output folder " + file + " is a file; give a folder with --out");
    }

    @Test
    void write_stopAfterTheFirstCell_keepsTheDoneCell_restNotRun_committed(@TempDir Path tmp) throws Exception {
        GradePlan plan = twoDrawings(tmp.resolve("in"), "2;3");
        Path out = tmp.resolve("out");
        List<Integer> heard = new ArrayList<>();
        GradedRun run = GradeRun.of(plan).engineOptions(1, null, false).out(out)
                .listener((done, total, row) -> heard.add(done)).stopWhen(() -> !heard.isEmpty()).write();
        assertThat(run.rows()).extracting(GradeRow::status).containsExactly(GradeRow.Status.OK,
                GradeRow.Status.NOT_RUN, GradeRow.Status.NOT_RUN, GradeRow.Status.NOT_RUN);
        List<String> csv = Files.readAllLines(out.resolve("grades.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1)).contains(",ok,");
        assertThat(csv.get(2)).contains(",not_run,");
        assertThat(Files.readString(out.resolve("grades.html"))).contains("3 not run");
        assertThat(RunFolder.status(out)).isEqualTo(RunFolder.Status.FINISHED);
    }

    @Test
    void write_engineFailsMidway_noFileLeft_earlierRunKeptWhole(@TempDir Path tmp) throws Exception {
        GradePlan plan = twoDrawings(tmp.resolve("in"), "2");
        Path fresh = tmp.resolve("fresh");
        GradeEngine failing = new GradeEngine() {
            @Override
            public String id() {
                return "failing";
            }

            @Override
            public List<GradeRow> run(GradePlan p, GradeOptions options, GradeListener listener) {
                try {
                    Files.createDirectories(options.reports().resolve("half"));
                    Files.writeString(options.reports().resolve("half/metrics.json"), "{");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("the job failed");
            }
        };
        assertThatThrownBy(() -> GradeRun.of(plan).engine(failing).reports(ReportFiles.all()).out(fresh).write())
                .hasMessage("the job failed");
        assertThat(fresh).doesNotExist();

        Path out = tmp.resolve("out");
        GradeRun.of(plan).engineOptions(1, null, false).out(out).write();
        List<String> before = files(out);
        assertThatThrownBy(() -> GradeRun.of(plan).engine(failing).reports(ReportFiles.all()).out(out).replace(true)
                .write()).hasMessage("the job failed");
        assertThat(files(out)).isEqualTo(before);
        assertThat(RunFolder.status(out)).isEqualTo(RunFolder.Status.FINISHED);
    }

    @Test
    void write_asSweep_sweepCsvBesideTheGrades_commandSweep_drawingNeverReplaced(@TempDir Path tmp) throws Exception {
        Path drawing = TestDrawings.write(tmp.resolve("ring.png"), Preset.RING, 32);
        Sweep sweep = Sweep.of(List.of(Backends.discover().get("reference")), GraderTest.SMALL,
                Grid.NONE.with(Setting.HIDDEN, "2;3"));
        GradePlan plan = GradePlan.ofSweep(sweep, drawing, null);
        List<Path> startedIn = new ArrayList<>();
        GradedRun run = GradeRun.of(plan).asSweep().engineOptions(1, null, false).out(tmp).replace(true)
                .onStart(startedIn::add).write();
        assertThat(startedIn).containsExactly(tmp);
        assertThat(run.sweepTable()).isEqualTo(tmp.resolve("sweep.csv"));
        assertThat(Files.readString(tmp.resolve("sweep.csv"))).isEqualTo(SweepReport.csvOfRows(run.rows()));
        assertThat(Files.readString(tmp.resolve(RunFolder.MANIFEST))).contains("\"command\" : \"sweep\"")
                .contains("\"sweep.csv\"").doesNotContain("\"ring.png\"");
        assertThat(Files.exists(drawing)).isTrue();
    }

    @Test
    void engineOptions_badThreadCount_refusedBeforeAnyFolder() {
        assertThatThrownBy(() -> GradeRun.of(new GradePlan(Path.of("x"), List.of(), List.of())).engineOptions(0, null,
                false)).isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be in [1, 64], got 0");
    }
}
