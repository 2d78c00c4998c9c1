package org.example.checker;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeReport;
import io.github.drawnet.grading.GradeRun;
import io.github.drawnet.grading.GradedRun;
import io.github.drawnet.grading.Grid;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.run.DrawingRun;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.FinishedRun;
import io.github.drawnet.run.RunFiles;
import io.github.drawnet.viz.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Checks drawing exercises, as a course tool built on Drawnet would: one drawing to a run folder
 * (metrics, figures, report, model), its test accuracy against a target, the saved model continued,
 * and a folder of students' drawings graded into grades.csv and grades.html.
 */
public final class ExerciseChecker {

    /** What checking one drawing found: the run, where it wrote, and its model trained 10 epochs more. */
    public record Verdict(FinishedRun run, RunFiles files, boolean passed, ExperimentResult continued) {}

    private final Backends backends = Backends.discover(); // every backend on the class path

    /** Returns the settings a checker uses: the notebook's, smaller, so that a class's drawings check quickly. */
    public static ExperimentSettings quick() {
        return ExperimentSettings.notebook().with(Setting.HIDDEN, "8").with(Setting.LEARNING_RATE, "0.03")
                .with(Setting.EPOCHS, "30").with(Setting.TRAIN_SIZE, "1500").with(Setting.VALIDATION_SIZE, "300")
                .with(Setting.TEST_SIZE, "2000");
    }

    /** Trains {@code drawing} on backend {@code backendId} into the run folder {@code out}, then continues it. */
    public Verdict check(DrawingSource drawing, String backendId, ExperimentSettings settings, double target, Path out)
            throws IOException {
        Backend backend = backends.get(backendId);
        // reads the PNG, samples and labels the points, fits the network to the drawing's classes, trains,
        // and writes metrics.json, the exports, the figures (PNG), report.html and model.json as one folder
        FinishedRun run = DrawingRun.of(drawing).settings(settings).backend(backend)
                .files(new ReportFiles(EnumSet.of(ReportFiles.Format.PNG), true))
                .out(out).replace(true).save(out.resolve("model.json"))
                .listener((epoch, last) -> { // told of every epoch; stopWhen(...) would end training after one
                    if (epoch.epoch() % 10 == 0) {
                        System.out.println(epoch.notebookLine(last));
                    }
                })
                .writeFolder();
        RunFiles files = run.written().orElseThrow();
        Path model = files.savedModel().orElseThrow(() -> new IOException("no model: " + files.modelNotSaved()));

        ExperimentResult continued; // any backend continues any model: epochs number on, optimizer state kept
        try (Experiment more = SavedModel.read(model).resume(backend)) {
            more.train(ExperimentSettings.MORE_EPOCHS, TrainingListener.NONE);
            continued = more.finish();
        }
        return new Verdict(run, files, run.testAccuracy() >= target, continued);
    }

    /**
     * Grades every PNG under {@code folder} (a subfolder per student allowed) into the run folder {@code out}:
     * {@code grades.csv}, {@code grades.html} and, with {@code saveModels}, each cell's report and trained model.
     */
    public GradedRun grade(Path folder, String backendId, ExperimentSettings settings, Path out, boolean saveModels)
            throws IOException, InterruptedException {
        GradePlan plan = GradePlan.of(folder, List.of(backends.get(backendId)), settings, Grid.NONE);
        return GradeRun.of(plan).engineOptions(2, null, false).saveModels(saveModels)
                .listener((done, total, row) -> System.out.println(row.describe(total)))
                .out(out).write();
    }

    /** {@code ExerciseChecker DRAWING.png|FOLDER OUT [BACKEND]}: checks one drawing, or grades a folder. */
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String backend = args.length > 2 ? args[2] : "reference";
        ExerciseChecker checker = new ExerciseChecker();
        if (Files.isDirectory(in)) {
            GradedRun graded = checker.grade(in, backend, quick(), out, true);
            System.out.println(GradeReport.summary(graded.rows()) + " -> " + graded.grades());
            return;
        }
        Verdict v = checker.check(DrawingSource.file(in), backend, quick(), 0.9, out);
        ExperimentResult r = v.run().result();
        System.out.printf(Locale.ROOT, "%s on %s: test accuracy %.4f (balanced %.4f), %s%n", in, r.backendId(),
                r.test().accuracy(), r.test().balancedAccuracy(), v.passed() ? "passed" : "not yet");
        System.out.printf(Locale.ROOT, "epoch %d: validation accuracy %.4f; after %d more: test accuracy %.4f%n",
                r.history().last().epoch(), r.history().last().validationAccuracy(), ExperimentSettings.MORE_EPOCHS,
                v.continued().test().accuracy());
        System.out.println("wrote " + v.files().folder() + ": " + v.files().figures().size() + " figures, "
                + v.files().reportFile().orElseThrow().getFileName() + ", " + v.files().model().getFileName());
    }
}
