package io.github.drawnet.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of the library run's options does what it says; the listener's composition tells every part. */
class DrawingRunOptionsTest {

    static final ReportFiles NONE = new ReportFiles(Set.of(), false);

    @Test
    void noBackendGiven_thePreferredOne_andASavedModelsOwn(@TempDir Path tmp) throws IOException {
        // the reference backend is the only one on this module's test class path
        FinishedRun run = DrawingRun.of(DrawingSource.preset("halfplane")).settings(DrawingRunTest.small(1))
                .resultOnly();
        assertThat(run.result().backendId()).isEqualTo("reference");
        Path model = tmp.resolve("m.json");
        DrawingRunTest.halfPlane(1).out(tmp.resolve("r")).save(model).writeFolder();
        assertThat(DrawingRun.resume(SavedModel.read(model), model, 1).resultOnly().result().backendId())
                .isEqualTo("reference");
    }

    @Test
    void classes_binary_readsAColourDrawingAsTwoClasses() {
        FinishedRun auto = DrawingRun.of(DrawingSource.preset("three-blobs")).settings(DrawingRunTest.small(1))
                .backend(DrawingRunTest.REFERENCE).resultOnly();
        FinishedRun binary = DrawingRun.of(DrawingSource.preset("three-blobs")).settings(DrawingRunTest.small(1))
                .classes(ClassReading.BINARY).backend(DrawingRunTest.REFERENCE).resultOnly();
        assertThat(auto.result().spec().classes()).isEqualTo(4);
        assertThat(binary.result().spec().classes()).isEqualTo(2);
    }

    @Test
    void commandExtraFiguresAndVisualizer_areUsed(@TempDir Path tmp) throws Exception {
        AtomicInteger reports = new AtomicInteger();
        NotebookVisualizer real = new NotebookVisualizer();
        Visualizer counting = (Visualizer) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Visualizer.class}, (p, m, args) -> {
                    if (m.getName().equals("report")) {
                        reports.incrementAndGet();
                    }
                    return m.invoke(real, args);
                });
        List<ExperimentResult> madeFrom = new ArrayList<>();
        FinishedRun run = DrawingRunTest.halfPlane(2).out(tmp.resolve("r")).command("lesson-3")
                .files(new ReportFiles(Set.of(ReportFiles.Format.PNG), false)).visualizer(counting)
                .extraFigures(List.of("extra-curves"), r -> {
                    madeFrom.add(r);
                    return List.of(io.github.drawnet.viz.ComparisonFigures.histories("extra-curves", "Again",
                            List.of(io.github.drawnet.viz.ComparisonFigures.Named.of("run", r.history()))));
                }).writeFolder();
        assertThat(reports.get()).isEqualTo(1);
        assertThat(madeFrom).containsExactly(run.result());
        assertThat(run.files().extraFigures()).containsExactly(tmp.resolve("r/extra-curves.png").toAbsolutePath());
        assertThat(tmp.resolve("r/extra-curves.png")).isRegularFile();
        assertThat(new ObjectMapper().readTree(tmp.resolve("r/run.json").toFile()).path("command").asText())
                .isEqualTo("lesson-3");
        assertThat(run.files().figures()).isNotEmpty().allMatch(p -> p.toString().endsWith(".png"));
        assertThat(run.files().reportFile()).isEmpty();
        assertThat(run.files().savedModel()).isEmpty();
    }

    @Test
    void resultOnly_tellsStartedAndTrained_andASavedModelsInputsSaySo(@TempDir Path tmp) throws IOException {
        List<String> told = new ArrayList<>();
        RunListener recorder = new RunListener() {
            @Override
            public void started(RunInputs inputs, String engine, Path folder) {
                told.add("started " + inputs.drawingSource() + " " + inputs.classesFound() + " " + folder);
            }

            @Override
            public void trained(ExperimentResult result) {
                told.add("trained " + result.history().size());
            }

            @Override
            public void written(RunFiles files) {
                told.add("written");
            }
        };
        DrawingRunTest.halfPlane(2).listener(recorder).resultOnly();
        assertThat(told).hasSize(2);
        assertThat(told.get(0)).startsWith("started built-in preset found 2 classes").endsWith(" null");
        assertThat(told.get(1)).isEqualTo("trained 2");
        told.clear();
        Path model = tmp.resolve("m.json");
        DrawingRunTest.halfPlane(2).out(tmp.resolve("r")).save(model).writeFolder();
        FinishedRun more = DrawingRun.resume(SavedModel.read(model), model, 1).backend(DrawingRunTest.REFERENCE)
                .files(NONE).out(tmp.resolve("more")).listener(recorder).writeFolder();
        assertThat(told).containsExactly("started saved in the model null " + tmp.resolve("more"), "trained 3",
                "written");
        assertThat(more.files().model()).isNull();
    }

    @Test
    void and_tellsBothOfEveryStep_inOrder() {
        List<String> told = new ArrayList<>();
        RunListener a = recorder("a", told);
        RunListener b = recorder("b", told);
        RunListener both = a.and(b);
        both.started(null, "engine", null);
        both.epoch(null, 3);
        both.trained(null);
        both.written(null);
        assertThat(told).containsExactly("a started", "b started", "a epoch", "b epoch", "a trained", "b trained",
                "a written", "b written");
    }

    static RunListener recorder(String name, List<String> told) {
        return new RunListener() {
            @Override
            public void started(RunInputs inputs, String engine, Path folder) {
                told.add(name + " started");
            }

            @Override
            public void epoch(EpochMetrics metrics, int lastEpoch) {
                told.add(name + " epoch");
            }

            @Override
            public void trained(ExperimentResult result) {
                told.add(name + " trained");
            }

            @Override
            public void written(RunFiles files) {
                told.add(name + " written");
            }
        };
    }

    @Test
    void epochs_ofAResume_boundsInclusive(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("m.json");
        DrawingRunTest.halfPlane(1).out(tmp.resolve("r")).save(model).writeFolder();
        SavedModel saved = SavedModel.read(model);
        assertThat(DrawingRun.resume(saved, model, TrainingConfig.MAX_EPOCHS)).isNotNull();
        assertThat(DrawingRun.restart(saved, model, 1)).isNotNull();
        assertThatThrownBy(() -> DrawingRun.restart(saved, model, TrainingConfig.MAX_EPOCHS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("epochs must be in [1, 100000], got 100001");
    }

    @Test
    void outUnderAFile_cannotBeCreated_oneLine(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        assertThatThrownBy(() -> DrawingRunTest.halfPlane(1).out(file.resolve("run")).writeFolder())
                .isInstanceOf(RunFolderException.class)
                .hasMessageStartingWith("cannot create output folder " + file.resolve("run") + ": ");
    }

    @Test
    void checkSave_outsideTheFolder_inAFolderThatCannotBeMade_refused(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        try (RunFolder folder = RunFolders.open(tmp.resolve("r"), false, DrawingRunTest.LEAP_DAY, "run", List.of(),
                List.of("metrics.json"))) {
            RunWriter.checkSave(null, folder);
            RunWriter.checkSave(tmp.resolve("models/m.json"), folder);
            assertThat(tmp.resolve("models")).isDirectory();
            assertThatThrownBy(() -> RunWriter.checkSave(file.resolve("m.json"), folder))
                    .isInstanceOf(RunFolderException.class).hasMessageStartingWith("cannot create folder " + file);
            assertThatThrownBy(() -> RunWriter.checkSave(tmp.resolve("r/metrics.json"), folder))
                    .isInstanceOf(RunFolderException.class).hasMessageStartingWith("cannot save the model to ");
            assertThatThrownBy(() -> RunWriter.checkSave(tmp, folder)).isInstanceOf(RunFolderException.class)
                    .hasMessage("cannot save to " + tmp + ": it is a folder; give a file name");
        }
    }

    @Test
    void plannedNames_theDataFilesTheFiguresAndTheExtras() {
        List<String> names = new RunWriter(new NotebookVisualizer()).plannedNames(List.of("extra"),
                new ReportFiles(Set.of(ReportFiles.Format.PNG), true), 2);
        assertThat(names).contains("metrics.json", "points.csv", "parameters.json", "history.csv", "drawing.png",
                "decision-boundary.png", "report.html", "extra.png").doesNotContain("drawing.svg");
        assertThat(RunFolders.dataFileNames()).containsExactlyInAnyOrder("metrics.json", "points.csv",
                "parameters.json", "history.csv");
    }

    @Test
    void freshFolders_numberOn_andNamesKeepForty(@TempDir Path tmp) throws IOException {
        Path first = RunFolders.fresh(tmp, DrawingRunTest.LEAP_DAY, "ring.png", "djl");
        Files.createDirectories(first);
        Files.createDirectories(RunFolders.fresh(tmp, DrawingRunTest.LEAP_DAY, "ring.png", "djl"));
        assertThat(RunFolders.fresh(tmp, DrawingRunTest.LEAP_DAY, "ring.png", "djl").getFileName().toString())
                .isEqualTo("20280229-101112-ring-djl-3");
        assertThat(RunFolders.sanitize("y".repeat(40))).isEqualTo("y".repeat(40));
        assertThat(RunFolders.sanitize("y".repeat(41))).isEqualTo("y".repeat(40));
    }

    @Test
    void drawingSources_edges() {
        assertThat(DrawingSource.file(Path.of("/")).name()).isEqualTo("/");
        assertThat(DrawingSource.bytes("a.png", new byte[0], io.github.drawnet.api.Drawing.MAX_PIXELS).name())
                .isEqualTo("a.png");
        assertThatThrownBy(() -> DrawingSource.bytes("a.png", new byte[0], io.github.drawnet.api.Drawing.MAX_PIXELS
                + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DrawingSource.preset("ring").toString()).isEqualTo("built-in preset");
        assertThat(DrawingSource.bytes("up.png", new byte[0]).description()).isEqualTo("bytes of up.png");
    }

    @Test
    void stopOnInterrupt_aSigintAsksToStop_andClosingGivesItBack() throws Exception {
        // a JVM started with SIGINT ignored (nohup, or a background shell without job control) rightly never
        // hears it: say so at once rather than wait 30 s for a signal that cannot come
        assertThat(sigintIgnored()).as("SIGINT is ignored in this JVM (inherited from the shell that started the "
                + "build: nohup, or '( ... ) &' without job control); run the build in the foreground").isFalse();
        CountDownLatch told = new CountDownLatch(1);
        try (StopOnInterrupt ctrlC = StopOnInterrupt.install(told::countDown)) {
            assertThat(ctrlC.requested()).isFalse();
            assertThat(ctrlC.getAsBoolean()).isFalse();
            sun.misc.Signal.raise(new sun.misc.Signal("INT")); // once only: a second would halt this JVM
            assertThat(told.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ctrlC.requested()).isTrue();
            assertThat(ctrlC.getAsBoolean()).isTrue();
        }
        assertThat(StopOnInterrupt.EXIT_STATUS).isEqualTo(130);
    }

    /** Reads the ignored-signals mask of this process (Linux); false where there is none to read. */
    static boolean sigintIgnored() throws java.io.IOException {
        java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
        if (!java.nio.file.Files.isReadable(status)) {
            return false;
        }
        for (String line : java.nio.file.Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                // bit n-1 stands for signal n; SIGINT is 2
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2L) != 0;
            }
        }
        return false;
    }
}
