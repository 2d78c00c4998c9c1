package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.api.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.EpochListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.Setting;
import io.github.drawnet.viz.ComparisonFigures;
import io.github.drawnet.viz.FigureWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code drawnet sweep}: a grid of experiments over any of the network's and training's settings, all
 * on the same points with the same seed, so that the setting is the only difference between cells.
 * Cells run in parallel on the available cores when every backend in the grid allows it; each cell
 * is seeded on its own, so the results are the same as running them one by one.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SettingDefaults.class,
        description = {"Train a grid of settings on the same points and compare the cells.",
            "One cell per combination of the values given, all with the same points and seed: a "
                + "table, sweep.csv, each cell's output map, and their curves. Lists are comma-separated; a "
                + "cell of several hidden layers is written 8-4. Example:",
            "  drawnet sweep --preset ring --hidden 1,2,4,16 --activation sigmoid,linear"})
final class SweepCommand implements Callable<Integer> {

    /** The most cells one sweep may have. */
    static final int MAX_CELLS = 256;

    /** The settings a sweep varies, in the order cells are numbered. */
    private static final List<Setting> AXES = List.of(Setting.HIDDEN, Setting.ACTIVATION, Setting.FEATURES,
            Setting.OPTIMIZER, Setting.LEARNING_RATE, Setting.BATCH_SIZE, Setting.EPOCHS, Setting.WEIGHT_DECAY);

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--hidden", paramLabel = "SIZES", split = ",",
            description = "Hidden layer sizes to try, e.g. 1,2,4,16 or 8-4 for two layers (default: ${DEFAULT-VALUE}).")
    List<String> hidden;

    @Option(names = "--activation", paramLabel = "NAMES", split = ",",
            description = "Activations to try (default: ${DEFAULT-VALUE}).")
    List<String> activations;

    @Option(names = "--features", paramLabel = "LIST",
            description = "Input features; repeat the option to try several sets, e.g. --features x1,x2"
                    + " --features x1sq,x2sq (default: ${DEFAULT-VALUE}).")
    List<String> features;

    @Option(names = "--optimizer", paramLabel = "NAMES", split = ",",
            description = "Optimizers to try (default: ${DEFAULT-VALUE}).")
    List<String> optimizers;

    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "RATES", split = ",",
            description = "Learning rates to try (default: ${DEFAULT-VALUE}).")
    List<String> rates;

    @Option(names = {"--batch", "--batch-size"}, paramLabel = "SIZES", split = ",",
            description = "Batch sizes to try (default: ${DEFAULT-VALUE}).")
    List<String> batches;

    @Option(names = "--epochs", paramLabel = "NS", split = ",", description = "Epoch counts to try (default: ${DEFAULT-VALUE}).")
    List<String> epochCounts;

    @Option(names = "--weight-decay", paramLabel = "L2S", split = ",",
            description = "Weight decays to try (default: ${DEFAULT-VALUE}).")
    List<String> decays;

    @Option(names = "--backend", paramLabel = "IDS", split = ",",
            description = "Backends to try (default: djl).")
    List<String> backendIds;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Cells trained at once (default: the number of cores) when every backend allows it.")
    Integer parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: drawnet-out/<time>-<drawing>-sweep).")
    Path out;

    private final Backends backends;
    private final PrintStream stdout;
    private final Clock clock;

    @Inject
    SweepCommand(Backends backends, @Named("out") PrintStream stdout, Clock clock) {
        this.backends = backends;
        this.stdout = stdout;
        this.clock = clock;
    }

    /** One cell of the grid. */
    record Cell(int index, Map<String, String> settings, Backend backend, ExperimentSettings experiment) {}

    /** A finished cell. */
    record Done(Cell cell, String label, ExperimentResult result) {}

    @Override
    public Integer call() throws IOException, InterruptedException {
        ExperimentSettings base = data.read(ExperimentSettings.notebook());
        List<Cell> cells = cells(base);
        cells.stream().map(Cell::backend).distinct().forEach(Backend::engineVersion); // engines load before any output
        DataOptions.Sampled sampled = data.sample(base);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = parallel == null ? cores : parallel;
        ExperimentOptions.check("--parallel", threads, 1, 64);
        boolean concurrent = threads > 1 && cells.size() > 1
                && cells.stream().allMatch(c -> c.backend().supportsConcurrentTraining());
        Path dir = OutputFolder.prepare(out, clock, sampled.drawing().name(), "sweep");

        PrintStream o = stdout;
        List<String> varying = varying(cells);
        o.printf(Locale.ROOT, "Sweep: %d cells over %s on drawing %s; %d training points, seed %d; %s%n", cells.size(),
                varying.isEmpty() ? "one setting" : String.join(", ", varying), sampled.drawing().name(),
                base.sizes().train(), base.seed(), concurrent ? "up to " + Math.min(threads, cells.size()) + " cells at once"
                        : "one cell at a time" + (threads > 1 && cells.size() > 1
                                ? " (a backend in the grid trains one model at a time)" : ""));
        Progress progress = new Progress(o, Progress.onTerminal(), "cells");
        progress.update(0, cells.size(), "");
        List<Done> done = new ArrayList<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrent ? Math.min(threads, cells.size()) : 1, r -> {
            Thread t = new Thread(r, "drawnet-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ExperimentResult>> futures = new ArrayList<>();
            int[] finished = {0};
            for (Cell c : cells) {
                futures.add(pool.submit(() -> {
                    ExperimentResult r = Experiments.run(c.backend(), sampled.drawing(), sampled.splits(),
                            c.experiment().network(), c.experiment().training(), EpochListener.NONE);
                    synchronized (finished) {
                        finished[0]++;
                        progress.line(String.format(Locale.ROOT, "cell %d/%d %s: test accuracy %.4f (%.1f s)",
                                c.index(), cells.size(), label(c, varying), r.test().accuracy(),
                                r.trainingTime().toNanos() / 1e9));
                        progress.update(finished[0], cells.size(), "");
                    }
                    return r;
                }));
            }
            for (int i = 0; i < cells.size(); i++) {
                try {
                    done.add(new Done(cells.get(i), label(cells.get(i), varying), futures.get(i).get()));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        o.println();
        o.print(table(done, varying));
        Path csv = dir.resolve("sweep.csv");
        AtomicFiles.write(csv, csv(done).getBytes(StandardCharsets.UTF_8));
        List<ComparisonFigures.Run> runs = done.stream().map(d -> new ComparisonFigures.Run(d.label(), d.result()))
                .collect(Collectors.toList());
        Path maps = FigureWriter.write(ComparisonFigures.maps("sweep-maps",
                "Each cell's output map, with its test accuracy", runs), dir);
        Path curves = FigureWriter.write(ComparisonFigures.histories("sweep-curves",
                "Each cell's validation accuracy and training loss against epoch",
                done.stream().map(d -> ComparisonFigures.Named.of(d.label(), d.result().history()))
                        .collect(Collectors.toList())), dir);
        o.printf(Locale.ROOT, "Swept %d cells in %.1f s%n", done.size(), seconds);
        o.println("Table: " + csv);
        o.println("Figures: " + maps + ", " + curves);
        Done best = done.stream().max((a, b) -> Double.compare(a.result().test().accuracy(),
                b.result().test().accuracy())).orElseThrow();
        o.printf(Locale.ROOT, "Best cell: %d (%s), accuracy on the test set: %.4f%n", best.cell().index(), best.label(),
                best.result().test().accuracy());
        return ExitCodes.OK;
    }

    /**
     * Builds and checks every cell before anything trains: each value is read by the library's one
     * parser on its own, then every combination.
     */
    List<Cell> cells(ExperimentSettings base) {
        List<Backend> bs = new ArrayList<>();
        if (backendIds == null || backendIds.isEmpty()) {
            bs.add(backends.preferred());
        } else {
            for (String id : backendIds) {
                bs.add(backends.get(id));
            }
        }
        // a sweep's values are comma-separated: a cell of several hidden layers is written 8-4
        List<List<ExperimentSettings>> axes = List.of(
                values(base, Setting.HIDDEN, hidden), values(base, Setting.ACTIVATION, activations),
                values(base, Setting.FEATURES, features), values(base, Setting.OPTIMIZER, optimizers),
                values(base, Setting.LEARNING_RATE, rates), values(base, Setting.BATCH_SIZE, batches),
                values(base, Setting.EPOCHS, epochCounts), values(base, Setting.WEIGHT_DECAY, decays));
        long count = bs.size();
        for (List<ExperimentSettings> axis : axes) {
            count *= axis.size();
        }
        if (count > MAX_CELLS) {
            throw new UserException(String.format(Locale.ROOT, "the sweep has %d cells; at most %d are allowed", count,
                    MAX_CELLS), ExitCodes.USAGE);
        }
        List<Cell> cells = new ArrayList<>();
        for (Backend b : bs) {
            combine(base, axes, 0, b, cells);
        }
        return cells;
    }

    /** Reads each value of one setting on its own, so the first bad one is named. */
    private static List<ExperimentSettings> values(ExperimentSettings base, Setting setting, List<String> texts) {
        List<ExperimentSettings> out = new ArrayList<>();
        for (String t : texts) {
            out.add(ExperimentOptions.consistent(ExperimentOptions.with(base, setting, t)));
        }
        return out;
    }

    /** Adds every combination of the axes from {@code axis} on, in order, as cells. */
    private void combine(ExperimentSettings s, List<List<ExperimentSettings>> axes, int axis, Backend b,
            List<Cell> cells) {
        if (axis == axes.size()) {
            ExperimentSettings cell = ExperimentOptions.consistent(s);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("backend", b.id());
            settings.put("hidden", ExperimentSettings.hiddenText(cell.network().hidden(), "-"));
            settings.put("activation", cell.network().activation().id());
            settings.put("features", cell.text(Setting.FEATURES));
            settings.put("optimizer", cell.training().optimizer().id());
            settings.put("lr", String.valueOf(cell.training().learningRate()));
            settings.put("batch", String.valueOf(cell.training().batchSize()));
            settings.put("epochs", String.valueOf(cell.training().epochs()));
            settings.put("weight_decay", String.valueOf(cell.training().weightDecay()));
            cells.add(new Cell(cells.size() + 1, settings, b, cell));
            return;
        }
        Setting setting = AXES.get(axis);
        for (ExperimentSettings value : axes.get(axis)) {
            combine(s.with(setting, value.text(setting)), axes, axis + 1, b, cells);
        }
    }

    private static List<String> varying(List<Cell> cells) {
        List<String> keys = new ArrayList<>();
        for (String key : cells.get(0).settings().keySet()) {
            if (cells.stream().map(c -> c.settings().get(key)).distinct().count() > 1) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String label(Cell c, List<String> varying) {
        if (varying.isEmpty()) {
            return "cell " + c.index();
        }
        return varying.stream().map(k -> k + "=" + c.settings().get(k)).collect(Collectors.joining(" "));
    }

    static String table(List<Done> done, List<String> varying) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-5s", "cell"));
        for (String k : varying) {
            sb.append(String.format(Locale.ROOT, " %-12s", k));
        }
        sb.append(String.format(Locale.ROOT, " %9s %9s %10s %9s %8s%n", "test acc", "balanced", "train loss",
                "val loss", "time"));
        for (Done d : done) {
            sb.append(String.format(Locale.ROOT, "%-5d", d.cell().index()));
            for (String k : varying) {
                sb.append(String.format(Locale.ROOT, " %-12s", d.cell().settings().get(k)));
            }
            EpochMetrics last = d.result().history().last();
            sb.append(String.format(Locale.ROOT, " %9.4f %9.4f %10.4f %9.4f %6.1f s%s%n", d.result().test().accuracy(),
                    d.result().test().balancedAccuracy(), last.trainLoss(), last.validationLoss(),
                    d.result().trainingTime().toNanos() / 1e9,
                    d.result().training().stopReason() == io.github.drawnet.api.StopReason.DIVERGED
                            ? "  diverged at epoch " + last.epoch() : ""));
        }
        return sb.toString();
    }

    static String csv(List<Done> done) {
        StringBuilder sb = new StringBuilder("cell,");
        sb.append(String.join(",", done.get(0).cell().settings().keySet()));
        sb.append(",test_accuracy,balanced_accuracy,test_loss,train_loss,train_accuracy,validation_loss,"
                + "validation_accuracy,epochs_run,stop,seconds\n");
        for (Done d : done) {
            sb.append(d.cell().index());
            for (String v : d.cell().settings().values()) {
                sb.append(',').append(v.contains(",") ? "\"" + v + "\"" : v);
            }
            EpochMetrics last = d.result().history().last();
            sb.append(String.format(Locale.ROOT, ",%s,%s,%s,%s,%s,%s,%s,%d,%s,%.3f%n", d.result().test().accuracy(),
                    d.result().test().balancedAccuracy(), d.result().test().loss(), last.trainLoss(),
                    last.trainAccuracy(), last.validationLoss(), last.validationAccuracy(), d.result().history().size(),
                    d.result().training().stopReason().name().toLowerCase(Locale.ROOT),
                    d.result().trainingTime().toNanos() / 1e9));
        }
        return sb.toString();
    }
}
