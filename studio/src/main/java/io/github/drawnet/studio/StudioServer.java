package io.github.drawnet.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Backend;
import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Visualizer;
import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.io.DrawnetVersion;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.InvalidDrawingException;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
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
    /** The most pixels a drawing sent to the studio may have. */
    static final long MAX_PIXELS = 1024L * 1024;
    /** How long a session lives without a page listening to it. */
    static final long ORPHAN_NANOS = TimeUnit.SECONDS.toNanos(20);

    private static final Logger LOG = LoggerFactory.getLogger(StudioServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA_URL_PREFIX = "data:image/png;base64,";

    /**
     * The server's settings.
     *
     * @param host the address to listen on ({@code 127.0.0.1}: this machine only)
     * @param port the port; 0 picks a free one
     * @param maxSessions the browser tabs served at once
     * @param trainers the runs trained at once; more wait in a queue
     * @param serverThreads the web server's threads
     */
    public record Options(String host, int port, int maxSessions, int trainers, int serverThreads) {

        /** The most tabs a studio may serve. */
        public static final int MAX_SESSIONS = 64;

        /**
         * Validates every value.
         *
         * @throws IllegalArgumentException naming the first value out of range
         */
        public Options {
            java.util.Objects.requireNonNull(host, "host");
            Checks.inRange("port", port, 0, 65535);
            Checks.inRange("sessions", maxSessions, 1, MAX_SESSIONS);
            Checks.inRange("trainers", trainers, 1, 64);
            Checks.inRange("server threads", serverThreads, 4, 256);
        }

        /** Returns the defaults on {@code port} of this machine: 8 tabs, one trainer per core, 32 threads. */
        public static Options local(int port) {
            return new Options("127.0.0.1", port, 8, Math.max(1, Runtime.getRuntime().availableProcessors()), 32);
        }
    }

    private final Backends backends;
    private final Visualizer visualizer;
    private final Options options;
    private final Map<String, StudioSession> sessions = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService housekeeping;
    private final Javalin app;

    /** Makes the server; nothing listens until {@link #start()}. */
    public StudioServer(Backends backends, Visualizer visualizer, Options options) {
        this.backends = backends;
        this.visualizer = visualizer;
        this.options = options;
        this.workers = Executors.newFixedThreadPool(options.trainers(), r -> {
            Thread t = new Thread(r, "drawnet-studio-trainer");
            t.setDaemon(true);
            return t;
        });
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drawnet-studio-housekeeping");
            t.setDaemon(true);
            return t;
        });
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
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
        app.get("/api/info", ctx -> ctx.json(info()));
        app.get("/api/presets/{name}", this::preset);
        app.post("/api/sessions", ctx -> {
            if (sessions.size() >= options.maxSessions()) {
                throw new StudioException(503, "the studio already has " + sessions.size()
                        + " open pages, its limit; close a tab and try again");
            }
            String id = UUID.randomUUID().toString();
            sessions.put(id, new StudioSession(id, workers, visualizer));
            ObjectNode n = JSON.createObjectNode();
            n.put("id", id);
            ctx.status(201).result(n.toString()).contentType("application/json");
        });
        app.sse("/api/sessions/{id}/events", client -> {
            StudioSession s = sessions.get(client.ctx().pathParam("id"));
            if (s == null) {
                client.sendEvent("failure", "{\"message\":\"this studio session has ended; reload the page\"}");
                client.close();
                return;
            }
            client.keepAlive();
            client.onClose(() -> {
                s.removeClient(client);
                // the page went away: stop its run and free its model, unless it comes back at once
                if (s.clientCount() == 0 && !housekeeping.isShutdown()) {
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
            });
            s.addClient(client);
        });
        app.post("/api/sessions/{id}/start", this::start);
        app.post("/api/sessions/{id}/pause", ctx -> ok(ctx, session(ctx), StudioSession::pause));
        app.post("/api/sessions/{id}/resume", ctx -> ok(ctx, session(ctx), StudioSession::resume));
        app.post("/api/sessions/{id}/stop", ctx -> ok(ctx, session(ctx), StudioSession::stop));
        app.post("/api/sessions/{id}/continue", ctx -> {
            StudioSession s = session(ctx);
            JsonNode body = body(ctx);
            int epochs = body.path("epochs").asInt(ExperimentSettings.MORE_EPOCHS);
            if (epochs < 1 || epochs > StudioSettings.MAX_EPOCHS) {
                throw new StudioException(400, "epochs must be in [1, " + StudioSettings.MAX_EPOCHS + "], got "
                        + body.path("epochs"));
            }
            s.continueTraining(epochs);
            ctx.status(202).result("{}").contentType("application/json");
        });
        app.post("/api/sessions/{id}/close", ctx -> {
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
        app.exception(StudioException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(InvalidDrawingException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(BackendUnavailableException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("studio request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error: " + e);
        });
        app.error(404, ctx -> {
            if (!"application/json".equals(ctx.res().getContentType())) {
                error(ctx, 404, "no such page: " + ctx.path());
            }
        });
        app.error(413, ctx -> error(ctx, 413, "request too large: at most " + MAX_BODY / 1024 / 1024 + " MiB"));
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", message == null ? "error" : message.lines().findFirst().orElse(message));
        ctx.status(status).contentType("application/json").result(n.toString());
    }

    private static void ok(Context ctx, StudioSession s, java.util.function.Consumer<StudioSession> action) {
        action.accept(s);
        ctx.status(202).contentType("application/json").result("{}");
    }

    private StudioSession session(Context ctx) {
        StudioSession s = sessions.get(ctx.pathParam("id"));
        if (s == null) {
            throw new StudioException(404, "no such studio session; reload the page");
        }
        s.touch();
        return s;
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StudioException(400, "the request is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void start(Context ctx) {
        StudioSession s = session(ctx);
        JsonNode body = body(ctx);
        String url = body.path("drawing").asText("");
        if (!url.startsWith(DATA_URL_PREFIX)) {
            throw new StudioException(400, "the drawing must be a PNG data URL (data:image/png;base64,...)");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(url.substring(DATA_URL_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new StudioException(400, "the drawing's data URL is not valid base64");
        }
        StudioSettings settings = StudioSettings.from(body.get("settings"), backends.preferred().id());
        Backend backend = backends.find(settings.backend()).orElseThrow(() -> new StudioException(400,
                "unknown backend '" + settings.backend() + "'; available: " + String.join(", ", backends.ids())));
        Drawing drawing = DrawingReader.read(new ByteArrayInputStream(png), "drawing.png", MAX_PIXELS);
        ExperimentSettings e = settings.settings();
        DataSplits data = Sampler.sample(drawing, e.sizes(), e.seed(), e.labels(), e.noise());
        s.start(backend, settings, drawing, png, data);
        ctx.status(202).contentType("application/json").result("{}");
    }

    private void preset(Context ctx) throws IOException {
        Preset p = Preset.fromId(ctx.pathParam("name").replaceAll("\\.png$", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(p.image(), "png", out);
        ctx.contentType("image/png").result(out.toByteArray());
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
        limits.put("maxPixels", MAX_PIXELS);
        limits.put("maxPoints", StudioSettings.MAX_POINTS);
        limits.put("maxEpochs", StudioSettings.MAX_EPOCHS);
        return n;
    }

    private void closeSession(String id) {
        StudioSession s = sessions.remove(id);
        if (s != null) {
            workers.execute(s::close);
        }
    }

    /** Returns the address the server listens on. */
    public String listeningHost() {
        return ((org.eclipse.jetty.server.ServerConnector) app.jettyServer().server().getConnectors()[0]).getHost();
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
        housekeeping.scheduleAtFixedRate(this::housekeep, 5, 5, TimeUnit.SECONDS);
        return app.port();
    }

    private void housekeep() {
        long now = System.nanoTime();
        for (StudioSession s : sessions.values()) {
            s.heartbeat();
            if (s.clientCount() == 0 && now - s.lastSeenNanos() > ORPHAN_NANOS) {
                LOG.debug("closing session {}: no page has listened for {} s", s.id,
                        TimeUnit.NANOSECONDS.toSeconds(ORPHAN_NANOS));
                closeSession(s.id);
            }
        }
    }

    @Override
    public void close() {
        app.stop();
        housekeeping.shutdownNow();
        for (String id : sessions.keySet()) {
            StudioSession s = sessions.remove(id);
            if (s != null) {
                s.close();
            }
        }
        workers.shutdownNow();
    }
}
