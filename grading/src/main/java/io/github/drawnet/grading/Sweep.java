package io.github.drawnet.grading;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.Setting;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A grid of experiments over backends and settings, all on the same points with the same seed, so
 * that the setting is the only difference between cells (the notebook's "things to try", and a
 * comparison of engines). The settings tried are a {@link Grid}; every value is read by the one parser
 * ({@link ExperimentSettings#with}) before anything trains. Cells run in parallel when every backend in the grid allows it; each cell
 * is seeded on its own, so the results are those of running them one by one.
 *
 * <pre>{@code
 * Sweep sweep = Sweep.of(List.of(backends.get("djl")), ExperimentSettings.notebook(),
 *         Grid.NONE.with(Setting.HIDDEN, "1;2;4;8,4").with(Setting.ACTIVATION, "sigmoid;linear"));
 * List<Sweep.Done> done = sweep.run(drawing, data, 2, d -> {});
 * }</pre>
 *
 * <p>Immutable; {@link #run} may be called from any thread.
 */
public final class Sweep {

    /** The most cells one sweep may have. */
    public static final int MAX_CELLS = 256;

    /**
     * One cell of the grid.
     *
     * @param index its number, from 1
     * @param backend the backend it trains on
     * @param settings its experiment
     * @param labels its backend and varied settings by name, as the sweep's table shows them (a
     *     cell of two hidden layers reads {@code 8,4}, as everywhere)
     */
    public record Cell(int index, Backend backend, ExperimentSettings settings, Map<String, String> labels) {

        /** Validates and copies. */
        public Cell {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(settings, "settings");
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /**
     * A finished cell.
     *
     * @param cell the cell
     * @param label its varied settings, for example {@code hidden=8 activation=tanh}
     * @param result what it produced
     */
    public record Done(Cell cell, String label, ExperimentResult result) {}

    private final List<Cell> cells;
    private final List<String> varying;

    private Sweep(List<Cell> cells) {
        this.cells = List.copyOf(cells);
        List<String> keys = new ArrayList<>();
        for (String key : cells.get(0).labels().keySet()) {
            if (cells.stream().map(c -> c.labels().get(key)).distinct().count() > 1) {
                keys.add(key);
            }
        }
        this.varying = List.copyOf(keys);
    }

    /**
     * Makes the grid of every backend times every combination of the values of {@code grid}'s axes, on
     * {@code base}. A setting the grid does not vary keeps its value in {@code base}. Each value is read alone first; the limits between
     * settings ({@link ExperimentSettings#requireConsistent()}) are checked on each cell, once all its
     * settings are known, so a batch given for a small training set is not refused for the base's.
     *
     * @throws io.github.drawnet.api.InvalidSettingException naming the first bad value
     * @throws IllegalArgumentException when there are more than {@value #MAX_CELLS} cells or no backend
     */
    public static Sweep of(List<Backend> backends, ExperimentSettings base, Grid grid) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one backend");
        }
        List<List<ExperimentSettings>> values = new ArrayList<>();
        long count = backends.size();
        for (Setting axis : Grid.AXES) {
            List<ExperimentSettings> read = new ArrayList<>();
            for (String text : grid.valuesOr(axis, List.of(base.text(axis)))) {
                read.add(base.with(axis, text));
            }
            values.add(read);
            count *= read.size();
        }
        if (count > MAX_CELLS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the sweep has %d cells; at most %d are allowed", count, MAX_CELLS));
        }
        List<Cell> cells = new ArrayList<>();
        for (Backend b : backends) {
            combine(base, values, 0, b, cells);
        }
        return new Sweep(cells);
    }

    private static void combine(ExperimentSettings s, List<List<ExperimentSettings>> values, int axis, Backend b,
            List<Cell> cells) {
        if (axis == Grid.AXES.size()) {
            ExperimentSettings cell = s.requireConsistent();
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("backend", b.id());
            labels.put("hidden", cell.text(Setting.HIDDEN));
            labels.put("activation", cell.network().activation().id());
            labels.put("features", cell.text(Setting.FEATURES));
            labels.put("optimizer", cell.training().optimizer().id());
            labels.put("lr", String.valueOf(cell.training().learningRate()));
            labels.put("batch", String.valueOf(cell.training().batchSize()));
            labels.put("epochs", String.valueOf(cell.training().epochs()));
            labels.put("weight_decay", String.valueOf(cell.training().weightDecay()));
            labels.put("l1", String.valueOf(cell.training().l1()));
            cells.add(new Cell(cells.size() + 1, b, cell, labels));
            return;
        }
        Setting setting = Grid.AXES.get(axis);
        for (ExperimentSettings value : values.get(axis)) {
            combine(s.with(setting, value.text(setting)), values, axis + 1, b, cells);
        }
    }

    /**
     * Returns the best of {@code done}: the highest test accuracy among the cells that did not
     * diverge (a diverged network's accuracy is that of whatever its last parameters say, often one
     * class everywhere); the first of equals; empty when every cell diverged.
     */
    public static java.util.Optional<Done> best(List<Done> done) {
        return done.stream().filter(d -> d.result().training().stopReason() != StopReason.DIVERGED)
                .reduce((a, b) -> b.result().test().accuracy() > a.result().test().accuracy() ? b : a);
    }

    /** Returns the cells, in order. */
    public List<Cell> cells() {
        return cells;
    }

    /** Returns the names of the labels that differ between cells (empty for a single setting). */
    public List<String> varying() {
        return varying;
    }

    /** Returns a cell's varied settings as {@code name=value} pairs, or {@code cell N} when nothing varies. */
    public String label(Cell c) {
        if (varying.isEmpty()) {
            return "cell " + c.index();
        }
        return varying.stream().map(k -> k + "=" + c.labels().get(k)).collect(Collectors.joining(" "));
    }

    /**
     * Returns how many cells train at once with {@code threads} threads: 1 when a backend in the
     * grid trains one model at a time.
     */
    public int concurrency(int threads) {
        boolean concurrent = threads > 1 && cells.size() > 1
                && cells.stream().allMatch(c -> c.backend().supportsConcurrentTraining());
        return concurrent ? Math.min(threads, cells.size()) : 1;
    }

    /**
     * Trains every cell on {@code data}, {@link #concurrency(int)} at a time, telling {@code onDone}
     * (from the training threads, one call at a time) as each cell ends; returns the cells in order.
     *
     * @throws InterruptedException when the calling thread is interrupted; the cells still running stop
     * @throws RuntimeException the first cell's failure, as thrown
     */
    public List<Done> run(Drawing drawing, DataSplits data, int threads, Consumer<Done> onDone)
            throws InterruptedException {
        return run(drawing, data, threads, onDone, () -> false);
    }

    /**
     * Trains every cell as {@link #run(Drawing, DataSplits, int, Consumer)} does until {@code stopRequested}
     * says stop: then no further cell starts, and the cells training stop at the end of their epoch (each a
     * stopped run, {@link StopReason#STOPPED}, told to {@code onDone} and returned); returns the cells that
     * ran, in order.
     *
     * @param stopRequested asked before each cell starts and after each epoch, from the training threads
     * @throws InterruptedException when the calling thread is interrupted; the cells still running stop
     * @throws RuntimeException the first cell's failure, as thrown
     */
    public List<Done> run(Drawing drawing, DataSplits data, int threads, Consumer<Done> onDone,
            java.util.function.BooleanSupplier stopRequested) throws InterruptedException {
        java.util.Objects.requireNonNull(stopRequested, "stopRequested");
        ExecutorService pool = Executors.newFixedThreadPool(concurrency(threads), r -> {
            Thread t = new Thread(r, "drawnet-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (Cell c : cells) {
                futures.add(pool.submit(() -> {
                    if (stopRequested.getAsBoolean()) {
                        return null; // not started
                    }
                    ExperimentResult r = Experiments.run(c.backend(), drawing, data, data.fit(c.settings().network()),
                            c.settings().training(), TrainingListener.NONE, stopRequested);
                    Done d = new Done(c, label(c), r);
                    synchronized (this) {
                        onDone.accept(d);
                    }
                    return d;
                }));
            }
            List<Done> done = new ArrayList<>();
            for (Future<Done> f : futures) {
                try {
                    Done d = f.get();
                    if (d != null) {
                        done.add(d);
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(cause);
                }
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }
}
