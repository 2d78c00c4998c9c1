package io.github.drawnet.bench;

import io.github.drawnet.sampling.Preset;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Times whole processes as a user waits for them: {@code drawnet run} through its launcher (DJL and
 * DL4J, the default experiment with every output, and with {@code --epochs 1}: start-up and outputs)
 * alternating with the whole notebook (its PyTorch training and its six matplotlib figures) on the
 * same drawing, round after round; reports medians, CPU seconds and peak resident memory, and each
 * case against issue 16's targets.
 *
 * <p>Each process is watched from this one: elapsed time from start to exit, and, on Linux, its
 * peak resident memory ({@code VmHWM}) and CPU time polled every few milliseconds (so the last few
 * milliseconds of CPU may be missed). The launcher {@code exec}s Java, so the process watched is the
 * JVM itself. One untimed run first lets the launcher record its class-data archive.
 */
public final class WholeProcessBenchmark {

    /** The cases, in the order a round runs them (the order rotates from round to round). */
    public static final List<String> CASES = List.of("djl", "dl4j", "notebook", "djl-e1", "dl4j-e1", "notebook-e1");

    private static final long POLL_MILLIS = 5;
    /** How long a process may run before it is killed (its exit code then says so). */
    private static final Duration LIMIT = Duration.ofMinutes(15);

    /**
     * What to run.
     *
     * @param launcher the command that starts Drawnet (a launcher script, or {@code java -jar ...})
     * @param notebook the whole notebook's script ({@code seed_notebook_whole.py}), or null to leave it out
     * @param python the Python with PyTorch and matplotlib for the notebook
     * @param rounds how many times each case runs
     * @param cases which of {@link #CASES}
     * @param work a folder for the drawing, the runs' outputs (removed after each run) and their logs
     */
    public record Options(List<String> launcher, Path notebook, String python, int rounds, List<String> cases,
            Path work) {
        /** Checks the options. */
        public Options {
            launcher = List.copyOf(launcher);
            cases = List.copyOf(cases);
            if (launcher.isEmpty()) {
                throw new IllegalArgumentException("no launcher to time");
            }
            if (rounds < 1 || rounds > 50) {
                throw new IllegalArgumentException("rounds must be in [1, 50], got " + rounds);
            }
            for (String c : cases) {
                if (!CASES.contains(c)) {
                    throw new IllegalArgumentException("unknown case '" + c + "'; valid: " + String.join(", ", CASES));
                }
            }
            if (cases.isEmpty()) {
                throw new IllegalArgumentException("no case to run; valid: " + String.join(", ", CASES));
            }
            Objects.requireNonNull(work, "work");
        }
    }

    /**
     * One timed process.
     *
     * @param name the case
     * @param round the round, from 1
     * @param seconds elapsed, start to exit
     * @param cpuSeconds user and system CPU time, or NaN where unknown
     * @param peakMib peak resident memory in MiB, or -1 where unknown
     * @param exit the exit code
     */
    public record Sample(String name, int round, double seconds, double cpuSeconds, long peakMib, int exit) {
    }

    private final Options options;
    private final PrintStream out;
    private final Duration limit;

    /**
     * @param options what to run
     * @param out where progress goes, one line a process
     */
    public WholeProcessBenchmark(Options options, PrintStream out) {
        this(options, out, LIMIT);
    }

    /** As above, a process killed once it has run for {@code limit}. */
    WholeProcessBenchmark(Options options, PrintStream out, Duration limit) {
        this.options = options;
        this.out = out;
        this.limit = limit;
    }

    /**
     * Runs the benchmark from a command line's values and prints its progress and tables.
     *
     * @param launcher the launcher to time (a path)
     * @param notebook the whole notebook's script, or null for {@code ../shared/anchor/seed_notebook_whole.py}
     *     beside the launcher's folder
     * @param python the Python for the notebook
     * @param rounds how many rounds
     * @param cases which cases
     * @param json where to write every sample as JSON, or null
     * @param out where the progress and the tables go
     * @throws IllegalArgumentException naming a refused value, before anything runs
     * @throws IOException when a file cannot be written
     * @throws InterruptedException when interrupted
     */
    public static void run(String launcher, Path notebook, String python, int rounds, List<String> cases, Path json,
            PrintStream out) throws IOException, InterruptedException {
        Path script = notebook != null ? notebook : Path.of(launcher).toAbsolutePath().getParent()
                .resolve(Path.of("..", "shared", "anchor", "seed_notebook_whole.py")).normalize();
        // named, not made, until the options are accepted
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "drawnet-whole-" + ProcessHandle.current().pid() + "-"
                + System.currentTimeMillis());
        Options o = new Options(List.of(launcher), script, python, rounds, cases, work);
        out.printf(Locale.ROOT, "Whole processes, %d round%s, %d cores, %s, load average %s; logs in %s%n", rounds,
                rounds == 1 ? "" : "s",
                Runtime.getRuntime().availableProcessors(), java.time.LocalDate.now(), load(), work);
        List<Sample> samples = new WholeProcessBenchmark(o, out).measure();
        out.println();
        out.print(table(samples));
        if (json != null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("date", java.time.LocalDate.now().toString());
            all.put("samples", samples);
            io.github.drawnet.api.internal.AtomicFiles.write(json,
                    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        }
    }

    /** Returns the 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), or "unknown". */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Returns the command line of one case, on the given drawing, writing into {@code dir}. */
    List<String> command(String name, Path drawing, Path dir) {
        boolean one = name.endsWith("-e1");
        String base = one ? name.substring(0, name.length() - 3) : name;
        List<String> cmd = new ArrayList<>();
        if (base.equals("notebook")) {
            cmd.addAll(List.of(options.python(), options.notebook().toString(), drawing.toString(), one ? "1" : "100",
                    "4", "0", dir.toString()));
        } else {
            cmd.addAll(options.launcher());
            cmd.addAll(List.of("run", "--backend", base, "--drawing", drawing.toString(), "--out", dir.toString(),
                    "--force"));
            if (one) {
                cmd.addAll(List.of("--epochs", "1"));
            }
        }
        return cmd;
    }

    /**
     * Runs every case {@code rounds} times, alternating, and returns the samples in the order run.
     * The notebook's cases are skipped (with a line saying why) when its script is absent.
     */
    public List<Sample> measure() throws IOException, InterruptedException {
        Files.createDirectories(options.work());
        Path drawing = options.work().resolve("blob.png");
        ImageIO.write(Preset.BLOB.image(), "png", drawing.toFile());
        List<String> cases = new ArrayList<>(options.cases());
        if (options.notebook() == null || !Files.isRegularFile(options.notebook())) {
            if (cases.removeIf(c -> c.startsWith("notebook"))) {
                out.println("The notebook: skipped (no script" + (options.notebook() == null ? "" : " at "
                        + options.notebook()) + ")");
            }
        }
        List<Sample> samples = new ArrayList<>();
        String first = cases.stream().filter(c -> !c.startsWith("notebook")).findFirst().orElse(null);
        if (first != null) {
            out.println("Untimed first run (" + first + "), for the launcher's class-data archive ...");
            Sample s = time(first, 0, drawing);
            if (s.exit() != 0) {
                throw new IllegalStateException("the untimed run of " + first + " exited " + s.exit() + "; its output: "
                        + options.work().resolve(first + "-0.log"));
            }
        }
        for (int round = 1; round <= options.rounds(); round++) {
            for (int i = 0; i < cases.size(); i++) {
                String name = cases.get((i + round - 1) % cases.size());
                Sample s = time(name, round, drawing);
                samples.add(s);
                out.printf(Locale.ROOT, "round %d %-12s %6.2f s, CPU %5.1f s, peak %4d MiB, exit %d%n", round, name,
                        s.seconds(), s.cpuSeconds(), s.peakMib(), s.exit());
            }
        }
        return samples;
    }

    private Sample time(String name, int round, Path drawing) throws IOException, InterruptedException {
        Path dir = options.work().resolve(name + "-" + round);
        Path log = options.work().resolve(name + "-" + round + ".log");
        ProcessBuilder pb = new ProcessBuilder(command(name, drawing, dir)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("DRAWNET_SKIP_BUILD", "1");
        long start = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        long peakKib = -1;
        Duration cpu = null;
        while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            peakKib = Math.max(peakKib, highWaterKib(status));
            Duration now = p.info().totalCpuDuration().orElse(null);
            cpu = now != null ? now : cpu;
            if (System.nanoTime() - start > limit.toNanos()) {
                p.destroyForcibly();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        deleteTree(dir);
        return new Sample(name, round, seconds, cpu == null ? Double.NaN : cpu.toNanos() / 1e9,
                peakKib < 0 ? -1 : Math.round(peakKib / 1024.0), p.exitValue());
    }

    /** Returns VmHWM in KiB from a {@code /proc/PID/status} file, or -1 when it cannot be read. */
    static long highWaterKib(Path status) {
        return io.github.drawnet.run.RunPrinter.highWaterKib(status);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The median of some numbers (the mean of the middle two for an even count); NaN for none. */
    static double median(List<Double> values) {
        List<Double> v = values.stream().filter(d -> !d.isNaN()).sorted().toList();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** Medians of one case. */
    record Summary(String name, int runs, double seconds, double min, double max, double cpu, long peakMib,
            List<Integer> exits) {
    }

    /** Returns each case's medians, in the order of {@link #CASES}. */
    static Map<String, Summary> summarise(List<Sample> samples) {
        Map<String, Summary> by = new LinkedHashMap<>();
        for (String name : CASES) {
            List<Sample> s = samples.stream().filter(x -> x.name().equals(name)).toList();
            if (s.isEmpty()) {
                continue;
            }
            List<Double> secs = s.stream().map(Sample::seconds).toList();
            double peak = median(s.stream().filter(x -> x.peakMib() >= 0).map(x -> (double) x.peakMib()).toList());
            by.put(name, new Summary(name, s.size(), median(secs), secs.stream().min(Double::compare).orElseThrow(),
                    secs.stream().max(Double::compare).orElseThrow(), median(s.stream().map(Sample::cpuSeconds).toList()),
                    Double.isNaN(peak) ? -1 : Math.round(peak), s.stream().map(Sample::exit).distinct().sorted().toList()));
        }
        return by;
    }

    /**
     * Issue 16's targets for the whole process: a figure's goal and floor for one engine.
     *
     * @param what the figure
     * @param engine djl or dl4j
     * @param goal the goal (a ratio, seconds or MiB)
     * @param floor the floor that must hold
     * @param unit "x" for a ratio to the notebook, "s" or "MiB"
     */
    public record Target(String what, String engine, double goal, double floor, String unit) {
        /** Says "goal met", "floor met, goal not" or "floor missed" for a measured value. */
        public String verdict(double value) {
            if (Double.isNaN(value) || value < 0) {
                return "not measured";
            }
            return value <= goal ? "goal met" : value <= floor ? "floor met, goal not" : "**floor missed**";
        }
    }

    /** The targets of issue 16 that whole processes measure. */
    public static final List<Target> TARGETS = List.of(
            new Target("`run`, default experiment, every output, vs the notebook", "djl", 0.5, 0.6, "x"),
            new Target("`run`, default experiment, every output, vs the notebook", "dl4j", 1.0, 1.5, "x"),
            new Target("`run --epochs 1` (start-up and outputs)", "djl", 2.0, 2.5, "s"),
            new Target("`run --epochs 1` (start-up and outputs)", "dl4j", 3.0, 4.0, "s"),
            new Target("peak resident memory of `run`", "djl", 500, 600, "MiB"),
            new Target("peak resident memory of `run`", "dl4j", 1024, 1229, "MiB"));

    /** Returns the measured value of a target, or NaN when its cases did not run. */
    static double value(Target t, Map<String, Summary> by) {
        Summary run = by.get(t.engine());
        return switch (t.unit()) {
            case "x" -> run == null || !by.containsKey("notebook") ? Double.NaN
                    : run.seconds() / by.get("notebook").seconds();
            case "s" -> by.containsKey(t.engine() + "-e1") ? by.get(t.engine() + "-e1").seconds() : Double.NaN;
            default -> run == null || run.peakMib() < 0 ? Double.NaN : run.peakMib();
        };
    }

    /** Returns the samples as two Markdown tables: the cases' medians, and the targets with verdicts. */
    public static String table(List<Sample> samples) {
        Map<String, Summary> by = summarise(samples);
        StringBuilder sb = new StringBuilder();
        int rounds = samples.stream().mapToInt(Sample::round).max().orElse(0);
        sb.append("| case (median of ").append(rounds).append(") | seconds | min | max | CPU s | peak MiB |"
                + " vs the notebook | exits |\n|---|---|---|---|---|---|---|---|\n");
        for (Summary s : by.values()) {
            Summary nb = by.get(s.name().endsWith("-e1") ? "notebook-e1" : "notebook");
            String ratio = nb == null || s.name().startsWith("notebook") ? (s.name().startsWith("notebook") ? "1x" : "-")
                    : String.format(Locale.ROOT, "%.2fx", s.seconds() / nb.seconds());
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s | %s | %s | %s |%n", label(s.name()),
                    s.seconds(), s.min(), s.max(), Double.isNaN(s.cpu()) ? "-" : String.format(Locale.ROOT, "%.1f",
                            s.cpu()), s.peakMib() < 0 ? "-" : String.valueOf(s.peakMib()), ratio,
                    s.exits().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("")));
        }
        sb.append("\n| target | engine | goal | floor | measured | verdict |\n|---|---|---|---|---|---|\n");
        for (Target t : TARGETS) {
            double v = value(t, by);
            String fmt = t.unit().equals("MiB") ? "%.0f %s" : "%.2f%s";
            sb.append(String.format(Locale.ROOT, "| %s | %s | " + fmt + " | " + fmt + " | %s | %s |%n", t.what(),
                    t.engine(), t.goal(), unit(t), t.floor(), unit(t),
                    Double.isNaN(v) ? "-" : String.format(Locale.ROOT, fmt, v, unit(t)), t.verdict(v)));
        }
        return sb.toString();
    }

    private static String unit(Target t) {
        return t.unit().equals("MiB") ? "MiB" : t.unit().equals("s") ? " s" : "x";
    }

    private static String label(String name) {
        return switch (name) {
            case "djl" -> "`drawnet run` on DJL";
            case "dl4j" -> "`drawnet run --backend dl4j`";
            case "notebook" -> "the notebook, 100 epochs and its 6 figures";
            case "djl-e1" -> "DJL `--epochs 1`";
            case "dl4j-e1" -> "DL4J `--epochs 1`";
            case "notebook-e1" -> "the notebook, 1 epoch and its figures";
            default -> name;
        };
    }
}
