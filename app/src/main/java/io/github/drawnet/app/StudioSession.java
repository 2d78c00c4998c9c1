package io.github.drawnet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Backend;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingResult;
import io.github.drawnet.io.Exports;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.viz.FigureWriter;
import io.github.drawnet.viz.HtmlReport;
import io.github.drawnet.viz.LiveFigures;
import io.github.drawnet.viz.NotebookVisualizer;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser tab's experiment in the studio: its drawing and points, its model and trainer, its
 * run on a worker thread, and the pages listening to it over server-sent events.
 *
 * <p>Thread-safe: requests arrive on server threads, the run happens on a worker thread; state
 * changes are synchronised on the session.
 */
final class StudioSession implements AutoCloseable {

    /** Where a session is. */
    enum State { IDLE, QUEUED, TRAINING, PAUSED, DONE, FAILED, CLOSED }

    /** The side of the grid live maps are drawn on: smaller than the report's 256, to stay quick. */
    static final int LIVE_GRID = 96;
    /** The least time between two live map updates. */
    static final long MAP_INTERVAL_NANOS = 250_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(StudioSession.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dataset GRID = Dataset.grid(LIVE_GRID);

    final String id;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ExecutorService workers;
    private volatile long lastSeen = System.nanoTime();

    private State state = State.IDLE;
    private boolean stopRequested;
    private boolean pauseRequested;
    private Future<?> run;

    private Backend backend;
    private StudioSettings settings;
    private Drawing drawing;
    private byte[] drawingPng;
    private DataSplits data;
    private Parameters initial;
    private Model model;
    private Trainer trainer;
    private ExperimentResult result;
    private Path files;

    StudioSession(String id, ExecutorService workers) {
        this.id = id;
        this.workers = workers;
    }

    synchronized State state() {
        return state;
    }

    long lastSeenNanos() {
        return lastSeen;
    }

    int clientCount() {
        return clients.size();
    }

    void touch() {
        lastSeen = System.nanoTime();
    }

    /**
     * Adds a listening page and tells it where the session is. The caller registers the client's
     * one close callback (Javalin keeps only the last) and calls {@link #removeClient} from it.
     */
    void addClient(SseClient client) {
        touch();
        clients.add(client);
        send(client, "status", status(null));
    }

    /** Forgets a page that stopped listening. */
    void removeClient(SseClient client) {
        clients.remove(client);
        touch();
    }

    /**
     * Starts a new run on a drawing: everything is checked here, before the run is queued.
     *
     * @throws StudioException 409 when a run is going on
     */
    synchronized void start(Backend chosen, StudioSettings s, Drawing d, byte[] png, DataSplits points) {
        requireNotRunning();
        closeModel();
        this.backend = chosen;
        this.settings = s;
        this.drawing = d;
        this.drawingPng = png;
        this.data = points;
        this.initial = Parameters.initial(s.spec(), s.config().seed());
        this.result = null;
        this.model = chosen.newModel(s.spec(), initial);
        this.trainer = chosen.newTrainer(model, s.config(), points.train(), points.validation());
        submit(s.config().epochs());
    }

    /**
     * Trains the finished model a few more epochs, numbered on.
     *
     * @throws StudioException 409 when there is no finished run to continue, or one is going on
     */
    synchronized void continueTraining(int epochs) {
        requireNotRunning();
        if (trainer == null || state != State.DONE) {
            throw new StudioException(409, "there is no finished run to continue; start one first");
        }
        submit(epochs);
    }

    private void requireNotRunning() {
        if (state == State.QUEUED || state == State.TRAINING || state == State.PAUSED) {
            throw new StudioException(409, "a run is already going on in this page; stop it first");
        }
        if (state == State.CLOSED) {
            throw new StudioException(410, "this studio session has ended; reload the page");
        }
    }

    private void submit(int epochs) {
        stopRequested = false;
        pauseRequested = false;
        state = State.QUEUED;
        broadcast("status", status("queued: waiting for a free trainer"));
        run = workers.submit(() -> train(epochs));
    }

    synchronized void pause() {
        if (state == State.TRAINING || state == State.QUEUED) {
            pauseRequested = true;
        }
    }

    synchronized void resume() {
        pauseRequested = false;
        notifyAll();
    }

    synchronized void stop() {
        stopRequested = true;
        pauseRequested = false;
        notifyAll();
    }

    /** Called by the trainer between epochs: waits while paused; returns false to stop. */
    private synchronized boolean mayGoOn() {
        while (pauseRequested && !stopRequested && state != State.CLOSED) {
            if (state != State.PAUSED) {
                state = State.PAUSED;
                broadcast("status", status("paused"));
            }
            try {
                wait(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (state == State.PAUSED) {
            state = State.TRAINING;
            broadcast("status", status(null));
        }
        return !stopRequested && state != State.CLOSED && !Thread.currentThread().isInterrupted();
    }

    private void train(int epochs) {
        synchronized (this) {
            if (state != State.QUEUED) {
                return;
            }
            state = State.TRAINING;
        }
        broadcast("status", status(null));
        long start = System.nanoTime();
        long[] lastMaps = {0};
        try {
            int first = trainer.epochsCompleted() + 1;
            TrainingResult training = trainer.train(epochs, (m, last) -> {
                broadcast("epoch", epoch(m, last, start));
                boolean goOn = mayGoOn();
                long now = System.nanoTime();
                if (now - lastMaps[0] >= MAP_INTERVAL_NANOS || m.epoch() == last || !goOn) {
                    lastMaps[0] = now;
                    broadcast("maps", maps(m.epoch()));
                }
                return goOn;
            });
            LOG.debug("session {} trained epochs {} to {}", id, first, training.history().size());
            ExperimentResult r = Experiments.finish(backend, drawing, data,
                    settings.config().withEpochs(Math.max(1, training.history().size())), initial, model, trainer,
                    training, Duration.ofNanos(System.nanoTime() - start));
            synchronized (this) {
                result = r;
                state = state == State.CLOSED ? State.CLOSED : State.DONE;
            }
            broadcast("done", done(r));
            broadcast("status", status(r.training().stopReason() == StopReason.DIVERGED ? r.training().message()
                    : r.training().stopReason() == StopReason.STOPPED ? "stopped" : "finished"));
        } catch (RuntimeException e) {
            synchronized (this) {
                if (state == State.CLOSED) {
                    return; // the page went away and took the model with it
                }
                state = State.FAILED;
            }
            LOG.warn("session {} failed", id, e);
            broadcast("failure", message(e.getMessage() == null ? e.toString() : e.getMessage()));
            broadcast("status", status("failed"));
        }
    }

    ObjectNode status(String message) {
        ObjectNode n = JSON.createObjectNode();
        synchronized (this) {
            n.put("state", state.name().toLowerCase(Locale.ROOT));
            n.put("epochs", trainer == null ? 0 : trainer.history().size());
        }
        if (message != null) {
            n.put("message", message);
        }
        return n;
    }

    private static ObjectNode message(String text) {
        ObjectNode n = JSON.createObjectNode();
        n.put("message", text);
        return n;
    }

    private static ObjectNode epoch(EpochMetrics m, int last, long start) {
        ObjectNode n = JSON.createObjectNode();
        n.put("epoch", m.epoch());
        n.put("last", last);
        n.put("trainLoss", m.trainLoss());
        n.put("trainAccuracy", m.trainAccuracy());
        n.put("validationLoss", m.validationLoss());
        n.put("validationAccuracy", m.validationAccuracy());
        n.put("seconds", (System.nanoTime() - start) / 1e9);
        return n;
    }

    /** The output and every hidden unit over a grid, and the network with its current weights. */
    private ObjectNode maps(int epoch) {
        ForwardPass pass = model.forward(GRID);
        ObjectNode n = JSON.createObjectNode();
        n.put("epoch", epoch);
        n.put("grid", LIVE_GRID);
        n.put("output", dataUrl(LiveFigures.mapPng(pass.output(), LIVE_GRID, 0, 1)));
        ArrayNode hidden = n.putArray("hidden");
        for (int l = 0; l < pass.hidden().size(); l++) {
            LayerActivations layer = pass.hidden().get(l);
            for (int u = 0; u < layer.units(); u++) {
                float[] v = layer.unit(u);
                double[] range = LiveFigures.range(settings.spec().activation(), v);
                ObjectNode unit = hidden.addObject();
                unit.put("layer", l + 1);
                unit.put("unit", u + 1);
                unit.put("lo", range[0]);
                unit.put("hi", range[1]);
                unit.put("png", dataUrl(LiveFigures.mapPng(v, LIVE_GRID, range[0], range[1])));
            }
        }
        try {
            n.put("network", dataUrl(FigureWriter.toPng(LiveFigures.network(settings.spec(), model.parameters()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private ObjectNode done(ExperimentResult r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("testAccuracy", r.test().accuracy());
        n.put("balancedAccuracy", r.test().balancedAccuracy());
        n.put("testLoss", r.test().loss());
        n.put("epochs", r.history().size());
        n.put("stopReason", r.training().stopReason().name().toLowerCase(Locale.ROOT));
        n.put("message", r.training().message());
        try {
            n.put("boundary", dataUrl(FigureWriter.toPng(NotebookVisualizer.decisionBoundary(r))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrayNode downloads = n.putArray("downloads");
        for (String f : List.of("drawing.png", "report.html", "model.json", "points.csv")) {
            downloads.add(f);
        }
        return n;
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** Returns a download: the drawing, the report, the model or the points of the finished run. */
    synchronized byte[] download(String file) throws IOException {
        if (result == null) {
            throw new StudioException(409, "there is nothing to download yet; train first");
        }
        switch (file) {
            case "drawing.png":
                return drawingPng;
            case "report.html":
                return Files.readAllBytes(HtmlReport.write(result, files()).report());
            case "model.json":
                return SavedModel.of(result).toBytes();
            case "points.csv":
                Path p = files().resolve("points.csv");
                Exports.writePoints(result.data(), p);
                return Files.readAllBytes(p);
            default:
                throw new StudioException(404, "no such download: " + file
                        + "; there are drawing.png, report.html, model.json, points.csv");
        }
    }

    private Path files() throws IOException {
        if (files == null) {
            files = Files.createTempDirectory("drawnet-studio-" + id.substring(0, 8) + "-");
        }
        return files;
    }

    /** Returns the history so far (empty before the first run). */
    synchronized History history() {
        return trainer == null ? History.EMPTY : trainer.history();
    }

    void broadcast(String event, ObjectNode payload) {
        String text = payload.toString();
        for (SseClient c : clients) {
            send(c, event, text);
        }
    }

    private void send(SseClient c, String event, Object payload) {
        synchronized (c) {
            if (!c.terminated()) {
                c.sendEvent(event, payload instanceof String ? payload : payload.toString());
            }
        }
    }

    void heartbeat() {
        for (SseClient c : clients) {
            synchronized (c) {
                if (!c.terminated()) {
                    c.sendComment("alive");
                }
            }
        }
    }

    private void closeModel() {
        if (trainer != null) {
            trainer.close();
            trainer = null;
        }
        if (model != null) {
            model.close();
            model = null;
        }
    }

    /** Ends the session: stops its run, releases the engine's memory, removes its files. */
    @Override
    public void close() {
        Future<?> running;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            stopRequested = true;
            notifyAll();
            running = run;
        }
        if (running != null) {
            try {
                // let the run notice the stop at its next epoch before its model is closed
                running.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("session {} did not stop cleanly", id, e);
                running.cancel(true);
            }
        }
        synchronized (this) {
            closeModel();
        }
        for (SseClient c : clients) {
            c.close();
        }
        if (files != null) {
            try (var walk = Files.walk(files)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("could not remove {}", files, e);
            }
        }
    }

    /** Returns whether the model has been closed (its native memory released); for tests. */
    synchronized boolean released() {
        return model == null && trainer == null;
    }
}
