package io.github.drawnet.run;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.History;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.viz.ComparisonFigures;
import io.github.drawnet.viz.Figure;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * One run, from a drawing to a finished run folder: read the drawing into its classes, sample and label
 * the points, fit the network to the classes, train (telling a {@link RunListener} of every epoch, and
 * stopping after an epoch when {@link #stopWhen} says so), evaluate, and write {@code metrics.json}, the exports, the figures, the report and the
 * model into one run folder, committed whole. Or the result alone, without files.
 *
 * <pre>{@code
 * FinishedRun run = DrawingRun.of(DrawingSource.file(Path.of("ring.png")))
 *         .settings(ExperimentSettings.notebook().with(Setting.EPOCHS, "200"))
 *         .backend(Backends.discover().get("djl"))
 *         .out(Path.of("runs/ring"))
 *         .save(Path.of("runs/ring/model.json"))
 *         .writeFolder();
 * System.out.println(run.testAccuracy());
 * }</pre>
 *
 * <p>Every input is checked before anything trains or is written: the settings, the drawing, the folder
 * (another run writing there, another run's results without {@link #replace}, a planned file that is an
 * input), and where the model goes. The engine loads meanwhile. A run that diverges is written whole (its
 * model is not saved); a run stopped on request is written as a stopped run.
 */
public final class DrawingRun {

    private final DrawingSource source;
    private final RunInputs given;
    private final SavedModel saved;
    private final Path savedFile;
    private final boolean fromScratch;
    private final int moreEpochs;
    private List<String> extraNames = List.of();
    private Function<ExperimentResult, List<Figure>> extraFigures = r -> List.of();
    private String saveName;
    private ClassReading classes = ClassReading.DEFAULT;
    private ExperimentSettings settings = ExperimentSettings.notebook();
    private Backend backend;
    private RunListener listener = RunListener.NONE;
    private BooleanSupplier stopRequested = () -> false;
    private Visualizer visualizer;
    private ReportFiles files = ReportFiles.all();
    private Path out;
    private Path base = RunFolders.BASE;
    private boolean replace;
    private Path save;
    private Clock clock = Clock.systemDefaultZone();
    private String command = "run";

    private DrawingRun(DrawingSource source, RunInputs given, SavedModel saved, Path savedFile, boolean fromScratch,
            int moreEpochs) {
        this.source = source;
        this.given = given;
        this.saved = saved;
        this.savedFile = savedFile;
        this.fromScratch = fromScratch;
        this.moreEpochs = moreEpochs;
    }

    /** Returns a run of the notebook's settings on {@code source}, on the preferred backend. */
    public static DrawingRun of(DrawingSource source) {
        return new DrawingRun(Objects.requireNonNull(source, "source"), null, null, null, false, 0);
    }

    /**
     * Returns a run of inputs already read and sampled ({@link RunInputs#prepare}): several runs of the same
     * inputs (one per backend, as a comparison makes them) train on the very same points. {@link #settings} and
     * {@link #classes} do not apply; the inputs' drawing file, if any, is not known, so not guarded as an input.
     */
    public static DrawingRun of(RunInputs inputs) {
        return new DrawingRun(null, Objects.requireNonNull(inputs, "inputs"), null, null, false, 0);
    }

    /**
     * Returns a run that continues {@code saved} for {@code epochs} more epochs, from its weights and
     * optimizer state ({@link SavedModel#resume}), on its own drawing, points and settings; the history
     * goes on numbering its epochs. {@link #settings} and {@link #classes} do not apply.
     *
     * @param file the file the model was read from, which the run never replaces; null when none
     * @throws IllegalArgumentException when {@code epochs} is outside [1, {@value TrainingConfig#MAX_EPOCHS}]
     */
    public static DrawingRun resume(SavedModel saved, Path file, int epochs) {
        return new DrawingRun(null, null, Objects.requireNonNull(saved, "saved"), file, false, checkEpochs(epochs));
    }

    /**
     * Returns a run that trains {@code saved}'s network again from scratch for {@code epochs} epochs: the same
     * drawing, points and settings, the initial weights of its seed and a fresh optimizer ({@link
     * SavedModel#restart}).
     *
     * @param file the file the model was read from, which the run never replaces; null when none
     * @throws IllegalArgumentException when {@code epochs} is outside [1, {@value TrainingConfig#MAX_EPOCHS}]
     */
    public static DrawingRun restart(SavedModel saved, Path file, int epochs) {
        return new DrawingRun(null, null, Objects.requireNonNull(saved, "saved"), file, true, checkEpochs(epochs));
    }

    private static int checkEpochs(int epochs) {
        if (epochs < 1 || epochs > TrainingConfig.MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be in [1, " + TrainingConfig.MAX_EPOCHS + "], got "
                    + epochs);
        }
        return epochs;
    }

    /** Sets how the drawing's colours become classes (default: {@link ClassReading#DEFAULT}). */
    public DrawingRun classes(ClassReading classes) {
        this.classes = Objects.requireNonNull(classes, "classes");
        return this;
    }

    /** Sets the experiment's settings (default: {@link ExperimentSettings#notebook()}). */
    public DrawingRun settings(ExperimentSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Sets the backend (default: {@link Backends#preferred()} of {@link Backends#discover()}). */
    public DrawingRun backend(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        return this;
    }

    /** Sets what is told of the run's steps (default: nothing). */
    public DrawingRun listener(RunListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Tells {@code epochs} of every epoch: its figures and the number the run's last epoch will have. */
    public DrawingRun listener(ObjIntConsumer<EpochMetrics> epochs) {
        return listener(RunListener.ofEpochs(epochs));
    }

    /**
     * Sets what asks the run to stop (default: never): read after each epoch, once the listener has been
     * told of it; when it says so, training stops after that epoch and the run ends as a stopped run, its
     * epochs kept and its files written. {@link StopOnInterrupt} is one, for Ctrl-C.
     */
    public DrawingRun stopWhen(BooleanSupplier stopRequested) {
        this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
        return this;
    }

    /** Sets what draws the figures and the report (default: {@link NotebookVisualizer}). */
    public DrawingRun visualizer(Visualizer visualizer) {
        this.visualizer = Objects.requireNonNull(visualizer, "visualizer");
        return this;
    }

    /** Sets which figures and whether the report are written (default: {@link ReportFiles#all()}). */
    public DrawingRun files(ReportFiles files) {
        this.files = Objects.requireNonNull(files, "files");
        return this;
    }

    /**
     * Sets the run's folder; null (the default) for a new one under {@link #base}, named {@code
     * <time>-<drawing>-<backend>}.
     */
    public DrawingRun out(Path out) {
        this.out = out;
        return this;
    }

    /** Sets where new folders are made when no {@link #out} is given (default: {@link RunFolders#BASE}). */
    public DrawingRun base(Path base) {
        this.base = Objects.requireNonNull(base, "base");
        return this;
    }

    /** Sets whether the results of an earlier run in the folder may be replaced, as a whole (default: no). */
    public DrawingRun replace(boolean replace) {
        this.replace = replace;
        return this;
    }

    /** Sets where the trained model is saved, inside the run's folder or anywhere else; null for nowhere. */
    public DrawingRun save(Path save) {
        this.save = save;
        return this;
    }

    /**
     * Saves the trained model into the run's folder as {@code name} (for example {@code model.json}), part of
     * the run's set; {@link #save} overrides it.
     */
    public DrawingRun saveInFolder(String name) {
        this.saveName = name;
        return this;
    }

    /**
     * Writes further figures beside the notebook's, made from the result once training ends.
     *
     * @param names the figures' names (without extension), planned before any work
     * @param make makes the figures, one per name
     */
    public DrawingRun extraFigures(List<String> names, Function<ExperimentResult, List<Figure>> make) {
        this.extraNames = List.copyOf(names);
        this.extraFigures = Objects.requireNonNull(make, "make");
        return this;
    }

    /**
     * Writes, beside the notebook's figures, a figure named {@code name} of the saved model's history beside this
     * run's: continuing, the new epochs numbered on after the saved ones; from scratch, both from epoch 1.
     *
     * @throws IllegalStateException when this is not a run of a saved model ({@link #resume}, {@link #restart})
     */
    public DrawingRun savedHistoryFigure(String name) {
        Objects.requireNonNull(name, "name");
        if (saved == null) {
            throw new IllegalStateException("only a run of a saved model has a saved history to show");
        }
        History before = saved.history();
        return extraFigures(List.of(name), r -> List.of(historyFigure(name, before, r.history(), fromScratch)));
    }

    /** Returns the figure of {@code savedModel}'s history beside {@code now}'s ({@link #savedHistoryFigure}). */
    static Figure historyFigure(String name, History savedModel, History now, boolean fromScratch) {
        int before = savedModel.size();
        if (fromScratch) {
            return ComparisonFigures.histories(name, "The saved model's epochs beside training again from scratch",
                    List.of(ComparisonFigures.Named.of("saved model, epochs 1-" + before, savedModel),
                            ComparisonFigures.Named.of("from scratch, epochs 1-" + now.size(), now)));
        }
        List<EpochMetrics> added = now.epochs().subList(before, now.size());
        return ComparisonFigures.histories(name, "Continuing the saved model: its epochs, then the new ones numbered on",
                List.of(ComparisonFigures.Named.of("saved, epochs 1-" + before, savedModel),
                        new ComparisonFigures.Named("continued, epochs " + (before + 1) + "-" + now.size(), added)));
    }

    /** Sets the clock default folder names and run ids are read from (default: the system's). */
    public DrawingRun clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Sets the command recorded in the folder's manifest (default: {@code run}). */
    public DrawingRun command(String command) {
        this.command = Objects.requireNonNull(command, "command");
        return this;
    }

    /**
     * Runs, and returns the result without writing any file.
     *
     * @throws io.github.drawnet.api.InvalidSettingException naming a setting that is out of range or does not
     *     fit the others
     * @throws io.github.drawnet.sampling.InvalidDrawingException naming the drawing and what is wrong with it
     * @throws io.github.drawnet.api.BackendUnavailableException when the engine cannot load here
     */
    public FinishedRun resultOnly() {
        Backend b = chosenBackend();
        Supplier<String> loading = Backends.loadInBackground(b);
        RunInputs inputs = prepare();
        String engine = loading.get();
        try (Experiment experiment = start(b, inputs)) {
            listener.started(started(experiment, inputs), engine, null);
            ExperimentResult result = train(experiment);
            listener.trained(result);
            return new FinishedRun(result, null);
        }
    }

    /**
     * Runs, and writes the run's folder whole.
     *
     * @throws io.github.drawnet.api.InvalidSettingException naming a setting that is out of range or does not
     *     fit the others
     * @throws io.github.drawnet.sampling.InvalidDrawingException naming the drawing and what is wrong with it
     * @throws io.github.drawnet.api.BackendUnavailableException when the engine cannot load here
     * @throws RunFolderException when the run may not write its folder or its model where asked, or a file
     *     cannot be written (the folder then keeps what it held before); one line naming the folder or file
     * @throws IOException when the model cannot be saved outside the folder after the folder is committed
     */
    public FinishedRun writeFolder() throws IOException {
        Backend b = chosenBackend();
        Supplier<String> loading = Backends.loadInBackground(b);
        RunInputs inputs = prepare();
        String engine = loading.get(); // an engine that cannot load is reported before anything is written
        RunWriter writer = new RunWriter(visualizer == null ? new NotebookVisualizer() : visualizer);
        String name = saved != null ? saved.drawing().name() : inputs.drawing().name();
        Path dir = out != null ? out : RunFolders.fresh(base, clock, name, b.id());
        RunWriter.checkSaveOutside(save, dir);
        List<Path> reads = new ArrayList<>(source != null ? source.inputs() : List.of());
        if (savedFile != null) {
            reads.add(savedFile);
        }
        int classes = saved != null ? saved.spec().classes() : inputs.spec().classes();
        try (RunFolder folder = RunFolders.open(dir, replace, clock, command, reads,
                writer.plannedNames(extraNames, files, classes))) {
            Path target = save != null ? save : saveName != null ? folder.finalPath(saveName) : null;
            RunWriter.checkSave(target, folder);
            ExperimentResult result;
            try (Experiment experiment = start(b, inputs)) {
                listener.started(started(experiment, inputs), engine, folder.given());
                Thread warming = writer.warmUp(files); // the figures' code warms on the core training leaves idle
                try {
                    result = train(experiment);
                } finally {
                    warming.interrupt();
                }
            }
            listener.trained(result);
            RunFiles written = writer.write(result, folder, target, extraFigures.apply(result), files);
            listener.written(written);
            return new FinishedRun(result, written);
        }
    }

    /** Returns the inputs of a run on a drawing, read and checked; null for a run of a saved model. */
    private RunInputs prepare() {
        if (given != null) {
            return given;
        }
        return saved != null ? null : RunInputs.prepare(source, classes, settings.requireConsistent());
    }

    private Experiment start(Backend b, RunInputs inputs) {
        if (saved != null) {
            return fromScratch ? saved.restart(b) : saved.resume(b);
        }
        return Experiment.start(b, inputs.drawing(), inputs.data(), inputs.spec(), inputs.config());
    }

    private static RunInputs started(Experiment e, RunInputs inputs) {
        return inputs != null ? inputs
                : new RunInputs(e.drawing(), "saved in the model", e.data(), e.spec(), e.config(), null);
    }

    private ExperimentResult train(Experiment experiment) {
        experiment.train(saved != null ? moreEpochs : experiment.config().epochs(),
                TrainingListener.ofEpochs(listener::epoch), stopRequested);
        return experiment.finish();
    }

    private Backend chosenBackend() {
        if (backend != null) {
            return backend;
        }
        Backends found = Backends.discover();
        return saved != null ? found.find(saved.backendId()).orElseGet(found::preferred) : found.preferred();
    }
}
