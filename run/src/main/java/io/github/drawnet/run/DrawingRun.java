package io.github.drawnet.run;

import io.github.drawnet.api.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.EpochListener;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.ReportFiles;
import io.github.drawnet.api.Visualizer;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One run, from a drawing to a finished run folder: read the drawing into its classes, sample and label
 * the points, fit the network to the classes, train (telling a {@link RunListener} of every epoch, which
 * may stop it), evaluate, and write {@code metrics.json}, the exports, the figures, the report and the
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
 * model is not saved); a run its listener stops is written as a stopped run.
 */
public final class DrawingRun {

    private final DrawingSource source;
    private ClassReading classes = ClassReading.DEFAULT;
    private ExperimentSettings settings = ExperimentSettings.notebook();
    private Backend backend;
    private RunListener listener = RunListener.NONE;
    private Visualizer visualizer;
    private ReportFiles files = ReportFiles.all();
    private Path out;
    private Path base = RunFolders.BASE;
    private boolean replace;
    private Path save;
    private Clock clock = Clock.systemDefaultZone();
    private String command = "run";

    private DrawingRun(DrawingSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Returns a run of the notebook's settings on {@code source}, on the preferred backend. */
    public static DrawingRun of(DrawingSource source) {
        return new DrawingRun(source);
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

    /** Sets what is told of the run's steps, and may stop it after an epoch (default: nothing). */
    public DrawingRun listener(RunListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Tells {@code epochs} of every epoch; it may stop the run. */
    public DrawingRun listener(EpochListener epochs) {
        return listener(RunListener.ofEpochs(epochs));
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
        RunInputs inputs = RunInputs.prepare(source, classes, settings.requireConsistent());
        String engine = loading.get();
        listener.started(inputs, engine, null);
        ExperimentResult result = train(b, inputs);
        listener.trained(result);
        return new FinishedRun(result, null);
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
        RunInputs inputs = RunInputs.prepare(source, classes, settings.requireConsistent());
        String engine = loading.get(); // an engine that cannot load is reported before anything is written
        RunWriter writer = new RunWriter(visualizer == null ? new NotebookVisualizer() : visualizer);
        Path dir = out != null ? out : RunFolders.fresh(base, clock, inputs.drawing().name(), b.id());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunFolderException("output folder " + dir + " is a file; give a folder");
        }
        RunWriter.checkSaveOutside(save, dir);
        List<Path> reads = new ArrayList<>(source.inputs());
        try (RunFolder folder = open(dir, reads, writer.plannedNames(List.of(), files, inputs.spec().classes()))) {
            RunWriter.checkSave(save, folder);
            listener.started(inputs, engine, folder.given());
            ExperimentResult result;
            Thread warming = writer.warmUp(files); // the figures' code warms on the core training leaves idle
            try {
                result = train(b, inputs);
            } finally {
                warming.interrupt();
            }
            listener.trained(result);
            RunFiles written = writer.write(result, folder, save, List.of(), files);
            listener.written(written);
            return new FinishedRun(result, written);
        }
    }

    private RunFolder open(Path dir, List<Path> reads, List<String> planned) throws RunFolderException {
        try {
            return RunFolders.open(dir, replace, clock, command, reads, planned);
        } catch (RunFolderException e) {
            throw e;
        } catch (IOException e) {
            throw new RunFolderException((Files.isDirectory(dir) ? "cannot write to output folder "
                    : "cannot create output folder ") + dir + ": " + RunWriter.describe(e));
        }
    }

    private ExperimentResult train(Backend b, RunInputs inputs) {
        return Experiments.run(b, inputs.drawing(), inputs.data(), inputs.spec(), inputs.config(), listener::epoch);
    }

    private Backend chosenBackend() {
        return backend != null ? backend : Backends.discover().preferred();
    }
}
