package io.github.drawnet.studio;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Activation;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.io.DrawnetVersion;
import io.github.drawnet.io.InvalidFileException;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.InvalidDrawingException;
import io.github.drawnet.sampling.Preset;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drawing studio's web server: the page, and a small JSON API under {@code /api} that the page
 * drives. Bounded everywhere: request bodies, drawing pixels, sessions, server threads, trainers.
 *
 * <pre>{@code
 * try (StudioServer studio = new StudioServer(Backends.discover(), new NotebookVisualizer(),
 *         StudioServer.Options.local(8080))) {
 *     int port = studio.start();   // http://127.0.0.1:port/
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class StudioServer implements AutoCloseable {

    /** The largest request body accepted, in bytes (a 1024 x 1024 PNG as a data URL fits). */
    static final long MAX_BODY = 4L * 1024 * 1024;
    /** How long a session lives without a page listening to it. */
    static final long ORPHAN_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** The most a shared experiment link (settings and compressed drawing) may hold, in bytes. */
    static final int MAX_SHARE_BYTES = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(StudioServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA_URL_PREFIX = "data:image/png;base64,";

    /**
     * The server's settings.
     *
     * @param host the address to listen on ({@code 127.0.0.1}: this machine only)
     * @param port the port; 0 picks a free one
     * @param maxSessions the browser tabs served at once; {@link #memorySessions} by default
     * @param trainers the runs trained at once; more wait in a queue
     * @param serverThreads the web server's threads
     * @param allowedHosts the host names, besides this machine's loopback names, that pages may reach the
     *     studio by; required (at least one) when {@code host} is not a loopback address
     * @param maxRuns the runs going on (queued, training or paused) at once, over all pages
     * @param idleMillis how long a page's session lives without a request before it is reclaimed
     * @param warmUp whether engines are warmed up in the background before a page's first Start needs
     *     them: the preferred one when the studio starts, another when a page chooses it
     * @param maxPerClient the sessions one remote address may hold when it is not this machine (a class
     *     on a network: one loop in one browser cannot take every session); pages on this machine are
     *     not counted, being the one person at it
     */
    public record Options(String host, int port, int maxSessions, int trainers, int serverThreads,
            List<String> allowedHosts, int maxRuns, long idleMillis, boolean warmUp, int maxPerClient) {

        /** The most tabs a studio may serve. */
        public static final int MAX_SESSIONS = 1000;
        /** The fewest tabs the memory-derived default offers. */
        public static final int MIN_DEFAULT_SESSIONS = 8;
        /**
         * What one session may cost on the heap, in bytes, at its largest: a finished run of the default
         * experiment with its model, points, live maps, result and listening page (3.4 MiB measured by
         * {@code StudioLoadBenchmark}, BENCHMARKS.md; nearly doubled for the larger drawings and runs a page
         * may ask for).
         */
        public static final long SESSION_BYTES = 6L * 1024 * 1024;
        /** The share of the maximum heap that sessions may take by default; the rest is the server's. */
        public static final double SESSION_HEAP_SHARE = 0.5;
        /** The sessions one remote address (not this machine) may hold by default. */
        public static final int DEFAULT_PER_CLIENT = 4;
        /** How long an idle session lives by default: ten minutes. */
        public static final long DEFAULT_IDLE_MILLIS = TimeUnit.MINUTES.toMillis(10);

        /**
         * Validates every value.
         *
         * @throws IllegalArgumentException naming the first value out of range, or asking for the names
         *     a studio serving beyond this machine may be reached by
         */
        public Options {
            java.util.Objects.requireNonNull(host, "host");
            Checks.inRange("port", port, 0, 65535);
            Checks.inRange("sessions", maxSessions, 1, MAX_SESSIONS);
            Checks.inRange("trainers", trainers, 1, 64);
            Checks.inRange("server threads", serverThreads, 4, 256);
            Checks.inRange("runs", maxRuns, 1, MAX_SESSIONS);
            Checks.inRange("sessions per client", maxPerClient, 1, MAX_SESSIONS);
            if (idleMillis < 1) {
                throw new IllegalArgumentException("idle time must be > 0 ms, got " + idleMillis);
            }
            allowedHosts = List.copyOf(allowedHosts);
            for (String h : allowedHosts) {
                if (!h.strip().matches("[A-Za-z0-9.\\-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]")) {
                    throw new IllegalArgumentException("allowed host must be a host name or address without port "
                            + "(like 192.168.1.20 or classroom.local), got '" + h + "'");
                }
            }
            if (!isLoopback(host) && allowedHosts.isEmpty()) {
                throw new IllegalArgumentException("serving on " + host + " reaches beyond this machine: name the "
                        + "host names pages may use to reach it (--allow-host, like 192.168.1.20)");
            }
        }

        /** The settings before the per-client cap: its default. */
        public Options(String host, int port, int maxSessions, int trainers, int serverThreads,
                List<String> allowedHosts, int maxRuns, long idleMillis, boolean warmUp) {
            this(host, port, maxSessions, trainers, serverThreads, allowedHosts, maxRuns, idleMillis, warmUp,
                    DEFAULT_PER_CLIENT);
        }

        /** The settings before engines were warmed up: warmed up. */
        public Options(String host, int port, int maxSessions, int trainers, int serverThreads,
                List<String> allowedHosts, int maxRuns, long idleMillis) {
            this(host, port, maxSessions, trainers, serverThreads, allowedHosts, maxRuns, idleMillis, true);
        }

        /**
         * The settings before allowed hosts, run limits and idle time: loopback only, with their defaults
         * (every page may have a run going on; the runs beyond the trainers wait in the queue).
         */
        public Options(String host, int port, int maxSessions, int trainers, int serverThreads) {
            this(host, port, maxSessions, trainers, serverThreads, List.of(), maxSessions, DEFAULT_IDLE_MILLIS);
        }

        /**
         * Returns the defaults on {@code port} of this machine: as many tabs as {@link #memorySessions}
         * of this JVM's maximum heap, one trainer per core, 32 threads.
         */
        public static Options local(int port) {
            return new Options("127.0.0.1", port, memorySessions(Runtime.getRuntime().maxMemory()),
                    Math.max(1, Runtime.getRuntime().availableProcessors()), 32);
        }

        /**
         * Returns the options {@code drawnet studio} serves with: its flags, and the defaults for the rest.
         *
         * @param maxSessions the tabs to serve, or null for {@link #memorySessions} of this JVM's heap
         * @throws IllegalArgumentException as the constructor
         */
        public static Options command(String host, int port, Integer maxSessions, List<String> allowedHosts) {
            Options local = local(port);
            int sessions = maxSessions == null ? local.maxSessions() : maxSessions;
            return new Options(host, port, sessions, local.trainers(), local.serverThreads(), allowedHosts, sessions,
                    DEFAULT_IDLE_MILLIS);
        }

        /**
         * Returns the tabs a heap of {@code maxHeapBytes} serves: {@link #SESSION_HEAP_SHARE} of it over
         * {@link #SESSION_BYTES}, at least {@link #MIN_DEFAULT_SESSIONS} and at most {@link #MAX_SESSIONS}
         * (the launcher's 1 GiB heap: 85 tabs).
         */
        public static int memorySessions(long maxHeapBytes) {
            long n = (long) (Math.max(0, maxHeapBytes) * SESSION_HEAP_SHARE) / SESSION_BYTES;
            return (int) Math.max(MIN_DEFAULT_SESSIONS, Math.min(MAX_SESSIONS, n));
        }

        /** Returns these options with {@code names} as the allowed host names. */
        public Options withAllowedHosts(List<String> names) {
            return new Options(host, port, maxSessions, trainers, serverThreads, names, maxRuns, idleMillis, warmUp,
                    maxPerClient);
        }

        /** Returns these options with another run limit and idle time. */
        public Options withLimits(int runs, long idle) {
            return new Options(host, port, maxSessions, trainers, serverThreads, allowedHosts, runs, idle, warmUp,
                    maxPerClient);
        }

        /** Returns these options with engines warmed up in the background, or not. */
        public Options withWarmUp(boolean warm) {
            return new Options(host, port, maxSessions, trainers, serverThreads, allowedHosts, maxRuns, idleMillis, warm,
                    maxPerClient);
        }

        /** Returns these options with another cap on the sessions of one remote address. */
        public Options withPerClient(int sessions) {
            return new Options(host, port, maxSessions, trainers, serverThreads, allowedHosts, maxRuns, idleMillis, warmUp,
                    sessions);
        }

        /** Returns whether {@code host} is an address of this machine only. */
        static boolean isLoopback(String host) {
            String h = host.strip().toLowerCase(java.util.Locale.ROOT);
            return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
        }
    }

    private final Backends backends;
    private final Visualizer visualizer;
    private final Options options;
    private final StudioGuard guard;
    /** Needed to make a session when serving beyond loopback; null on loopback. */
    private final String accessKey;
    private final Map<String, StudioSession> sessions = new ConcurrentHashMap<>();
    /** The remote address each session was made from, for the per-client cap. */
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private final RunQueue queue;
    /** Releases closed sessions' models: never on a trainer, so a page's leaving waits for no run. */
    private final ExecutorService releaser;
    private final ScheduledExecutorService housekeeping;
    private final EngineWarmup warmup;
    private final Javalin app;

    /** Makes the server; nothing listens until {@link #start()}. */
    public StudioServer(Backends backends, Visualizer visualizer, Options options) {
        this.backends = backends;
        this.visualizer = visualizer;
        this.options = options;
        this.guard = new StudioGuard(options.allowedHosts(), MAX_BODY);
        this.accessKey = Options.isLoopback(options.host()) ? null : StudioGuard.token();
        this.queue = new RunQueue(options.trainers());
        this.releaser = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "drawnet-studio-release");
            t.setDaemon(true);
            return t;
        });
        this.warmup = new EngineWarmup(visualizer);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drawnet-studio-housekeeping");
            t.setDaemon(true);
            return t;
        });
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // the guard reads every body under its own cap, chunked or not; this is Javalin's own second line
            config.http.maxRequestSize = MAX_BODY;
            QueuedThreadPool pool = new QueuedThreadPool(options.serverThreads(), Math.min(4, options.serverThreads()));
            pool.setName("drawnet-studio-http");
            config.jetty.threadPool = pool;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/io/github/drawnet/studio/web";
                files.location = Location.CLASSPATH;
            });
        });
        routes();
    }

    private void routes() {
        app.before(ctx -> {
            StudioGuard.headers(ctx);
            guard.check(ctx);
        });
        app.get("/api/info", ctx -> ctx.json(info()));
        app.get("/api/presets/{name}", this::preset);
        app.post("/api/drawings", this::readDrawing);
        app.post("/api/sessions", ctx -> {
            if (accessKey != null && !StudioGuard.sameToken(accessKey, ctx.header(StudioGuard.KEY_HEADER))) {
                throw new StudioException(403, "this studio needs the link with its key; ask for the link the "
                        + "studio printed when it started");
            }
            String id;
            String token = StudioGuard.token();
            String client = ctx.ip();
            synchronized (sessions) {
                if (sessions.size() >= options.maxSessions()) {
                    throw new StudioException(503, "all " + options.maxSessions() + " sessions of this studio are "
                            + "taken; close another studio tab, or wait");
                }
                if (!Options.isLoopback(client)) {
                    long mine = clients.values().stream().filter(client::equals).count();
                    if (mine >= options.maxPerClient()) {
                        throw new StudioException(429, "this computer already has " + mine + " studio tabs open, "
                                + "the most one computer may have; close one");
                    }
                }
                id = UUID.randomUUID().toString();
                sessions.put(id, new StudioSession(id, token, queue, visualizer));
                clients.put(id, client);
            }
            ObjectNode n = JSON.createObjectNode();
            n.put("id", id);
            n.put("token", token);
            ctx.status(201).result(n.toString()).contentType("application/json");
        });
        app.sse("/api/sessions/{id}/events", client -> {
            StudioSession s = sessions.get(client.ctx().pathParam("id"));
            if (s == null || !s.tokenMatches(client.ctx().queryParam("token"))) {
                client.sendEvent("ended", "{\"message\":\"this studio session has ended; reload the page\"}");
                client.close();
                return;
            }
            client.keepAlive();
            client.onClose(() -> pageGone(s, client));
            s.addClient(client);
        });
        app.post("/api/sessions/{id}/start", this::start);
        // the page chose an engine: warm it up while the person draws
        app.post("/api/sessions/{id}/warm", ctx -> {
            session(ctx);
            String id = body(ctx).path("backend").asText("");
            Backend backend = backends.find(id).orElseThrow(() -> new StudioException(400,
                    "unknown backend '" + StudioGuard.shorten(id) + "'; available: " + String.join(", ", backends.ids())));
            if (options.warmUp()) {
                warmup.warm(backend);
            }
            ctx.status(202).contentType("application/json").result("{}");
        });
        app.post("/api/sessions/{id}/pause", ctx -> ok(ctx, session(ctx), StudioSession::pause));
        app.post("/api/sessions/{id}/resume", ctx -> ok(ctx, session(ctx), StudioSession::resume));
        app.post("/api/sessions/{id}/stop", ctx -> ok(ctx, session(ctx), StudioSession::stop));
        app.post("/api/sessions/{id}/step", ctx -> {
            StudioSession s = session(ctx);
            synchronized (sessions) {
                if (!s.isLive()) {
                    requireRunSlot();
                }
                s.step();
            }
            ctx.status(202).result("{}").contentType("application/json");
        });
        app.post("/api/sessions/{id}/continue", ctx -> {
            StudioSession s = session(ctx);
            JsonNode body = body(ctx);
            int epochs = StudioBudget.continueEpochs(body.path("epochs").asInt(ExperimentSettings.MORE_EPOCHS),
                    StudioGuard.shorten(body.path("epochs").toString()));
            synchronized (sessions) {
                requireRunSlot();
                s.continueTraining(epochs);
            }
            ctx.status(202).result("{}").contentType("application/json");
        });
        app.post("/api/sessions/{id}/load", this::load);
        // a weight or bias typed into the network drawing of a paused or finished run
        app.post("/api/sessions/{id}/weight", ctx -> {
            StudioSession s = session(ctx);
            WeightEdit edit = WeightEdit.from(body(ctx));
            float stored = s.setWeight(edit);
            ObjectNode n = JSON.createObjectNode();
            n.put("layer", edit.layer());
            if (edit.isBias()) {
                n.put("bias", edit.row());
            } else {
                n.put("row", edit.row());
                n.put("col", edit.col());
            }
            n.put("value", stored);
            ctx.json(n);
        });
        app.post("/api/sessions/{id}/close", ctx -> {
            session(ctx);
            closeSession(ctx.pathParam("id"));
            ctx.status(204);
        });
        app.get("/api/sessions/{id}/download/{file}", ctx -> {
            String file = ctx.pathParam("file");
            byte[] bytes = session(ctx).download(file);
            String type = file.endsWith(".png") ? "image/png" : file.endsWith(".html") ? "text/html; charset=utf-8"
                    : file.endsWith(".json") ? "application/json" : "text/csv; charset=utf-8";
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
            ctx.contentType(type).result(bytes);
        });
        app.exception(StudioException.class, (e, ctx) -> {
            if (e.status() == 413) {
                ctx.header("Connection", "close");
            }
            error(ctx, e.status(), e.getMessage(), e.setting());
        });
        app.exception(InvalidDrawingException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(InvalidFileException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(BackendUnavailableException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("studio request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error in the studio; its log has the details");
        });
        app.error(404, ctx -> {
            if (!"application/json".equals(ctx.res().getContentType())) {
                error(ctx, 404, "no such page: " + StudioGuard.shorten(ctx.path()));
            }
        });
        app.error(413, ctx -> error(ctx, 413, "request too large: at most " + MAX_BODY / 1024 / 1024 + " MiB"));
    }

    private static void error(Context ctx, int status, String message) {
        error(ctx, status, message, null);
    }

    /** Answers a refusal: {"error": its message, "setting": the refused setting's key, when one is at fault}. */
    private static void error(Context ctx, int status, String message, String setting) {
        StudioGuard.headers(ctx);
        ObjectNode n = JSON.createObjectNode();
        n.put("error", message == null ? "error" : message.lines().findFirst().orElse(message));
        if (setting != null) {
            n.put("setting", setting);
        }
        ctx.status(status).contentType("application/json").result(n.toString());
    }

    private static void ok(Context ctx, StudioSession s, java.util.function.Consumer<StudioSession> action) {
        action.accept(s);
        ctx.status(202).contentType("application/json").result("{}");
    }

    /** Returns the request's session, after checking the page's token: a session answers only its own page. */
    private StudioSession session(Context ctx) {
        StudioSession s = sessions.get(ctx.pathParam("id"));
        if (s == null) {
            throw new StudioException(404, "no such studio session; reload the page");
        }
        String token = ctx.header(StudioGuard.TOKEN_HEADER);
        if (!s.tokenMatches(token == null ? ctx.queryParam("token") : token)) {
            throw new StudioException(403, "this studio session belongs to another page");
        }
        s.touch();
        return s;
    }

    /** Refuses a new run when {@link Options#maxRuns()} are going on; call under the sessions' lock. */
    private void requireRunSlot() {
        long live = sessions.values().stream().filter(StudioSession::isLive).count();
        if (live >= options.maxRuns()) {
            throw new StudioException(503, "the studio is already training " + live + " runs, its limit; wait "
                    + "for one to finish, or stop one");
        }
    }

    private static JsonNode body(Context ctx) {
        String text = StudioGuard.body(ctx);
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new StudioException(400, "the request is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static byte[] png(JsonNode body) {
        String url = body.path("drawing").asText("");
        if (!url.startsWith(DATA_URL_PREFIX)) {
            throw new StudioException(400, "the drawing must be a PNG data URL (data:image/png;base64,...)");
        }
        try {
            return Base64.getDecoder().decode(url.substring(DATA_URL_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new StudioException(400, "the drawing's data URL is not valid base64");
        }
    }

    private void start(Context ctx) {
        StudioSession s = session(ctx);
        JsonNode body = body(ctx);
        byte[] png = png(body);
        StudioSettings settings = StudioSettings.from(body.get("settings"), backends.preferred().id());
        Backend backend = backends.find(settings.backend()).orElseThrow(() -> new StudioException(400,
                "unknown backend '" + StudioGuard.shorten(settings.backend()) + "'; available: " + String.join(", ", backends.ids())));
        // a Start that came while its engine warms up waits for the engine, rather than load it a second time
        warmup.startCame(backend.id(), TimeUnit.MINUTES.toMillis(1));
        RunInputs inputs = RunInputs.prepare(DrawingSource.image(StudioBudget.decode(png, "drawing.png"),
                "drawing.png"), ClassReading.AUTO, settings.settings());
        Drawing drawing = inputs.drawing();
        DataSplits data = inputs.data();
        synchronized (sessions) {
            if (!s.isLive()) {
                requireRunSlot();
            }
            s.start(backend, settings, drawing, png, data);
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("positiveShare", drawing.positiveShare());
        n.put("trainPositiveShare", data.train().positiveShare());
        SessionEvents.classes(n, drawing);
        n.put("reading", inputs.classesFound());
        ctx.status(202).contentType("application/json").result(n.toString());
    }

    /**
     * Reads a drawing as a run would, and answers the class mask it trains on (the page shows it): in
     * one colour its coverage, in several each class in its colour; with the classes found and why.
     */
    private void readDrawing(Context ctx) throws IOException {
        byte[] png = png(body(ctx));
        java.awt.image.BufferedImage image = StudioBudget.decode(png, "drawing.png");
        if (image == null) {
            throw new StudioException(400, "drawing drawing.png is not an image (expected a PNG file)");
        }
        DrawingReader.Reading reading = DrawingReader.fromImageExplained(image, "drawing.png", ClassReading.AUTO);
        Drawing d = reading.drawing();
        ObjectNode n = JSON.createObjectNode();
        n.put("width", d.width());
        n.put("height", d.height());
        n.put("positiveShare", d.positiveShare());
        n.put("readAs", readsAlpha(image) ? "alpha" : "darkness");
        SessionEvents.classes(n, d);
        n.put("reading", reading.explanation());
        n.put("mask", SessionEvents.dataUrl(maskPng(d)));
        ctx.json(n);
    }

    private static boolean readsAlpha(java.awt.image.BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) >>> 24 != 255) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the drawing as the page's canvas keeps one: black ink, opacity = coverage; a drawing in
     * colours with each class in its colour, opaque, and the background transparent.
     */
    static byte[] maskPng(Drawing d) throws IOException {
        java.awt.image.BufferedImage mask = new java.awt.image.BufferedImage(d.width(), d.height(),
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        boolean colours = d.classCount() > 2;
        for (int row = 0; row < d.height(); row++) {
            for (int col = 0; col < d.width(); col++) {
                if (colours) {
                    int k = d.classOf(col, row);
                    mask.setRGB(col, row, k == 0 ? 0 : 0xFF000000 | d.classes().get(k).rgb());
                } else {
                    int a = Math.round(Math.max(0f, Math.min(1f, d.coverage(col, row))) * 255);
                    mask.setRGB(col, row, a << 24);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(mask, "png", out);
        return out.toByteArray();
    }

    /** Loads a saved model into the page's session: its drawing, settings, weights and history, ready to continue. */
    private void load(Context ctx) throws IOException {
        StudioSession s = session(ctx);
        JsonNode body = body(ctx);
        String text = body.path("model").asText("");
        if (text.isEmpty()) {
            throw new StudioException(400, "send the saved model file's text as \"model\"");
        }
        SavedModel saved = SavedModel.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "model.json");
        StudioBudget.pixels("the model's drawing", saved.drawing().width(), saved.drawing().height());
        String id = body.path("backend").asText(backends.preferred().id());
        Backend backend = backends.find(id).orElseThrow(() -> new StudioException(400,
                "unknown backend '" + StudioGuard.shorten(id) + "'; available: " + String.join(", ", backends.ids())));
        byte[] png = maskPng(saved.drawing());
        s.load(saved, backend, png);
        ObjectNode n = JSON.createObjectNode();
        n.put("drawing", SessionEvents.dataUrl(png));
        SessionEvents.classes(n, saved.drawing());
        ObjectNode settings = n.putObject("settings");
        ExperimentSettings e = new ExperimentSettings(saved.provenance().sizes(), saved.provenance().labelMode(),
                saved.provenance().noise(), saved.spec(), saved.config());
        for (io.github.drawnet.api.Setting setting : StudioSettings.ON_THE_PAGE) {
            if (setting == io.github.drawnet.api.Setting.FEATURES) {
                var list = settings.putArray(setting.key());
                saved.spec().inputs().forEach(f -> list.add(f.id()));
            } else {
                settings.put(setting.key(), e.text(setting));
            }
        }
        settings.put("backend", backend.id());
        n.put("epochs", saved.history().size());
        ctx.json(n);
    }

    private void preset(Context ctx) throws IOException {
        Preset p = Preset.fromId(ctx.pathParam("name").replaceAll("\\.png$", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(p.image(), "png", out);
        ctx.contentType("image/png").result(out.toByteArray());
    }

    /** Each input feature's map, for the input nodes: the same for every page, drawn once. */
    private volatile Map<String, String> inputMaps;

    private Map<String, String> inputMaps() {
        Map<String, String> m = inputMaps;
        if (m == null) {
            m = SessionEvents.inputMaps(visualizer);
            inputMaps = m;
        }
        return m;
    }

    private ObjectNode info() {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", DrawnetVersion.get());
        ArrayNode bs = n.putArray("backends");
        for (Backend b : backends.all()) {
            ObjectNode o = bs.addObject();
            o.put("id", b.id());
            o.put("name", b.displayName());
        }
        n.put("defaultBackend", backends.preferred().id());
        ArrayNode presets = n.putArray("presets");
        for (Preset p : Preset.values()) {
            presets.add(p.id());
        }
        ArrayNode features = n.putArray("features");
        for (Feature f : Feature.values()) {
            ObjectNode o = features.addObject();
            o.put("id", f.id());
            o.put("label", f.label());
            o.put("map", inputMaps().get(f.id()));
        }
        ArrayNode activations = n.putArray("activations");
        for (Activation a : Activation.values()) {
            activations.add(a.id());
        }
        ArrayNode optimizers = n.putArray("optimizers");
        for (Optimizer o : Optimizer.values()) {
            optimizers.add(o.id());
        }
        StudioSettings.defaults(n.putObject("defaults"));
        ObjectNode limits = n.putObject("limits");
        limits.put("maxBodyBytes", MAX_BODY);
        limits.put("maxPixels", StudioBudget.MAX_PIXELS);
        limits.put("maxPoints", StudioBudget.MAX_POINTS);
        limits.put("maxEpochs", StudioBudget.MAX_EPOCHS);
        limits.put("maxSessions", options.maxSessions());
        limits.put("maxRuns", options.maxRuns());
        limits.put("maxShareBytes", MAX_SHARE_BYTES);
        limits.put("maxClasses", io.github.drawnet.api.NetworkSpec.MAX_CLASSES);
        limits.put("maxHiddenLayers", io.github.drawnet.api.NetworkSpec.MAX_HIDDEN_LAYERS);
        limits.put("maxUnits", io.github.drawnet.api.NetworkSpec.MAX_UNITS);
        limits.put("maxWeight", WeightEdit.MAX_ABS);
        n.put("needsKey", accessKey != null);
        ArrayNode warm = n.putArray("warmBackends");
        warmup.warm().forEach(warm::add);
        return n;
    }

    /** Ends a session now (its run leaves the queue or stops after its epoch) and releases it in the background. */
    private void closeSession(String id) {
        StudioSession s;
        synchronized (sessions) {
            s = sessions.remove(id);
            clients.remove(id);
        }
        if (s != null) {
            s.end();
            try {
                releaser.execute(s::close);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                s.close(); // the server is stopping
            }
        }
    }

    /** Returns the runs' queue; for tests. */
    RunQueue queue() {
        return queue;
    }

    /** Returns the address the server listens on. */
    public String listeningHost() {
        return ((org.eclipse.jetty.server.ServerConnector) app.jettyServer().server().getConnectors()[0]).getHost();
    }

    /**
     * Returns the links to print for people to open: the loopback one, and, when serving beyond this
     * machine, one per allowed name carrying the studio's access key.
     */
    public List<String> links() {
        List<String> links = new java.util.ArrayList<>();
        links.add("http://127.0.0.1:" + app.port() + "/");
        for (String name : options.allowedHosts()) {
            links.add("http://" + name + ":" + app.port() + "/" + (accessKey == null ? "" : "?key=" + accessKey));
        }
        return links;
    }

    /** Returns the live sessions; for tests. */
    Map<String, StudioSession> sessions() {
        return sessions;
    }

    /**
     * Starts serving; returns the port (useful when 0 asked for any free one).
     *
     * @throws RuntimeException from the web server when the address cannot be bound
     */
    public int start() {
        app.start(options.host(), options.port());
        guard.port(app.port());
        housekeeping.scheduleAtFixedRate(this::housekeep, 1, 1, TimeUnit.SECONDS);
        if (options.warmUp() && !backends.all().isEmpty()) {
            warmup.warm(backends.preferred());
        }
        return app.port();
    }

    /**
     * Forgets a page whose event stream ended, and has {@link #pageLeft} done on another thread: Javalin
     * calls this from inside the send that found the stream gone, with the client's lock held, while
     * a status sent under the session's lock waits for that client's lock; waiting here for the
     * session's lock would be a deadlock.
     */
    void pageGone(StudioSession s, SseClient client) {
        s.removeClient(client);
        try {
            releaser.execute(() -> pageLeft(s));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the server is stopping and closes every session itself
        }
    }

    /**
     * A page's event stream ended: when no other page of the session listens, its run stops now (or
     * leaves the queue), and its model and session go unless a page comes back within two seconds.
     */
    private void pageLeft(StudioSession s) {
        if (s.clientCount() != 0) {
            return;
        }
        s.stop();
        try {
            housekeeping.schedule(() -> {
                if (s.clientCount() == 0) {
                    closeSession(s.id);
                }
            }, 2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the server is stopping and closes every session itself
        }
    }

    private void housekeep() {
        long now = System.nanoTime();
        long idle = TimeUnit.MILLISECONDS.toNanos(options.idleMillis());
        boolean beat = beats(now);
        if (beat) {
            queue.announce(); // the waits shorten as runs train
        }
        for (StudioSession s : sessions.values()) {
            if (beat) {
                s.heartbeat();
            }
            switch (reap(now, s.lastSeenNanos(), s.clientCount(), s.isTraining(), idle)) {
                case ORPHANED -> {
                    LOG.debug("closing session {}: no page has listened for {} s", s.id,
                            TimeUnit.NANOSECONDS.toSeconds(ORPHAN_NANOS));
                    closeSession(s.id);
                }
                case IDLE -> {
                    LOG.debug("closing session {}: idle for {} ms", s.id, options.idleMillis());
                    s.ended("this page was idle for " + describe(options.idleMillis())
                            + " and its session ended; reload the page to start again");
                    closeSession(s.id);
                }
                case KEEP -> {
                }
            }
        }
    }

    /** What the housekeeper's round does with a session. */
    enum Reap {
        /** Leaves it be. */
        KEEP,
        /** Closes it: no page has listened for longer than {@link #ORPHAN_NANOS}, training or not. */
        ORPHANED,
        /** Ends it and tells its page why: nothing trains and no request came for the idle time. */
        IDLE
    }

    /**
     * Returns what the round at {@code now} does with a session last seen at {@code lastSeen}, with
     * {@code clients} pages listening, training (or queued) or not, when a page may stay idle
     * {@code idleNanos}.
     */
    static Reap reap(long now, long lastSeen, int clients, boolean training, long idleNanos) {
        long quiet = now - lastSeen;
        if (clients == 0 && quiet > ORPHAN_NANOS) {
            return Reap.ORPHANED;
        }
        return !training && quiet > idleNanos ? Reap.IDLE : Reap.KEEP;
    }

    /** Returns whether the round at {@code now} beats: every fifth second, pages and waits are told. */
    static boolean beats(long now) {
        return (now / 1_000_000_000L) % 5 == 0;
    }

    /** Says an idle time as a page reads it: "10 minutes", "1 minute", "1.5 s". */
    static String describe(long millis) {
        if (millis >= 60_000 && millis % 60_000 == 0) {
            long minutes = millis / 60_000;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return millis / 1000.0 + " s";
    }

    @Override
    public void close() {
        warmup.close();
        app.stop();
        housekeeping.shutdownNow();
        List<StudioSession> ending = new java.util.ArrayList<>();
        for (String id : sessions.keySet()) {
            StudioSession s = sessions.remove(id);
            if (s != null) {
                s.end();
                ending.add(s);
            }
        }
        queue.close();
        ending.forEach(StudioSession::close);
        releaser.shutdown();
    }
}
