package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.run.Comparison;
import io.github.drawnet.run.FinishedRun;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.run.RunPrinter;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
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
        RunInputs setup = options.setup();
        List<Backend> chosen = Comparison.backends(backends, backendIds, note -> err.println("drawnet compare: " + note));
        chosen.forEach(Backend::engineVersion); // loads every engine first: a failure is reported before anything else
        RunPrinter.setup(out, setup);
        List<ExperimentResult> results = Comparison.run(setup, chosen, b -> out.printf(Locale.ROOT,
                "Training on %s (%s)...%n", b.id(), b.engineVersion())).stream().map(FinishedRun::result).toList();
        out.println();
        out.println(Comparison.table(results));
        List<ExperimentResult> diverged = results.stream().filter(r -> r.training().stopReason() == StopReason.DIVERGED)
                .toList();
        diverged.forEach(r -> err.println("drawnet compare: " + r.backendId() + " diverged: " + r.training().message()));
        return diverged.isEmpty() ? ExitCodes.OK : ExitCodes.DIVERGED;
    }
}
