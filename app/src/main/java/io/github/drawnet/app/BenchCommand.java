package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.Backends;
import io.github.drawnet.bench.EngineBenchmark;
import io.github.drawnet.bench.InnerLoopBenchmark;
import io.github.drawnet.bench.WholeProcessBenchmark;
import io.github.drawnet.studio.FirstMapBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drawnet bench}: the engines side by side on the notebook's experiment ({@link
 * EngineBenchmark} does the measuring), or with {@code --jmh} the inner loops under JMH.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the engines on the notebook's experiment, side by side.",
            "Every backend and the plain-Java reference network, beside the notebook's own PyTorch "
                + "code when it can run: a table of times, ratios, start-up and peak memory."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--backends", paramLabel = "IDS", split = ",", defaultValue = "djl,dl4j,reference",
            description = "What to measure (default: ${DEFAULT-VALUE}).")
    List<String> ids;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "2",
            description = "Timed training runs per backend; the fastest counts (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--anchor", paramLabel = "SCRIPT",
            description = "The notebook's PyTorch script (default: ../shared/anchor/seed_pytorch.py if present).")
    Path anchor;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "Python with PyTorch for the anchor (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-subprocess", description = "Skip the start-up and peak-memory runs in fresh JVMs.")
    boolean noSubprocess;

    @Option(names = "--sweep", description = "Also time 8 sweep cells on all cores against one by one.")
    boolean sweep;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--whole", description = "Instead, time whole processes: drawnet run (DJL, DL4J, --epochs 1)"
            + " alternating with the whole notebook, against the speed targets.")
    boolean whole;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Rounds of --whole (default: 5).")
    int rounds;

    @Option(names = "--cases", paramLabel = "LIST", split = ",", defaultValue = "djl,dl4j,notebook,djl-e1,dl4j-e1,"
            + "notebook-e1", description = "The cases of --whole (default: ${DEFAULT-VALUE}).")
    List<String> cases;

    @Option(names = "--notebook", paramLabel = "SCRIPT", description = "The whole notebook for --whole (default:"
            + " ../shared/anchor/seed_notebook_whole.py beside the launcher's folder).")
    Path notebook;

    @Option(names = "--jmh", description = "Run the JMH benchmarks of the inner loops instead (one epoch of steps,"
            + " the grid pass, per backend; takes a few minutes).")
    boolean jmh;

    @Option(names = "--studio", description = "Instead, time the studio's Start to first live map, per backend.")
    boolean studio;

    private final Backends backends;
    private final PrintStream out;

    @Inject
    BenchCommand(Backends backends, @Named("out") PrintStream out) {
        this.backends = backends;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if ((jmh ? 1 : 0) + (whole ? 1 : 0) + (studio ? 1 : 0) > 1) {
            throw new UserException("--jmh, --whole and --studio are different benchmarks; give one of them",
                    ExitCodes.USAGE);
        }
        if (jmh) {
            return runJmh();
        }
        if (whole) {
            return runWhole();
        }
        ExperimentOptions.check("--repeat", repeat, 1, 20);
        for (String id : ids) {
            backends.get(id); // an unknown id is refused before anything is measured
        }
        if (studio) {
            out.print(FirstMapBenchmark.report(backends, ids, repeat, !noSubprocess));
            return ExitCodes.OK;
        }
        new EngineBenchmark(backends, new EngineBenchmark.Options(epochs, repeat, noSubprocess ? List.of()
                : EngineBenchmark.freshRunCommand(Main.class.getName()), anchor, python), out).run(ids, sweep, json);
        return ExitCodes.OK;
    }

    /** Times whole processes through the launcher that started this one ({@link WholeProcessBenchmark}). */
    private int runWhole() throws IOException, InterruptedException {
        String launcher = System.getProperty("drawnet.launcher");
        if (launcher == null) {
            throw new UserException("--whole times the launcher as a user runs it; start this command as ./drawnet"
                    + " bench --whole (or bin/drawnet bench --whole)", ExitCodes.USAGE);
        }
        ExperimentOptions.check("--rounds", rounds, 1, 50);
        try {
            WholeProcessBenchmark.run(launcher, notebook, python, rounds, cases, json, out);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), ExitCodes.USAGE, e);
        }
        return ExitCodes.OK;
    }

    /**
     * Runs JMH in a JVM of its own whose class path adds the JMH jars the build copies beside the
     * application's jar ({@code target/jmh-lib}): JMH is not on the command line's own path.
     */
    private int runJmh() throws IOException, InterruptedException {
        Path jmhLib = InnerLoopBenchmark.jmhLibBeside(BenchCommand.class);
        if (!Files.isDirectory(jmhLib)) {
            throw new UserException("the JMH jars are not built (" + jmhLib + " is missing); run"
                    + " 'mvn -B package -DskipTests' first", ExitCodes.USAGE);
        }
        return InnerLoopBenchmark.runInOwnJvm(jmhLib, ids) == 0 ? ExitCodes.OK : ExitCodes.INTERNAL;
    }
}
