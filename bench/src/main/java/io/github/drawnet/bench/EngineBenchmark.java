package io.github.drawnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.History;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.run.RunPrinter;
import io.github.drawnet.sampling.ClassReading;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The engines side by side on the notebook's experiment, in one process, one after the other, on the
 * same points and initial parameters: training time, time per optimizer step, the grid pass,
 * start-up time and peak memory of a whole run in a fresh JVM, beside the notebook's own PyTorch code
 * when Debian's PyTorch is installed. Timings on a shared machine drift: compare the ratios of one
 * run. The {@code drawnet bench} command wraps it; JMH's measurements of the inner loops are {@link
 * InnerLoopBenchmark}.
 *
 * <p>Not thread-safe.
 */
public final class EngineBenchmark {

    /** The system property that makes a run report its start-up time and peak memory ({@link RunPrinter}). */
    public static final String REPORT_PROPERTY = RunPrinter.REPORT_PROPERTY;
    /** The line a run prints for its start-up time when {@link #REPORT_PROPERTY} is set. */
    public static final String STARTUP_LINE = RunPrinter.STARTUP_LINE;
    /** The line a run prints for its peak memory when {@link #REPORT_PROPERTY} is set. */
    public static final String PEAK_LINE = RunPrinter.PEAK_LINE;

    /**
     * What to measure and how.
     *
     * @param epochs the epochs of each timed run
     * @param repeat timed training runs per backend; the fastest counts
     * @param freshRun the command that starts {@code drawnet} in a fresh JVM (java, its options, the
     *     class path and the main class), or an empty list to skip the start-up and memory runs
     * @param anchor the notebook's PyTorch script, or null for {@code ../shared/anchor/seed_pytorch.py}
     * @param python the Python with PyTorch that runs the anchor
     */
    public record Options(int epochs, int repeat, List<String> freshRun, Path anchor, String python) {

        /** Validates and copies. */
        public Options {
            TrainingConfig.checkEpochs(epochs); // the library's one limit: a benchmark has no smaller budget
            Checks.inRange("repeat", repeat, 1, 20);
            freshRun = List.copyOf(freshRun);
        }
    }

    private final Backends backends;
    private final Options options;
    private final PrintStream out;

    /** Makes a benchmark that prints its progress to {@code out}. */
    public EngineBenchmark(Backends backends, Options options, PrintStream out) {
        this.backends = backends;
        this.options = options;
        this.out = out;
    }

    /** Returns this process's peak resident memory in MiB (Linux: VmHWM), or -1 where unknown. */
    public static long peakResidentMiB() {
        return RunPrinter.peakResidentMiB();
    }

    /**
     * Returns the command that starts {@code mainClass} in a fresh JVM with this JVM's memory settings and class
     * path, as the launcher would ({@link Options#freshRun}); its class-data archive options are left out.
     */
    public static List<String> freshRunCommand(String mainClass) {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> (a.startsWith("-Xm") || a.startsWith("-XX:")) && !a.contains("Archive")).forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return cmd;
    }

    /** The notebook's inputs on the blob, read and sampled by the library run ({@link RunInputs#prepare}). */
    public static RunInputs notebookInputs() {
        return RunInputs.prepare(DrawingSource.preset(Preset.BLOB), ClassReading.DEFAULT, ExperimentSettings.notebook());
    }

    /** The notebook's data on the blob, as every measurement uses it ({@link #notebookInputs}). */
    public static DataSplits notebookData() {
        return notebookInputs().data();
    }

    /**
     * Measures the backends on the notebook's data, then the notebook's PyTorch code, and prints the
     * table (and the sweep's timing when asked); writes every figure as JSON when {@code json} is not null.
     *
     * @param ids the backends
     * @param sweep whether to time 8 sweep cells on all cores against one by one
     * @param json where to write the figures, or null
     * @throws Exception when a backend fails
     */
    public void run(List<String> ids, boolean sweep, Path json) throws Exception {
        DataSplits data = notebookData();
        out.printf(Locale.ROOT, "Benchmark: the notebook's experiment on 'blob' (%d training points, batch %d,"
                + " %d epochs, validation after each), %d cores, %s%n", data.train().size(),
                TrainingConfig.notebook().batchSize(), options.epochs(), Runtime.getRuntime().availableProcessors(),
                java.time.LocalDate.now());
        Map<String, Figures> results = measure(ids, data);
        JsonNode anchorRun = runAnchor();
        out.println();
        out.print(table(results, anchorRun));
        if (sweep) {
            out.println();
            sweep(ids.contains("djl") ? "djl" : ids.get(0), data);
        }
        if (json != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("date", java.time.LocalDate.now().toString());
            all.put("cores", Runtime.getRuntime().availableProcessors());
            all.put("backends", results);
            all.put("pytorch", anchorRun);
            io.github.drawnet.api.internal.AtomicFiles.write(json,
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        }
    }

    /** Measures each backend of {@code ids} in turn, printing a line as each starts. */
    public Map<String, Figures> measure(List<String> ids, DataSplits data) throws Exception {
        NetworkSpec spec = NetworkSpec.notebook();
        TrainingConfig config = TrainingConfig.notebook().withEpochs(options.epochs());
        Map<String, Figures> results = new LinkedHashMap<>();
        for (String id : ids) {
            Backend b = backends.get(id);
            out.println("Measuring " + id + " ...");
            results.put(id, measure(b, data, spec, config));
        }
        return results;
    }

    /**
     * One backend's figures.
     *
     * @param id the backend's id
     * @param engine the engine's version
     * @param trainSeconds the fastest training of the default experiment, validation included
     * @param validationSeconds the validation passes of one run
     * @param stepMicros microseconds per optimizer step, validation excluded
     * @param gridMillis the 256 x 256 grid pass
     * @param testAccuracy the test accuracy of the fastest run
     * @param startupMillis JVM start to first epoch of a whole run in a fresh JVM, or -1
     * @param peakMiB peak resident memory of that run, or -1
     */
    public record Figures(String id, String engine, double trainSeconds, double validationSeconds, double stepMicros,
            double gridMillis, double testAccuracy, long startupMillis, long peakMiB) {}

    private Figures measure(Backend b, DataSplits data, NetworkSpec spec, TrainingConfig config) throws Exception {
        String engine = b.engineVersion();
        Drawing drawing = Preset.BLOB.drawing();
        // warm up: load the engine, compile the hot paths
        try (Experiment e = Experiment.start(b, drawing, data, spec, config)) {
            e.train(Math.min(3, config.epochs()), TrainingListener.NONE);
        }
        double best = Double.MAX_VALUE;
        double accuracy = 0;
        double validation = 0;
        double grid = 0;
        for (int r = 0; r < options.repeat(); r++) {
            try (Experiment e = Experiment.start(b, drawing, data, spec, config)) {
                long start = System.nanoTime();
                e.train(config.epochs(), TrainingListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                Model m = e.model();
                if (seconds < best) {
                    best = seconds;
                    accuracy = Evaluation.of(m.predict(data.test()), data.test()).accuracy();
                }
                if (r == 0) {
                    long v0 = System.nanoTime();
                    for (int k = 0; k < config.epochs(); k++) {
                        Evaluation.of(m.predict(data.validation()), data.validation());
                    }
                    validation = (System.nanoTime() - v0) / 1e9;
                    grid = gridMillis(m);
                }
            }
        }
        int steps = config.epochs() * ((data.train().size() + config.batchSize() - 1) / config.batchSize());
        long startup = -1;
        long peak = -1;
        if (!options.freshRun().isEmpty() && b.priority() >= 0) {
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

    long[] freshRun(String backend) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("drawnet-bench-");
        List<String> cmd = new ArrayList<>(options.freshRun());
        // the properties go before the main class, the run's options after it
        int main = cmd.size() - 1;
        cmd.addAll(main, List.of("-Djava.awt.headless=true", "-D" + REPORT_PROPERTY + "=true",
                "-Ddrawnet.log.file=" + dir.resolve("log.txt")));
        cmd.addAll(List.of("run", "--backend", backend, "--epochs", String.valueOf(options.epochs()), "--out",
                dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            out.println("  (the fresh run of " + backend + " failed: " + text.lines().reduce((a, c) -> c).orElse("")
                    + ")");
            return new long[] {-1, -1};
        }
        return new long[] {number(text, STARTUP_LINE), number(text, PEAK_LINE)};
    }

    private static long number(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).split(" ")[0])
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    /**
     * Runs the notebook's PyTorch code on the blob, if it and Debian's PyTorch are here; returns its
     * JSON line, or null (saying why) when it cannot run.
     */
    public JsonNode runAnchor() throws IOException, InterruptedException {
        Path script = options.anchor() != null ? options.anchor() : Paths.get("..", "shared", "anchor", "seed_pytorch.py");
        if (!Files.isRegularFile(script)) {
            out.println("PyTorch anchor: skipped (no " + script + ")");
            return null;
        }
        Path png = Files.createTempFile("drawnet-blob-", ".png");
        ImageIO.write(Preset.BLOB.image(), "png", png.toFile());
        out.println("Measuring the notebook's PyTorch code (" + script + ") ...");
        Process p;
        try {
            p = new ProcessBuilder(options.python(), script.toString(), png.toString(),
                    String.valueOf(options.epochs()), "4", "0")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println("PyTorch anchor: skipped (" + options.python() + " cannot run: " + e.getMessage() + ")");
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

    /** Returns the figures as a Markdown table, the notebook's PyTorch beside them when it ran. */
    public static String table(Map<String, Figures> r, JsonNode pytorch) {
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

    /** Times 8 sweep cells on every core against one by one on backend {@code id}, and checks the results are the same. */
    public void sweep(String id, DataSplits data) throws Exception {
        Backend b = backends.get(id);
        List<TrainingConfig> configs = new ArrayList<>();
        List<NetworkSpec> specs = new ArrayList<>();
        for (int h : new int[] {2, 4, 8, 16}) {
            for (double lr : new double[] {0.01, 0.03}) {
                specs.add(NetworkSpec.notebook().withHidden(List.of(h)));
                configs.add(TrainingConfig.notebook().withEpochs(Math.min(options.epochs(), 20)).withLearningRate(lr));
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
                    try (Experiment e = Experiment.start(b, Preset.BLOB.drawing(), data, spec, c)) {
                        e.train(c.epochs(), TrainingListener.NONE);
                        return e.history();
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
