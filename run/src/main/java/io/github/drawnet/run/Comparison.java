package io.github.drawnet.run;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One experiment on several backends, side by side: the same points, the same initial parameters and the
 * same batch order on each (one {@link RunInputs}, one {@link DrawingRun} per backend), so any difference is
 * the engines' own; and the table that compares them.
 *
 * <pre>{@code
 * RunInputs inputs = RunInputs.prepare(DrawingSource.preset("moons"), ClassReading.DEFAULT, settings);
 * List<FinishedRun> runs = Comparison.run(inputs, List.of(djl, dl4j), b -> {});
 * System.out.println(Comparison.table(runs.stream().map(FinishedRun::result).toList()));
 * }</pre>
 */
public final class Comparison {

    private Comparison() {}

    /**
     * Returns the backends to compare: those named by id, each once (case and surrounding spaces ignored, in the
     * order first named), or, when none is named, every one that runs here ({@link Backends#allThatRunHere}).
     *
     * @param ids the ids named, or null or empty for every one that runs here
     * @param notes told, in one line, of the backends left out because they cannot run here
     * @throws IllegalArgumentException naming an unknown id and the ids there are
     */
    public static List<Backend> backends(Backends backends, List<String> ids, Consumer<String> notes) {
        if (ids == null || ids.isEmpty()) {
            return backends.allThatRunHere(notes);
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            distinct.add(id.strip().toLowerCase(Locale.ROOT));
        }
        List<Backend> list = new ArrayList<>();
        for (String id : distinct) {
            list.add(backends.get(id));
        }
        return list;
    }

    /**
     * Trains {@code inputs} on each backend in turn, writing no files ({@link DrawingRun#resultOnly}).
     *
     * @param starting told of each backend just before it trains (for example to print a line)
     * @return the runs, in the order of {@code backends}
     * @throws io.github.drawnet.api.BackendUnavailableException when an engine cannot load here
     */
    public static List<FinishedRun> run(RunInputs inputs, List<Backend> backends, Consumer<Backend> starting) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(starting, "starting");
        List<FinishedRun> runs = new ArrayList<>();
        for (Backend b : backends) {
            starting.accept(b);
            runs.add(DrawingRun.of(inputs).backend(b).resultOnly());
        }
        return runs;
    }

    /**
     * Returns the comparison table: one row per result (losses, accuracies, epochs, training time, and the largest
     * difference of its learned parameters from the first result's), then the largest differences in one line.
     *
     * @throws IllegalArgumentException when there is no result
     */
    public static String table(List<ExperimentResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no result to compare");
        }
        StringBuilder sb = new StringBuilder();
        String first = results.get(0).backendId();
        sb.append(String.format(Locale.ROOT, "%-10s %10s %9s %9s %9s %9s %9s %10s  %s%n", "backend", "train loss",
                "train acc", "val loss", "val acc", "test acc", "epochs", "time", "max |param - " + first + "|"));
        Parameters base = results.get(0).finalParameters();
        double maxDiff = 0;
        for (ExperimentResult r : results) {
            EpochMetrics last = r.history().last();
            double diff = r.finalParameters().maxAbsDifference(base);
            maxDiff = Math.max(maxDiff, diff);
            sb.append(String.format(Locale.ROOT, "%-10s %10.4f %9.4f %9.4f %9.4f %9.4f %9d %8.2f s  %s%n", r.backendId(),
                    last.trainLoss(), last.trainAccuracy(), last.validationLoss(), last.validationAccuracy(),
                    r.test().accuracy(), r.history().size(), r.trainingTime().toNanos() / 1e9,
                    r == results.get(0) ? "-" : String.format(Locale.ROOT, "%.3g", diff)));
        }
        double spread = results.stream().mapToDouble(r -> r.test().accuracy()).max().orElse(0)
                - results.stream().mapToDouble(r -> r.test().accuracy()).min().orElse(0);
        sb.append(String.format(Locale.ROOT, "Largest difference in test accuracy: %.4f; in learned parameters: %.3g",
                spread, maxDiff));
        return sb.toString();
    }
}
