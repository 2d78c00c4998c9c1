package io.github.drawnet.run;

import io.github.drawnet.api.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.Setting;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.io.MetricsFile;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.sampling.InvalidDrawingException;
import io.github.drawnet.sampling.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library run on the reference backend (Java doubles: the same numbers every time, on every machine),
 * small where the point is behaviour: what it writes, in what order it tells its listener, what it refuses
 * before any work, and that its numbers are those of the experiment it wraps.
 */
class DrawingRunTest {

    static final Backend REFERENCE = Backends.discover().get("reference");
    static final Clock LEAP_DAY = Clock.fixed(Instant.parse("2028-02-29T10:11:12Z"), ZoneOffset.UTC);

    /** 300 training points, 5 epochs of a 2-3-1 tanh network on the half-plane: a second's work. */
    static ExperimentSettings small(int epochs) {
        return ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, "300").with(Setting.VALIDATION_SIZE, "60")
                .with(Setting.TEST_SIZE, "200").with(Setting.HIDDEN, "3").with(Setting.ACTIVATION, "tanh")
                .with(Setting.EPOCHS, String.valueOf(epochs)).with(Setting.SEED, "7");
    }

    static DrawingRun halfPlane(int epochs) {
        return DrawingRun.of(DrawingSource.preset("halfplane")).settings(small(epochs)).backend(REFERENCE)
                .files(new ReportFiles(java.util.Set.of(), false)).clock(LEAP_DAY);
    }

    @Test
    void writeFolder_writesTheRunWhole_andItsMetricsAreTheResult(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("runs/half");
        FinishedRun run = halfPlane(5).out(out).writeFolder();

        RunFiles files = run.written().orElseThrow();
        assertThat(files.folder()).isEqualTo(out);
        assertThat(files.metrics()).isEqualTo(out.toAbsolutePath().normalize().resolve("metrics.json"));
        assertThat(files.exports()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(io.github.drawnet.io.Exports.FILE_NAMES);
        assertThat(files.figures()).isEmpty();
        assertThat(files.report()).isNull();
        assertThat(files.model()).isNull();
        try (Stream<Path> listed = Files.list(out)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("metrics.json",
                    "points.csv", "parameters.json", "history.csv", RunFolder.MANIFEST, ".drawnet.lock");
        }
        assertThat(RunFolder.status(out)).isEqualTo(RunFolder.Status.FINISHED);

        MetricsFile m = MetricsFile.read(files.metrics());
        ExperimentResult r = run.result();
        assertThat(m.history().epochs()).hasSize(5);
        assertThat(m.testAccuracy()).isEqualTo(r.test().accuracy()).isEqualTo(run.testAccuracy()).isGreaterThan(0.9);
        assertThat(m.parameters()).isEqualTo(r.finalParameters());
        assertThat(m.provenance().seed()).isEqualTo(7);
        assertThat(m.spec().hidden()).containsExactly(3);
        assertThat(m.backendId()).isEqualTo("reference");
    }

    @Test
    void resultOnly_isTheExperimentItWraps_bitForBit_andWritesNothing(@TempDir Path tmp) throws IOException {
        Path cwdBase = tmp.resolve("base");
        FinishedRun alone = halfPlane(4).base(cwdBase).resultOnly();
        assertThat(alone.written()).isEmpty();
        assertThat(cwdBase).doesNotExist();

        RunInputs in = RunInputs.prepare(DrawingSource.preset(Preset.HALF_PLANE), ClassReading.DEFAULT, small(4));
        ExperimentResult direct = Experiments.run(REFERENCE, in.drawing(), in.data(), in.spec(), in.config(),
                TrainingListener.NONE);
        assertThat(alone.result().finalParameters()).isEqualTo(direct.finalParameters());
        assertThat(alone.result().history()).isEqualTo(direct.history());
        assertThat(in.drawingSource()).isEqualTo("built-in preset");
        assertThat(in.classesFound()).contains("2 classes");

        FinishedRun written = halfPlane(4).out(tmp.resolve("w")).writeFolder();
        assertThat(written.result().finalParameters()).isEqualTo(direct.finalParameters());
    }

    @Test
    void listener_isToldInOrder_andAStopRequestEndsAStoppedRunThatIsWritten(@TempDir Path tmp) throws IOException {
        List<String> events = new ArrayList<>();
        RunListener recorder = new RunListener() {
            @Override
            public void started(RunInputs inputs, String engine, Path folder) {
                events.add("started " + inputs.data().train().size() + " " + folder.getFileName());
            }

            @Override
            public void epoch(EpochMetrics m, int last) {
                events.add("epoch " + m.epoch() + "/" + last);
            }

            @Override
            public void trained(ExperimentResult result) {
                events.add("trained " + result.training().stopReason());
            }

            @Override
            public void written(RunFiles files) {
                events.add("written " + Files.exists(files.metrics()));
            }
        };
        FinishedRun run = halfPlane(10).out(tmp.resolve("stopped")).listener(recorder)
                .stopWhen(() -> events.contains("epoch 2/10")) // stop after the second
                .writeFolder();
        assertThat(events).containsExactly("started 300 stopped", "epoch 1/10", "epoch 2/10", "trained STOPPED",
                "written true");
        assertThat(run.result().training().stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(MetricsFile.read(run.files().metrics()).history().epochs()).hasSize(2);
    }

    @Test
    void and_tellsBothOfEveryEpoch_stopWhenEndsTheRunAfterTheEpochItSaysSo() {
        List<String> told = new ArrayList<>();
        RunListener a = RunListener.ofEpochs((m, last) -> told.add("a" + m.epoch()));
        RunListener b = RunListener.ofEpochs((m, last) -> told.add("b" + m.epoch()));
        FinishedRun run = halfPlane(10).listener(a.and(b)).stopWhen(() -> told.contains("b3")).resultOnly();
        assertThat(told).containsExactly("a1", "b1", "a2", "b2", "a3", "b3");
        assertThat(run.result().history().epochs()).hasSize(3);
        assertThat(run.result().training().stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(halfPlane(4).listener((m, last) -> { }).resultOnly().result().training().stopReason())
                .isEqualTo(StopReason.COMPLETED);
    }

    @Test
    void save_insideTheFolder_isPartOfTheRun_andLoadsWithTheExactParameters(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("r");
        FinishedRun run = halfPlane(3).out(out).save(out.resolve("model.json")).writeFolder();
        assertThat(run.files().model()).isEqualTo(out.resolve("model.json"));
        assertThat(SavedModel.read(out.resolve("model.json")).parameters()).isEqualTo(run.result().finalParameters());

        Path elsewhere = tmp.resolve("models/half.json");
        FinishedRun second = halfPlane(3).out(tmp.resolve("r2")).save(elsewhere).writeFolder();
        assertThat(SavedModel.read(elsewhere).parameters()).isEqualTo(second.result().finalParameters());
        assertThat(tmp.resolve("r2/half.json")).doesNotExist();
    }

    @Test
    void diverged_everythingButTheModelIsWritten_andSaysWhy(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("d");
        FinishedRun run = halfPlane(20).settings(small(20).with(Setting.LEARNING_RATE, "1e300"))
                .out(out).save(out.resolve("model.json")).writeFolder();
        assertThat(run.result().training().stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(run.files().model()).isNull();
        assertThat(run.files().modelNotSaved()).isEqualTo("the parameters are not finite after training diverged");
        assertThat(out.resolve("metrics.json")).exists();
        assertThat(out.resolve("model.json")).doesNotExist();
    }

    @Test
    void badInput_refusedBeforeAnyFolderIsMade(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("never");
        assertThatThrownBy(() -> halfPlane(2).settings(small(2).with(Setting.BATCH_SIZE, "301")).out(out)
                .writeFolder()).isInstanceOf(InvalidSettingException.class).hasMessageContaining("301");
        Path notPng = Files.writeString(tmp.resolve("notes.png"), "not an image");
        assertThatThrownBy(() -> DrawingRun.of(DrawingSource.file(notPng)).backend(REFERENCE).out(out).writeFolder())
                .isInstanceOf(InvalidDrawingException.class).hasMessageContaining("notes.png");
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertThatThrownBy(() -> halfPlane(2).out(file).writeFolder()).isInstanceOf(RunFolderException.class)
                .hasMessage("output folder " + file + " is a file; give a folder");
        assertThatThrownBy(() -> halfPlane(2).out(out).save(file.resolve("model.json")).writeFolder())
                .isInstanceOf(RunFolderException.class)
                .hasMessageStartingWith("cannot create folder " + file + " for model.json: ");
        assertThat(out).doesNotExist();
        assertThat(file).hasContent("x");
    }

    @Test
    void save_overTheDrawingItReads_refused(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("r");
        Path drawing = out.resolve("ring.png");
        Files.createDirectories(out);
        javax.imageio.ImageIO.write(Preset.RING.image(), "png", drawing.toFile());
        byte[] before = Files.readAllBytes(drawing);
        assertThatThrownBy(() -> DrawingRun.of(DrawingSource.file(drawing)).settings(small(2)).backend(REFERENCE)
                .files(new ReportFiles(java.util.Set.of(), false)).out(out).save(drawing).writeFolder())
                .isInstanceOf(RunFolderException.class).hasMessageStartingWith("cannot save the model to ")
                .hasMessageContaining("ring.png");
        assertThat(drawing).hasBinaryContent(before);
    }

    @Test
    void noFolderGiven_aFreshOneUnderTheBase_namedByTimeDrawingAndBackend(@TempDir Path tmp) throws IOException {
        FinishedRun first = halfPlane(1).base(tmp).writeFolder();
        FinishedRun second = halfPlane(1).base(tmp).writeFolder();
        assertThat(first.files().folder()).isEqualTo(tmp.resolve("20280229-101112-halfplane-reference"));
        assertThat(second.files().folder()).isEqualTo(tmp.resolve("20280229-101112-halfplane-reference-2"));
        assertThat(RunFolders.sanitize("My drawing (v2).png")).isEqualTo("My_drawing_v2_");
        assertThat(RunFolders.sanitize("...")).isEqualTo("_");
        assertThat(RunFolders.sanitize(".png")).isEqualTo("drawing");
        assertThat(RunFolders.sanitize("x".repeat(50))).hasSize(RunFolders.MAX_NAME);
    }

    @Test
    void drawingSources_fileBytesAndPreset_readTheSameDrawing(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("ring.png");
        javax.imageio.ImageIO.write(Preset.RING.image(), "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        String sha = DrawingSource.preset("ring").read(ClassReading.DEFAULT).drawing().sha256();
        assertThat(DrawingSource.file(png).read(ClassReading.DEFAULT).drawing().sha256()).isEqualTo(sha);
        assertThat(DrawingSource.bytes("up.png", bytes).read(ClassReading.DEFAULT).drawing().sha256()).isEqualTo(sha);
        assertThat(DrawingSource.file(png).inputs()).containsExactly(png);
        assertThat(DrawingSource.bytes("up.png", bytes).inputs()).isEmpty();
        assertThat(DrawingSource.file(png).description()).isEqualTo("file " + png);
        assertThat(DrawingSource.bytes("up.png", bytes).name()).isEqualTo("up.png");
        assertThat(DrawingSource.defaultPreset().name()).isEqualTo(Preset.DEFAULT.id());
        long pixels = 256L * 256L;
        assertThat(DrawingSource.bytes("up.png", bytes, pixels).read(ClassReading.DEFAULT).drawing().sha256())
                .isEqualTo(sha);
        assertThatThrownBy(() -> DrawingSource.bytes("up.png", bytes, pixels - 1).read(ClassReading.DEFAULT))
                .isInstanceOf(InvalidDrawingException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> DrawingSource.bytes("up.png", bytes, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPixels must be in [1, 16777216], got 0");
        assertThatThrownBy(() -> DrawingSource.preset("squiggle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("squiggle");
    }

    @Test
    void resume_twoPlusTwoEpochs_isFourStraight_bitForBit_andRestartIsTheFirstTwo(@TempDir Path tmp)
            throws IOException {
        Path model = tmp.resolve("models/two.json");
        FinishedRun two = halfPlane(2).out(tmp.resolve("two")).save(model).writeFolder();
        SavedModel saved = SavedModel.read(model);
        ExperimentResult four = halfPlane(4).resultOnly().result();

        FinishedRun more = DrawingRun.resume(saved, model, 2).backend(REFERENCE).files(new ReportFiles(java.util.Set.of(),
                false)).out(tmp.resolve("more")).saveInFolder("model.json").writeFolder();
        // the reference network trains in doubles and a saved model holds floats, so the continued run starts
        // from the straight run's state rounded to float: within 1e-6 (measured 6.0e-8, one float step), not bit
        // for bit. The first two epochs, which the model carries, are exact.
        assertThat(more.result().finalParameters().maxAbsDifference(four.finalParameters())).isLessThan(1e-6);
        assertThat(more.result().history().epochs().subList(0, 2)).isEqualTo(four.history().epochs().subList(0, 2));
        assertThat(more.result().history().epochs()).hasSize(4);
        assertThat(SavedModel.read(tmp.resolve("more/model.json")).history().size()).isEqualTo(4);

        FinishedRun again = DrawingRun.restart(saved, model, 2).backend(REFERENCE).resultOnly();
        assertThat(again.result().finalParameters()).isEqualTo(two.result().finalParameters());
        assertThat(again.result().history()).isEqualTo(two.result().history());
    }

    @Test
    void resume_intoTheModelsOwnFolder_neverReplacesTheModelItReads(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("r/model.json");
        halfPlane(1).out(tmp.resolve("r")).save(model).writeFolder();
        byte[] before = Files.readAllBytes(model);
        SavedModel saved = SavedModel.read(model);
        assertThatThrownBy(() -> DrawingRun.resume(saved, model, 1).backend(REFERENCE).out(tmp.resolve("r"))
                .replace(true).saveInFolder("model.json").writeFolder()).isInstanceOf(RunFolderException.class)
                .hasMessageContaining("model.json");
        assertThat(model).hasBinaryContent(before);
        assertThatThrownBy(() -> DrawingRun.resume(saved, model, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs must be in [1, 100000], got 0");
    }

    @Test
    void ofInputs_trainsThoseVeryInputs_andWritesTheirFolder(@TempDir Path tmp) throws IOException {
        RunInputs inputs = RunInputs.prepare(DrawingSource.preset("halfplane"), ClassReading.DEFAULT, small(2));
        List<RunInputs> told = new ArrayList<>();
        FinishedRun run = DrawingRun.of(inputs).settings(small(9)).backend(REFERENCE)
                .files(new ReportFiles(java.util.Set.of(), false)).listener(new RunListener() {
                    @Override
                    public void started(RunInputs given, String engine, Path folder) {
                        told.add(given);
                    }
                }).out(tmp.resolve("given")).writeFolder();
        assertThat(told).singleElement().isSameAs(inputs);
        assertThat(run.result().history().epochs()).as("the inputs' settings, not settings()").hasSize(2);
        assertThat(run.result().finalParameters()).isEqualTo(halfPlane(2).resultOnly().result().finalParameters());
        assertThat(RunFolder.status(tmp.resolve("given"))).isEqualTo(RunFolder.Status.FINISHED);
    }

    @Test
    void savedHistoryFigure_continuingOrFromScratch_writtenBesideTheNotebooks_onlyForASavedModel(@TempDir Path tmp)
            throws IOException {
        Path model = tmp.resolve("two/model.json");
        halfPlane(2).out(tmp.resolve("two")).save(model).writeFolder();
        SavedModel saved = SavedModel.read(model);
        ReportFiles svg = new ReportFiles(ReportFiles.parseFormats("svg"), false);
        FinishedRun more = DrawingRun.resume(saved, model, 1).backend(REFERENCE).files(svg).out(tmp.resolve("more"))
                .savedHistoryFigure("history-beside").writeFolder();
        assertThat(more.files().extraFigures()).containsExactly(tmp.resolve("more").toAbsolutePath().normalize()
                .resolve("history-beside.svg"));
        assertThat(Files.readString(tmp.resolve("more/history-beside.svg")))
                .contains("Continuing the saved model: its epochs, then the new ones numbered on");

        io.github.drawnet.viz.Figure again = DrawingRun.historyFigure("h", saved.history(),
                more.result().history(), true);
        assertThat(again.title()).isEqualTo("The saved model's epochs beside training again from scratch");
        assertThat(DrawingRun.historyFigure("h", saved.history(), more.result().history(), false).title())
                .isEqualTo("Continuing the saved model: its epochs, then the new ones numbered on");
        assertThatThrownBy(() -> halfPlane(1).savedHistoryFigure("h")).isInstanceOf(IllegalStateException.class)
                .hasMessage("only a run of a saved model has a saved history to show");
    }
}
