package io.github.drawnet.grading;

import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.run.RunFolders;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.viz.ComparisonFigures;
import io.github.drawnet.viz.Figure;
import io.github.drawnet.viz.FigureWriter;
import io.github.drawnet.viz.ReportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One sweep on this machine, from sampled points to a finished run folder: every cell of a {@link Sweep}
 * trains on the very same points ({@link Sweep#run}), then {@code sweep.csv} and the figures of every cell's
 * output map ({@code sweep-maps}) and curves ({@code sweep-curves}) are written into one run folder, committed
 * whole. A stop writes the cells done; a stop before any cell trained writes nothing.
 *
 * <p>A sweep is a grading of one drawing, and on another engine it is written as one ({@link GradeRun#asSweep}).
 * This one stays apart from {@link GradeRun} because of what it writes: the figures need each cell's whole
 * result (its history, its network) on this machine, where a grading keeps a row per cell; every cell shares
 * one sample of points rather than sampling its own; and a sweep's folder holds no {@code grades.csv}.
 *
 * <p>Every check on the folder comes before any cell trains, as for {@link GradeRun}. Not thread-safe.
 */
public final class SweepRun {

    /** The figures' names, as {@link ReportFiles#figureFileNames} takes them. */
    public static final List<String> FIGURES = List.of("sweep-maps", "sweep-curves");

    private final Sweep sweep;
    private final RunInputs inputs;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Set<ReportFiles.Format> formats = ReportFiles.all().formats();
    private Consumer<Sweep.Done> listener = d -> { };
    private BooleanSupplier stopRequested = () -> false;
    private Consumer<Path> started = folder -> { };
    private Path drawingFile;
    private Path out;
    private Path base = RunFolders.BASE;
    private boolean replace;
    private Clock clock = Clock.systemDefaultZone();

    private SweepRun(Sweep sweep, RunInputs inputs) {
        this.sweep = sweep;
        this.inputs = inputs;
    }

    /** Returns a sweep of {@code sweep}'s cells on {@code inputs}' drawing and points ({@link RunInputs#prepare}). */
    public static SweepRun of(Sweep sweep, RunInputs inputs) {
        return new SweepRun(Objects.requireNonNull(sweep, "sweep"), Objects.requireNonNull(inputs, "inputs"));
    }

    /** Sets the cells trained at once, when every backend in the grid allows it (default: the number of cores). */
    public SweepRun threads(int threads) {
        this.threads = threads;
        return this;
    }

    /** Sets the figures' formats; none for no figure (default: those of {@link ReportFiles#all()}). */
    public SweepRun figures(Set<ReportFiles.Format> formats) {
        // in the enum's order, so that a figure's first file is its PNG whatever set is given
        this.formats = formats.isEmpty() ? EnumSet.noneOf(ReportFiles.Format.class) : EnumSet.copyOf(formats);
        return this;
    }

    /** Sets what is told of each cell as it ends, one call at a time (default: nothing). */
    public SweepRun listener(Consumer<Sweep.Done> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Sets what asks the sweep to stop (default: never): no further cell starts, and those training stop. */
    public SweepRun stopWhen(BooleanSupplier stopRequested) {
        this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
        return this;
    }

    /** Calls {@code started} with the folder (as given) once it is open and checked, before the first cell. */
    public SweepRun onStart(Consumer<Path> started) {
        this.started = Objects.requireNonNull(started, "started");
        return this;
    }

    /** Sets the drawing's file, which the sweep reads and never replaces; null (the default) for a preset. */
    public SweepRun drawingFile(Path drawingFile) {
        this.drawingFile = drawingFile;
        return this;
    }

    /** Sets the run's folder; null (the default) for a new one under {@link #base}, {@code <time>-<drawing>-sweep}. */
    public SweepRun out(Path out) {
        this.out = out;
        return this;
    }

    /** Sets where new folders are made when no {@link #out} is given (default: {@link RunFolders#BASE}). */
    public SweepRun base(Path base) {
        this.base = Objects.requireNonNull(base, "base");
        return this;
    }

    /** Sets whether an earlier run's results may be replaced, and the working folder written into (default: no). */
    public SweepRun replace(boolean replace) {
        this.replace = replace;
        return this;
    }

    /** Sets the clock default folder names and run ids are read from (default: the system's). */
    public SweepRun clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Trains every cell and writes the folder whole; when a stop came before any cell trained, writes nothing.
     *
     * @return the cells done, in order, and where they were written
     * @throws io.github.drawnet.io.RunFolderException when the run may not write its folder; nothing has trained
     * @throws IOException when a file cannot be written; the folder then keeps what it held before
     * @throws InterruptedException when the calling thread is interrupted
     */
    public Swept write() throws IOException, InterruptedException {
        Path dir = out != null ? RunFolders.checkGiven(out, replace, "--out", "--force")
                : RunFolders.fresh(base, clock, inputs.drawing().name(), "sweep");
        List<String> planned = Stream.concat(Stream.of(GradeRun.SWEEP_CSV),
                new ReportFiles(formats, false).figureFileNames(FIGURES.get(0), FIGURES.get(1)).stream()).toList();
        try (RunFolder folder = RunFolders.open(dir, replace, clock, "sweep",
                drawingFile == null ? List.of() : List.of(drawingFile), planned)) {
            started.accept(folder.given());
            long start = System.nanoTime();
            List<Sweep.Done> done = sweep.run(inputs.drawing(), inputs.data(), threads, listener, stopRequested);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (done.isEmpty()) {
                return new Swept(done, null, List.of(), seconds);
            }
            Path staging = folder.staging();
            AtomicFiles.write(staging.resolve(GradeRun.SWEEP_CSV), SweepReport.csv(done).getBytes(StandardCharsets.UTF_8));
            List<Path> figures = new ArrayList<>(); // each figure's first file: its PNG, or its SVG when only SVG
            for (Figure f : formats.isEmpty() ? List.<Figure>of() : figures(done)) {
                figures.add(folder.finalPath(FigureWriter.write(f, staging, formats).get(0).getFileName().toString()));
            }
            folder.commit();
            return new Swept(done, folder.given(), figures, seconds);
        }
    }

    private static List<Figure> figures(List<Sweep.Done> done) {
        List<ComparisonFigures.Run> runs = done.stream().map(d -> new ComparisonFigures.Run(d.label(), d.result()))
                .toList();
        return List.of(ComparisonFigures.maps(FIGURES.get(0), "Each cell's output map, with its test accuracy", runs),
                ComparisonFigures.histories(FIGURES.get(1), "Each cell's validation accuracy and training loss against"
                        + " epoch", done.stream().map(d -> ComparisonFigures.Named.of(d.label(), d.result().history()))
                                .toList()));
    }

    /**
     * A sweep written whole by {@link SweepRun}.
     *
     * @param done the cells done, in order (empty when a stop came before the first)
     * @param folder the run's folder as given, or null when nothing was written
     * @param figures each figure's first file in the folder (its PNG, or its SVG when only SVG), as given
     * @param seconds the time the cells took
     */
    public record Swept(List<Sweep.Done> done, Path folder, List<Path> figures, double seconds) {

        /** Validates and copies. */
        public Swept {
            done = List.copyOf(done);
            figures = List.copyOf(figures);
        }

        /** Returns {@code sweep.csv}'s path, or null when nothing was written. */
        public Path table() {
            return folder == null ? null : folder.resolve(GradeRun.SWEEP_CSV);
        }
    }
}
