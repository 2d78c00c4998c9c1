package io.github.drawnet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.History;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drawnet bench}: the engines side by side on the notebook's experiment, in one process, one
 * after the other, on the same points and initial parameters: training time, time per optimizer
 * step, the grid pass, start-up time, peak memory; beside the notebook's own PyTorch code when
 * Debian's PyTorch is installed. Timings on a shared machine drift: compare the ratios of one run.
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

    @Option(names = "--jmh", description = "Run the JMH benchmarks of the inner loops instead (one epoch of steps,"
            + " the grid pass, per backend; takes a few minutes).")
    boolean jmh;

    private final Backends backends;
    private final PrintStream out;

    @Inject
    BenchCommand(Backends backends, @Named("out") PrintStream out) {
        this.backends = backends;
        this.out = out;
    }

    /** One backend's figures. */
    record Figures(String id, String engine, double trainSeconds, double validationSeconds, double stepMicros,
            double gridMillis, double testAccuracy, long startupMillis, long peakMiB) {}

    @Override
    public Integer call() throws Exception {
        if (jmh) {
            org.openjdk.jmh.runner.options.Options o = new org.openjdk.jmh.runner.options.OptionsBuilder()
                    .include(InnerLoopBenchmark.class.getName()).param("backend", ids.toArray(new String[0]))
                    .forks(1).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                    .jvmArgsAppend("-Xmx1g", "-Djava.awt.headless=true", "-Ddrawnet.log.file="
                            + Paths.get(System.getProperty("java.io.tmpdir"), "drawnet-jmh.log"))
                    .build();
            new org.openjdk.jmh.runner.Runner(o).run();
            return ExitCodes.OK;
        }
        ExperimentOptions.check("--epochs", epochs, 1, 10_000);
        ExperimentOptions.check("--repeat", repeat, 1, 20);
        Drawing drawing = Preset.BLOB.drawing();
        DataSplits data = Sampler.sample(drawing, SampleSizes.notebook(), 0);
        NetworkSpec spec = NetworkSpec.notebook();
        TrainingConfig config = TrainingConfig.notebook().withEpochs(epochs);
        out.printf(Locale.ROOT, "Benchmark: the notebook's experiment on 'blob' (%d training points, batch %d, %d epochs,"
                + " validation after each), %d cores, %s%n", data.train().size(), config.batchSize(), epochs,
                Runtime.getRuntime().availableProcessors(), LocalDate.now());
        Map<String, Figures> results = new LinkedHashMap<>();
        for (String id : ids) {
            Backend b = backends.get(id);
            out.println("Measuring " + id + " ...");
            results.put(id, measure(b, data, spec, config));
        }
        JsonNode anchorRun = runAnchor(drawing);
        out.println();
        out.print(table(results, anchorRun));
        if (sweep) {
            out.println();
            sweep(data);
        }
        if (json != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("date", LocalDate.now().toString());
            all.put("cores", Runtime.getRuntime().availableProcessors());
            all.put("backends", results);
            all.put("pytorch", anchorRun);
            io.github.drawnet.api.internal.AtomicFiles.write(json, new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(all));
        }
        return ExitCodes.OK;
    }

    private Figures measure(Backend b, DataSplits data, NetworkSpec spec, TrainingConfig config) throws Exception {
        String engine = b.engineVersion();
        Parameters initial = Parameters.initial(spec, config.seed());
        // warm up: load the engine, compile the hot paths
        try (Model m = b.newModel(spec, initial); Trainer t = b.newTrainer(m, config, data.train(), data.validation())) {
            t.train(Math.min(3, config.epochs()), (x, y) -> true);
        }
        double best = Double.MAX_VALUE;
        double accuracy = 0;
        double validation = 0;
        double grid = 0;
        for (int r = 0; r < repeat; r++) {
            try (Model m = b.newModel(spec, initial);
                    Trainer t = b.newTrainer(m, config, data.train(), data.validation())) {
                long start = System.nanoTime();
                t.train(config.epochs(), (x, y) -> true);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (seconds < best) {
                    best = seconds;
                    accuracy = t.evaluate(data.test()).accuracy();
                }
                if (r == 0) {
                    long v0 = System.nanoTime();
                    for (int e = 0; e < config.epochs(); e++) {
                        t.evaluate(data.validation());
                    }
                    validation = (System.nanoTime() - v0) / 1e9;
                    grid = gridMillis(m);
                }
            }
        }
        int steps = config.epochs() * ((data.train().size() + config.batchSize() - 1) / config.batchSize());
        long startup = -1;
        long peak = -1;
        if (!noSubprocess && b.priority() >= 0) {
            long[] fresh = freshRun(b.id());
            startup = fresh[0];
            peak = fresh[1];
        }
        return new Figures(b.id(), engine, best, validation, (best - validation) / steps * 1e6, grid, accuracy, startup,
                peak);
    }

    private static double gridMillis(Model m) {
        Dataset grid = Dataset.grid(256);
        m.forward(grid);
        double[] t = new double[7];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            m.forward(grid);
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** Runs {@code drawnet run} in a fresh JVM; returns {ms from JVM start to the first epoch, peak RSS MiB}. */
    private long[] freshRun(String backend) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("drawnet-bench-");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        // the fresh run gets this JVM's memory settings (the launcher's), as ./drawnet run would
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:")).forEach(cmd::add);
        cmd.addAll(List.of("-Djava.awt.headless=true", "-D" + RunOutputs.REPORT_PROPERTY + "=true",
                "-Ddrawnet.log.file=" + dir.resolve("log.txt"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--backend", backend, "--epochs", String.valueOf(epochs), "--out",
                dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            out.println("  (the fresh run of " + backend + " failed: " + text.lines().reduce((a, c) -> c).orElse("")
                    + ")");
            return new long[] {-1, -1};
        }
        return new long[] {number(text, "Startup to first epoch: "), number(text, "Peak resident memory: ")};
    }

    private static long number(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).split(" ")[0])
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    /** Runs the notebook's PyTorch code on the same drawing, if it and Debian's PyTorch are here. */
    private JsonNode runAnchor(Drawing drawing) throws IOException, InterruptedException {
        Path script = anchor != null ? anchor : Paths.get("..", "shared", "anchor", "seed_pytorch.py");
        if (!Files.isRegularFile(script)) {
            out.println("PyTorch anchor: skipped (no " + script + ")");
            return null;
        }
        Path png = Files.createTempFile("drawnet-blob-", ".png");
        ImageIO.write(Preset.BLOB.image(), "png", png.toFile());
        out.println("Measuring the notebook's PyTorch code (" + script + ") ...");
        Process p;
        try {
            p = new ProcessBuilder(python, script.toString(), png.toString(), String.valueOf(epochs), "4", "0")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println("PyTorch anchor: skipped (" + python + " cannot run: " + e.getMessage() + ")");
            return null;
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        String last = text.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (p.exitValue() != 0 || last == null) {
            out.println("PyTorch anchor: skipped (" + text.lines().reduce((a, b) -> b).orElse("no output") + ")");
            return null;
        }
        return new ObjectMapper().readTree(last);
    }

    static String table(Map<String, Figures> r, JsonNode pytorch) {
        StringBuilder sb = new StringBuilder();
        List<String> cols = new ArrayList<>(r.keySet());
        sb.append("| figure |");
        cols.forEach(c -> sb.append(' ').append(c).append(" |"));
        if (pytorch != null) {
            sb.append(" PyTorch ").append(pytorch.path("torch").asText()).append(" (notebook) |");
        }
        sb.append('\n').append("|---|").append("---|".repeat(cols.size() + (pytorch != null ? 1 : 0))).append('\n');
        double anchorTrain = pytorch == null ? Double.NaN : pytorch.path("train_s").asDouble();
        double anchorGrid = pytorch == null ? Double.NaN : pytorch.path("grid_s").asDouble() * 1000;
        row(sb, "training, the default experiment (s)", cols, r, f -> fmt(f.trainSeconds(), 2),
                pytorch == null ? null : fmt(anchorTrain, 2));
        if (pytorch != null) {
            row(sb, "ratio to the notebook's PyTorch", cols, r, f -> fmt(f.trainSeconds() / anchorTrain, 2) + "x", "1x");
        }
        row(sb, "of which validation passes (s)", cols, r, f -> fmt(f.validationSeconds(), 2), null);
        row(sb, "µs per optimizer step (training only)", cols, r, f -> fmt(f.stepMicros(), 1),
                pytorch == null ? null : fmt(pytorch.path("per_epoch_ms").asDouble() * 1000 / 209, 1) + " (with validation)");
        row(sb, "256 x 256 grid pass, output and hidden units (ms)", cols, r, f -> fmt(f.gridMillis(), 1),
                pytorch == null ? null : fmt(anchorGrid, 1));
        row(sb, "JVM start to first epoch of ./drawnet run (s)", cols, r,
                f -> f.startupMillis() < 0 ? "-" : fmt(f.startupMillis() / 1000.0, 2), null);
        row(sb, "peak resident memory of ./drawnet run (MiB)", cols, r,
                f -> f.peakMiB() < 0 ? "-" : String.valueOf(f.peakMiB()), null);
        row(sb, "test accuracy", cols, r, f -> fmt(f.testAccuracy(), 4),
                pytorch == null ? null : fmt(pytorch.path("test_acc_binary").asDouble(), 4));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, List<String> cols, Map<String, Figures> r,
            java.util.function.Function<Figures, String> f, String anchorValue) {
        sb.append("| ").append(name).append(" |");
        cols.forEach(c -> sb.append(' ').append(f.apply(r.get(c))).append(" |"));
        if (anchorValue != null) {
            sb.append(' ').append(anchorValue).append(" |");
        } else if (sb.indexOf("(notebook)") >= 0) {
            sb.append(" - |");
        }
        sb.append('\n');
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Times 8 sweep cells on every core against one by one, and checks the results are the same. */
    private void sweep(DataSplits data) throws Exception {
        Backend b = backends.get(ids.contains("djl") ? "djl" : ids.get(0));
        List<TrainingConfig> configs = new ArrayList<>();
        List<NetworkSpec> specs = new ArrayList<>();
        for (int h : new int[] {2, 4, 8, 16}) {
            for (double lr : new double[] {0.01, 0.03}) {
                specs.add(NetworkSpec.notebook().withHidden(List.of(h)));
                configs.add(TrainingConfig.notebook().withEpochs(Math.min(epochs, 20)).withLearningRate(lr));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long s0 = System.nanoTime();
        List<History> serial = runCells(b, data, specs, configs, 1);
        double serialS = (System.nanoTime() - s0) / 1e9;
        long p0 = System.nanoTime();
        List<History> parallel = runCells(b, data, specs, configs, cores);
        double parallelS = (System.nanoTime() - p0) / 1e9;
        out.printf(Locale.ROOT, "Sweep of 8 cells on %s (%d epochs each): one by one %.2f s, %d at once %.2f s,"
                + " ratio %.2fx; results %s%n", b.id(), configs.get(0).epochs(), serialS, cores, parallelS,
                parallelS / serialS, serial.equals(parallel) ? "identical" : "DIFFERENT");
    }

    private static List<History> runCells(Backend b, DataSplits data, List<NetworkSpec> specs,
            List<TrainingConfig> configs, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<History>> futures = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                NetworkSpec spec = specs.get(i);
                TrainingConfig c = configs.get(i);
                futures.add(pool.submit(() -> {
                    try (Model m = b.newModel(spec, c.seed());
                            Trainer t = b.newTrainer(m, c, data.train(), data.validation())) {
                        return t.train().history();
                    }
                }));
            }
            List<History> out = new ArrayList<>();
            for (Future<History> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
