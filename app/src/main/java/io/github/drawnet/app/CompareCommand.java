package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.Parameters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code drawnet compare}: the same experiment on several backends, side by side: the same points,
 * the same initial parameters and the same batch order, so any difference is the engines' own.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SettingDefaults.class,
        description = {"Run one experiment on every engine and compare them side by side.",
            "Same points, same initial parameters, same batch order on every discovered backend (or "
                + "those named), then one table: losses, accuracies, time, and the largest difference in "
                + "learned weights."})
final class CompareCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions options;

    @Option(names = "--backends", paramLabel = "IDS", split = ",",
            description = "Backends to compare, comma-separated (default: every one that runs here). 'reference' adds the"
                    + " plain-Java double-precision network.")
    List<String> backendIds;

    private final Backends backends;
    private final PrintStream out;
    private final PrintStream err;

    @Inject
    CompareCommand(Backends backends, @Named("out") PrintStream out, @Named("err") PrintStream err) {
        this.backends = backends;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        io.github.drawnet.run.RunInputs setup = options.setup();
        List<Backend> chosen = choose();
        for (Backend b : chosen) {
            b.engineVersion(); // loads every engine first: a failure is reported before anything else
        }
        NotebookPrinter.printSetup(out, setup);
        List<ExperimentResult> results = new ArrayList<>();
        for (Backend b : chosen) {
            out.printf(Locale.ROOT, "Training on %s (%s)...%n", b.id(), b.engineVersion());
            results.add(Experiments.run(b, setup.drawing(), setup.data(), setup.spec(), setup.config(),
                    TrainingListener.NONE));
        }
        out.println();
        out.println(table(results));
        int code = ExitCodes.OK;
        for (ExperimentResult r : results) {
            if (r.training().stopReason() == io.github.drawnet.api.StopReason.DIVERGED) {
                err.println("drawnet compare: " + r.backendId() + " diverged: " + r.training().message());
                code = ExitCodes.DIVERGED;
            }
        }
        return code;
    }

    private List<Backend> choose() {
        if (backendIds == null || backendIds.isEmpty()) {
            return backends.allThatRunHere(note -> err.println("drawnet compare: " + note));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : backendIds) {
            ids.add(id.strip().toLowerCase(Locale.ROOT));
        }
        List<Backend> list = new ArrayList<>();
        for (String id : ids) {
            list.add(backends.get(id));
        }
        return list;
    }

    /** Returns the comparison table; parameter differences are measured against the first backend. */
    static String table(List<ExperimentResult> results) {
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
