package io.github.drawnet.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures "Start to first live map" as a page feels it: a {@link StudioServer} on a free loopback
 * port, driven through its own HTTP interface as the page drives it (a session, its event stream,
 * the default preset read by {@code /api/drawings}, the defaults of {@code /api/info}, Start), timed
 * from just before the Start request is sent to the moment the first {@code maps} event has been
 * read whole by the client. Each run is stopped once its first map has arrived.
 *
 * <p>The first run of an engine in a JVM is its cold run: the studio warms the page's engine up in
 * the background (the preferred one when it starts, another when a page chooses it), so a first Start
 * either comes at once and waits for that warm-up, or comes once the studio lists the engine as warm
 * ({@link FirstStart}). {@link #measureCold} gets several first runs by starting this class's {@link
 * #main} in fresh JVMs, each of which opens a studio and times one run.
 *
 * <p>Not thread-safe: one measurement at a time.
 */
public final class FirstMapBenchmark {

    /** The page's default preset: the first in its list. */
    static final String PRESET = "blob";
    /** The prefix of the one line a fresh JVM's measurement prints. */
    static final String LINE_PREFIX = "drawnet-first-map ";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(3);

    /** When a page's first Start comes. */
    public enum FirstStart {
        /** As soon as the page has its session and has asked for its engine's warm-up. */
        AT_ONCE,
        /** Once the studio lists the engine as warm ({@code warmBackends} of {@code /api/info}). */
        AFTER_WARMUP
    }

    /**
     * One run's times, in milliseconds from just before the Start request was sent.
     *
     * @param backend the engine's id
     * @param run {@code first} (the engine's first run in its JVM, Start at once), {@code first-warmed}
     *     (its first run, Start once the studio listed it as warm) or {@code later}
     * @param warmupMillis for {@code first-warmed}, how long after the studio started it listed the
     *     engine as warm; otherwise 0
     * @param acceptedMillis when the Start request's answer (202) arrived
     * @param firstEpochMillis when the first {@code epoch} event arrived
     * @param firstMapMillis when the first {@code maps} event had arrived whole
     * @param mapEpoch the epoch that map shows
     * @param mapBytes the size of that event's data, in bytes
     * @param mapHasOutput whether that event held the output's values (the map the page paints)
     */
    public record Sample(String backend, String run, double warmupMillis, double acceptedMillis,
            double firstEpochMillis, double firstMapMillis, int mapEpoch, int mapBytes, boolean mapHasOutput) {

        /** The kinds of run, in the table's order. */
        static final List<String> RUNS = List.of("first", "first-warmed", "later");

        /**
         * Checks the backend's name and the kind of run.
         *
         * @throws IllegalArgumentException for a kind of run not in {@link #RUNS}
         */
        public Sample {
            Objects.requireNonNull(backend, "backend");
            if (!RUNS.contains(run)) {
                throw new IllegalArgumentException("run must be one of " + RUNS + ", got '" + run + "'");
            }
        }

        /** Returns whether this was the engine's first run in its JVM. */
        boolean first() {
            return !run.equals("later");
        }
    }

    private final String base;
    /** When the studio started listening. */
    private final long started;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FirstMapBenchmark(int port) {
        this.started = System.nanoTime();
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Opens a studio on a free loopback port and times, for each backend in turn, its first run and
     * then {@code laterRuns} more in the same page. The first run of each is cold only if nothing in
     * this JVM has used that engine before.
     *
     * @param first when the first Start of each backend comes
     * @param warmUp whether the studio warms engines up ({@link StudioServer.Options#warmUp()})
     * @throws IllegalArgumentException when {@code laterRuns} is outside [0, 50], {@code ids} is empty,
     *     or the first Start should wait for a warm-up that is off
     * @throws IllegalStateException when a run fails, or gives no map within three minutes
     */
    public static List<Sample> measure(Backends backends, Visualizer visualizer, List<String> ids, int laterRuns,
            FirstStart first, boolean warmUp) throws IOException, InterruptedException {
        io.github.drawnet.api.internal.Checks.inRange("later runs", laterRuns, 0, 50);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("name at least one backend to measure");
        }
        if (first == FirstStart.AFTER_WARMUP && !warmUp) {
            throw new IllegalArgumentException("a first Start after the warm-up needs the warm-up on");
        }
        List<Sample> samples = new ArrayList<>();
        try (StudioServer studio = new StudioServer(backends, visualizer,
                StudioServer.Options.local(0).withWarmUp(warmUp))) {
            FirstMapBenchmark bench = new FirstMapBenchmark(studio.start());
            for (String id : ids) {
                samples.addAll(bench.runs(id, 1 + laterRuns, first));
            }
        }
        return samples;
    }

    /**
     * Times {@code runs} cold runs of {@code id}, each in a fresh JVM started with {@code javaCommand}
     * (the {@code java} binary and its options, without class path or main class: this JVM's class
     * path and {@link #main} are added), with the studio's warm-up on.
     *
     * @throws IllegalArgumentException when {@code runs} is outside [1, 20]
     * @throws IllegalStateException when a fresh JVM fails or prints no measurement; with its output
     */
    public static List<Sample> measureCold(List<String> javaCommand, String id, int runs, FirstStart first)
            throws IOException, InterruptedException {
        io.github.drawnet.api.internal.Checks.inRange("cold runs", runs, 1, 20);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>(javaCommand);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FirstMapBenchmark.class.getName(), id));
            if (first == FirstStart.AFTER_WARMUP) {
                cmd.add("--after-warmup");
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            Sample s = output.lines().filter(l -> l.startsWith(LINE_PREFIX)).findFirst()
                    .map(l -> parse(l.substring(LINE_PREFIX.length()))).orElse(null);
            if (code != 0 || s == null) {
                throw new IllegalStateException("the fresh JVM measuring " + id + " exited with " + code
                        + " and no measurement; its output:\n" + tail(output));
            }
            samples.add(s);
        }
        return samples;
    }

    /** Returns this JVM's {@code java} binary with its heap and {@code -XX} options, for {@link #measureCold}. */
    public static List<String> thisJava() {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> (a.startsWith("-Xm") || a.startsWith("-XX:")) && !a.contains("Archive")
                        && !a.contains("FlightRecord"))
                .forEach(cmd::add);
        cmd.add("-Djava.awt.headless=true");
        return cmd;
    }

    /**
     * Times the first run of the backend named by the first argument in this fresh JVM, then as many
     * later runs as a number argument says (none by default), and prints each on a line of its own;
     * {@link #measureCold} reads the first. {@code --after-warmup} starts the first run once the studio
     * lists the engine as warm; {@code --no-warmup} turns the studio's warm-up off.
     */
    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        List<String> rest = a.stream().filter(x -> !x.startsWith("--")).toList();
        if (rest.isEmpty() || rest.size() > 2) {
            System.err.println("usage: FirstMapBenchmark BACKEND [LATER-RUNS] [--after-warmup | --no-warmup]");
            System.exit(2);
        }
        int later = rest.size() == 2 ? Integer.parseInt(rest.get(1)) : 0;
        FirstStart first = a.contains("--after-warmup") ? FirstStart.AFTER_WARMUP : FirstStart.AT_ONCE;
        for (Sample s : measure(Backends.discover(), new NotebookVisualizer(), List.of(rest.get(0)), later, first,
                !a.contains("--no-warmup"))) {
            System.out.println(LINE_PREFIX + JSON.writeValueAsString(s));
        }
        System.exit(0);   // engines may leave non-daemon threads behind
    }

    static Sample parse(String json) {
        try {
            return JSON.readValue(json, Sample.class);
        } catch (IOException e) {
            throw new IllegalStateException("not a measurement: " + tail(json), e);
        }
    }

    private static String tail(String text) {
        return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
    }

    /** Times {@code runs} runs of {@code id} in one page's session, the first one first. */
    private List<Sample> runs(String id, int runs, FirstStart first) throws IOException, InterruptedException {
        JsonNode info = JSON.readTree(get("/api/info").body());
        ObjectNode settings = ((ObjectNode) info.get("defaults")).deepCopy();
        settings.remove("continueEpochs");
        settings.put("backend", id);
        // the page's canvas holds the class mask the server answers for the preset it loads
        byte[] preset = http.send(HttpRequest.newBuilder(URI.create(base + "/api/presets/" + PRESET + ".png")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        ObjectNode read = JSON.createObjectNode();
        read.put("drawing", SessionEvents.dataUrl(preset));
        String mask = JSON.readTree(post("/api/drawings", null, read.toString()).body()).get("mask").asText();
        ObjectNode start = JSON.createObjectNode();
        start.put("drawing", mask);
        start.set("settings", settings);

        JsonNode session = JSON.readTree(post("/api/sessions", null, "").body());
        String path = "/api/sessions/" + session.get("id").asText();
        String token = session.get("token").asText();
        List<Sample> samples = new ArrayList<>();
        try (Events events = new Events(path, token)) {
            events.next("status");   // the page listens before it may press Start
            ObjectNode warm = JSON.createObjectNode();
            warm.put("backend", id);
            post(path + "/warm", token, warm.toString());   // as the page asks for its chosen engine
            double warmup = 0;
            if (first == FirstStart.AFTER_WARMUP) {
                awaitWarm(id);
                warmup = millis(System.nanoTime() - started);
            }
            for (int i = 0; i < runs; i++) {
                String run = i > 0 ? "later" : first == FirstStart.AFTER_WARMUP ? "first-warmed" : "first";
                samples.add(run(id, run, i == 0 ? warmup : 0, path, token, start.toString(), events));
            }
        } finally {
            post(path + "/close", token, "");
        }
        return samples;
    }

    /** Waits until the studio lists {@code id} as warm, as a person takes their time to draw. */
    private void awaitWarm(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            for (JsonNode n : JSON.readTree(get("/api/info").body()).path("warmBackends")) {
                if (n.asText().equals(id)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the studio did not warm " + id + " up within "
                        + TimeUnit.NANOSECONDS.toSeconds(TIMEOUT_NANOS) + " s");
            }
            Thread.sleep(10);
        }
    }

    private Sample run(String id, String kind, double warmup, String path, String token, String body, Events events)
            throws IOException, InterruptedException {
        events.clear();
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(path + "/start", token, body);
        long accepted = System.nanoTime();
        if (r.statusCode() != 202) {
            throw new IllegalStateException("Start on " + id + " answered " + r.statusCode() + ": " + r.body());
        }
        Event epoch = events.next("epoch");
        Event maps = events.next("maps");
        post(path + "/stop", token, "");
        events.next("done");
        JsonNode m = JSON.readTree(maps.data);
        boolean output = m.hasNonNull("outputValues") && Base64.getDecoder().decode(m.get("outputValues").asText()).length
                >= m.path("grid").asInt() * m.path("grid").asInt();
        return new Sample(id, kind, warmup, millis(accepted - t0), millis(epoch.nanos - t0), millis(maps.nanos - t0),
                m.path("epoch").asInt(), maps.data.length(), output);
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header(StudioGuard.TOKEN_HEADER, token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One server-sent event as the client read it: its name, data, and when its last line arrived. */
    private record Event(String name, String data, long nanos) { }

    /** A page's event stream, read on a thread of its own into a queue. */
    private final class Events implements AutoCloseable {
        private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final InputStream in;
        private final Thread reader;

        Events(String path, String token) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + "/events?token=" + token))
                    .header("Accept", "text/event-stream").build();
            this.in = http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
            this.reader = new Thread(this::read, "drawnet-first-map-events");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                    } else if (line.isEmpty() && name != null) {
                        queue.add(new Event(name, data.toString(), System.nanoTime()));
                        name = null;
                        data.setLength(0);
                    }
                }
            } catch (IOException e) {
                // the stream was closed
            }
        }

        void clear() {
            queue.clear();
        }

        /** Waits for the next event called {@code name}, skipping others; a failure ends the wait. */
        Event next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            while (true) {
                Event e = queue.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new IllegalStateException("no '" + name + "' event within "
                            + TimeUnit.NANOSECONDS.toSeconds(TIMEOUT_NANOS) + " s");
                }
                if (e.name.equals(name)) {
                    return e;
                }
                if (e.name.equals("failure") || e.name.equals("ended")) {
                    throw new IllegalStateException("the run ended before its '" + name + "' event: " + e.data);
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
            reader.interrupt();
        }
    }

    /**
     * Measures every backend of {@code ids} and returns the table, headed by the machine's cores, load
     * and the date: {@code runs} first runs each with Start at once and as many after the warm-up (in
     * fresh JVMs; with {@code freshJvms} false only the one first run in this JVM) and {@code runs} later ones, in a studio drawing with {@link NotebookVisualizer}
     * as the fresh JVMs do.
     *
     * @throws IllegalArgumentException when {@code runs} is outside [1, 20] or {@code ids} is empty
     * @throws IllegalStateException when a run fails
     */
    public static String report(Backends backends, List<String> ids, int runs, boolean freshJvms)
            throws IOException, InterruptedException {
        io.github.drawnet.api.internal.Checks.inRange("runs", runs, 1, 20);
        List<Sample> samples = new ArrayList<>();
        if (freshJvms) {
            for (String id : ids) {
                for (int i = 0; i < runs; i++) {   // alternated, so that a change of load touches both alike
                    samples.addAll(measureCold(thisJava(), id, 1, FirstStart.AT_ONCE));
                    samples.addAll(measureCold(thisJava(), id, 1, FirstStart.AFTER_WARMUP));
                }
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (Sample s : measure(backends, new NotebookVisualizer(), ids, runs, FirstStart.AT_ONCE, true)) {
            // with fresh JVMs this JVM's first runs are left out: its studio code is warm, its engines cold
            if (!(freshJvms && s.first())) {
                samples.add(s);
            }
        }
        return String.format(Locale.ROOT, "%d cores, load average %.2f before the in-process runs, %s%n",
                Runtime.getRuntime().availableProcessors(), load, java.time.LocalDate.now()) + table(samples);
    }

    /**
     * Returns the samples as a table: per backend and kind of run, the median of each time and the
     * goal of issue 16 (DJL 300 ms after the first run, DL4J 1 s).
     */
    public static String table(List<Sample> samples) {
        StringBuilder b = new StringBuilder();
        b.append("Studio: Start to first live map, ms from the Start request to the first map read whole by the page's"
                + "\nevent stream (median of n; first map's min-max; warm-up: from the studio's start to the engine warm)\n");
        b.append(String.format(Locale.ROOT, "%-10s %-12s %3s %8s %9s %12s %10s %11s %6s %8s %s%n", "backend", "run", "n",
                "warm-up", "accepted", "first epoch", "first map", "range", "epoch", "map KiB", "goal"));
        List<String> ids = samples.stream().map(Sample::backend).distinct().toList();
        for (String id : ids) {
            for (String run : Sample.RUNS) {
                List<Sample> rows = samples.stream().filter(s -> s.backend().equals(id) && s.run().equals(run)).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                double[] maps = rows.stream().mapToDouble(Sample::firstMapMillis).sorted().toArray();
                double map = median(java.util.Arrays.stream(maps));
                b.append(String.format(Locale.ROOT, "%-10s %-12s %3d %8s %9.0f %12.0f %10.0f %11s %6d %8.0f %s%n", id,
                        run, rows.size(), run.equals("first-warmed") ? String.format(Locale.ROOT, "%.0f",
                                median(rows.stream().mapToDouble(Sample::warmupMillis))) : "",
                        median(rows.stream().mapToDouble(Sample::acceptedMillis)),
                        median(rows.stream().mapToDouble(Sample::firstEpochMillis)), map,
                        String.format(Locale.ROOT, "%.0f-%.0f", maps[0], maps[maps.length - 1]),
                        rows.get(0).mapEpoch(), rows.stream().mapToInt(Sample::mapBytes).max().orElse(0) / 1024.0,
                        goal(id, rows.get(0).first(), map)));
            }
        }
        return b.toString();
    }

    /** Returns the goal of issue 16 for the row and whether it is met; blank where it sets none. */
    static String goal(String id, boolean first, double medianMillis) {
        double goal = switch (id) {
            case "djl" -> first ? Double.NaN : 300;
            case "dl4j" -> 1000;
            default -> Double.NaN;
        };
        if (Double.isNaN(goal)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.0f ms: %s", goal, medianMillis <= goal ? "met" : "missed");
    }

    static double median(java.util.stream.DoubleStream values) {
        double[] v = values.sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
