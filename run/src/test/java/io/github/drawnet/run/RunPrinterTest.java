package io.github.drawnet.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.Setting;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.viz.NotebookText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a run prints, line by line, as the notebook prints it. */
final class RunPrinterTest {

    static final String NL = System.lineSeparator();

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void epoch_continuingFromEpoch4_epochLinesNumberedOn_barCountsThisRunsEpochs() {
        RunPrinter printer = new RunPrinter(out, ReportFiles.all(), new ProgressBar(out, true, "epochs"), 4,
                (inputs, engine) -> { });

        printer.epoch(new EpochMetrics(4, 0.5, 0.75, 0.625, 0.8), 6);
        assertThat(printed()).contains("Epoch 4/6 - Loss: 0.5000 - Accuracy: 0.7500 - Val_Loss: 0.6250"
                + " - Val_Accuracy: 0.8000" + NL);
        // epochs 4 to 6 are this run's three: the first of them is done
        assertThat(printed()).matches("(?s).*\\[#{9}\\.{19}\\] 1/3 epochs · epoch 4 · loss 0\\.5000 · accuracy"
                + " 0\\.7500 · [0-9.]+ s left");

        bytes.reset();
        printer.epoch(new EpochMetrics(5, 0.25, 0.875, 0.375, 0.9), 6);
        assertThat(printed()).matches("(?s).*Epoch 5/6 - Loss: 0\\.2500 .*"
                + "\\[#{19}\\.{9}\\] 2/3 epochs · epoch 5 · loss 0\\.2500 · accuracy 0\\.8750 · [0-9.]+ s left");
    }

    @Test
    void setup_twoClasses_drawingPointsNetworkAndTraining_oneLineEach() {
        ExperimentSettings settings = DrawingRunTest.small(5).with(Setting.NOISE, "0.1").with(Setting.SHUFFLE, "false");
        RunInputs inputs = RunInputs.prepare(DrawingSource.preset("halfplane"), ClassReading.DEFAULT, settings);
        RunPrinter.setup(out, inputs);
        List<String> lines = printed().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.format(Locale.ROOT, "Drawing: halfplane (%d x %d, built-in preset),"
                + " %.1f%% of the canvas drawn", inputs.drawing().width(), inputs.drawing().height(),
                100 * inputs.drawing().positiveShare()));
        assertThat(lines.get(1)).isEqualTo("Classes: " + inputs.classesFound());
        assertThat(lines.get(2)).isEqualTo("Points: 300 training, 60 validation, 200 test; seed 7, binary labels,"
                + " 10% of training labels flipped");
        assertThat(lines.get(3)).isEqualTo(String.format(Locale.ROOT, "Positive share: %.1f%% training, %.1f%%"
                + " validation, %.1f%% test", 100 * inputs.data().train().positiveShare(),
                100 * inputs.data().validation().positiveShare(), 100 * inputs.data().test().positiveShare()));
        assertThat(printed()).contains(inputs.spec().describe() + NL);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Training: adam, learning rate 0.01, batch size 24,"
                + " 5 epochs, weight decay 0.0, fixed order");
    }

    @Test
    void setup_l1On_namedAfterTheWeightDecay() {
        ExperimentSettings settings = DrawingRunTest.small(5).with(Setting.L1, "0.001");
        RunPrinter.setup(out, RunInputs.prepare(DrawingSource.preset("halfplane"), ClassReading.DEFAULT, settings));
        List<String> lines = printed().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Training: adam, learning rate 0.01, batch size 24,"
                + " 5 epochs, weight decay 0.0, l1 penalty 0.001, shuffled each epoch");
    }

    @Test
    void setup_drawingInColours_classesCalledByTheirColoursNames_codesKeptBeside() {
        RunInputs inputs = RunInputs.prepare(DrawingSource.preset("three-blobs"), ClassReading.DEFAULT,
                DrawingRunTest.small(1));
        RunPrinter.setup(out, inputs);
        List<String> lines = printed().lines().toList();
        assertThat(inputs.classesFound()).contains("#d55e00 ").doesNotContain("vermillion");
        assertThat(lines.get(1)).isEqualTo("Classes: " + inputs.classesFound().replace("#d55e00", "vermillion (#d55e00)")
                .replace("#0072b2", "blue (#0072b2)").replace("#009e73", "bluish green (#009e73)"));
        assertThat(lines.get(3)).startsWith("Points per class (background, vermillion, blue, bluish green): ");
    }

    @Test
    void setup_threeClassesOfASavedModel_countsPerClass_noClassesLine() {
        RunInputs read = RunInputs.prepare(DrawingSource.preset("three-blobs"), ClassReading.DEFAULT,
                DrawingRunTest.small(1));
        RunPrinter.setup(out, new RunInputs(read.drawing(), "saved in the model", read.data(), read.spec(),
                read.config(), null));
        List<String> lines = printed().lines().toList();
        assertThat(lines.get(0)).startsWith("Drawing: three-blobs (").contains(", saved in the model), ");
        assertThat(lines.get(1)).startsWith("Points: 300 training, 60 validation, 200 test; seed 7, class labels");
        assertThat(lines.get(2)).startsWith("Points per class (" + read.drawing().classes().get(0).name() + ", ")
                .contains(java.util.Arrays.toString(read.data().train().classCounts()) + " training, ");
        assertThat(printed()).doesNotContain("Classes:").doesNotContain("Positive share");
    }

    @Test
    void trainedAndWritten_theWeightsTheTimeAndOneLinePerKindOfFile() {
        ExperimentResult result = DrawingRunTest.halfPlane(1).resultOnly().result();
        RunPrinter printer = new RunPrinter(out, ReportFiles.all(), new ProgressBar(out, false, "epochs"), 1,
                (inputs, engine) -> { });
        printer.trained(result);
        assertThat(printed()).isEqualTo(NotebookText.parameters(result.finalParameters()) + String.format(Locale.ROOT,
                "Training took %.2f s; balanced accuracy on the test set: %.4f", result.trainingTime().toNanos() / 1e9,
                result.test().balancedAccuracy()) + NL);

        bytes.reset();
        Path dir = Path.of("out\u001b");
        printer.written(new RunFiles(dir, dir.resolve("metrics.json"), List.of(dir.resolve("points.csv"),
                dir.resolve("history.csv")), null, "the parameters are not finite", List.of(dir.resolve("extra.png")),
                List.of(dir.resolve("a.png"), dir.resolve("a.svg")), dir.resolve("report.html")));
        assertThat(printed()).isEqualTo("Metrics: out\\u001b/metrics.json" + NL
                + "Exports: points.csv, history.csv in out\\u001b" + NL
                + "Model: not saved, the parameters are not finite" + NL
                + "Figure: out\\u001b/extra.png" + NL
                + "Figures: 2 figures as PNG and SVG in out\\u001b" + NL
                + "Report: out\\u001b/report.html" + NL);

        bytes.reset();
        printer.written(new RunFiles(dir, dir.resolve("metrics.json"), List.of(), dir.resolve("m.json"), null,
                List.of(), List.of(), null));
        assertThat(printed()).isEqualTo("Metrics: out\\u001b/metrics.json" + NL + "Exports:  in out\\u001b" + NL
                + "Model: out\\u001b/m.json" + NL);
    }

    @Test
    void ended_theTestAccuracy_andThePeakMemoryOnlyWhenAskedFor() {
        ExperimentResult result = DrawingRunTest.halfPlane(1).resultOnly().result();
        String accuracy = String.format(Locale.ROOT, "Accuracy on the test set: %.4f", result.test().accuracy()) + NL;
        RunPrinter.ended(out, result);
        assertThat(printed()).isEqualTo(accuracy);

        bytes.reset();
        System.setProperty(RunPrinter.REPORT_PROPERTY, "true");
        try {
            RunPrinter.ended(out, result);
        } finally {
            System.clearProperty(RunPrinter.REPORT_PROPERTY);
        }
        assertThat(printed()).matches("Peak resident memory: -?\\d+ MiB\\R" + java.util.regex.Pattern.quote(accuracy));
    }

    @Test
    void highWaterKib_readsVmHwm_orMinusOne(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path status = java.nio.file.Files.writeString(tmp.resolve("status"), "Name:\tjava\nVmPeak:\t 9 kB\n"
                + "VmHWM:\t  123456 kB\nVmRSS:\t 1 kB\n");
        assertThat(RunPrinter.highWaterKib(status)).isEqualTo(123456);
        assertThat(RunPrinter.highWaterKib(tmp.resolve("gone"))).isEqualTo(-1);
    }
}
