package io.github.drawnet.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Activation;
import io.github.drawnet.api.ConfusionMatrix;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.viz.HiddenProjection;
import io.github.drawnet.viz.Palette;
import io.javalin.http.sse.SseClient;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pages listening to one session over server-sent events, and what they are told: the
 * session's status, each epoch's figures, the live maps and network (drawn through the {@link
 * Visualizer}), and the finished run.
 *
 * <p>Thread-safe: events are sent from the training thread and the server's threads; each client is
 * written by one thread at a time.
 */
final class SessionEvents {

    /** The side of the grid live maps are drawn on: smaller than the report's 256, to stay quick. */
    static final int LIVE_GRID = 96;
    /** The downloads a finished run offers, in the order the page lists them. */
    static final List<String> DOWNLOADS = List.of("drawing.png", "report.html", "model.json", "points.csv");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dataset GRID = Dataset.grid(LIVE_GRID);

    /** The most training (and test) points the page draws over the output map and in the hidden view. */
    static final int SHOWN_POINTS = 600;

    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final Visualizer visualizer;
    private final HiddenProjection projection = new HiddenProjection();
    /** The training points the page shows, and places in the hidden view; null before a run. */
    private Dataset shown;
    /** The run's classes, the background first; empty for a two-class drawing. */
    private List<DrawingClass> drawingClasses = List.of();

    SessionEvents(Visualizer visualizer) {
        this.visualizer = visualizer;
    }

    /** Adds a listening page and tells it {@code status}. */
    void add(SseClient client, ObjectNode status) {
        clients.add(client);
        send(client, "status", status.toString());
    }

    /** Forgets a page that stopped listening. */
    void remove(SseClient client) {
        clients.remove(client);
    }

    /** Returns how many pages listen. */
    int count() {
        return clients.size();
    }

    /** Sends one event to every listening page. */
    void broadcast(String event, ObjectNode payload) {
        String text = payload.toString();
        for (SseClient c : clients) {
            send(c, event, text);
        }
    }

    private static void send(SseClient c, String event, String payload) {
        synchronized (c) {
            if (!c.terminated()) {
                c.sendEvent(event, payload);
            }
        }
    }

    /** Keeps idle connections open through proxies and tells a closed page apart. */
    void heartbeat() {
        for (SseClient c : clients) {
            synchronized (c) {
                if (!c.terminated()) {
                    c.sendComment("alive");
                }
            }
        }
    }

    /** Closes every connection. */
    void closeAll() {
        for (SseClient c : clients) {
            c.close();
        }
    }

    static ObjectNode status(String state, int epochs, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("state", state);
        n.put("epochs", epochs);
        if (message != null) {
            n.put("message", message);
        }
        return n;
    }

    static ObjectNode message(String text) {
        ObjectNode n = JSON.createObjectNode();
        n.put("message", text);
        return n;
    }

    static ObjectNode epoch(EpochMetrics m, int last, double seconds) {
        ObjectNode n = JSON.createObjectNode();
        n.put("epoch", m.epoch());
        n.put("last", last);
        n.put("trainLoss", m.trainLoss());
        n.put("trainAccuracy", m.trainAccuracy());
        n.put("validationLoss", m.validationLoss());
        n.put("validationAccuracy", m.validationAccuracy());
        n.put("seconds", seconds);
        return n;
    }

    /**
     * Tells the pages a new run begins on {@code data}, sampled from {@code drawing}: the points drawn
     * over the output map (labelled by class index), and the drawing's classes.
     */
    void newRun(DataSplits data, Drawing drawing) {
        Dataset train = first(data.train(), SHOWN_POINTS);
        synchronized (this) {
            shown = train;
            drawingClasses = drawing.classes();
            projection.reset();
        }
        ObjectNode n = JSON.createObjectNode();
        points(n.putObject("train"), train);
        points(n.putObject("test"), first(data.test(), SHOWN_POINTS));
        classes(n, drawing);
        broadcast("points", n);
    }

    /**
     * Puts how many classes {@code drawing} holds ({@code classCount}) and, for a drawing in colours,
     * each class's name, colour, the colour figures show it in ({@code shown}: the report's, its own
     * but a grey for the background) and share of the pixels ({@code classes}, the background first;
     * empty for a two-class drawing, which the page shows in its two class colours as before).
     */
    static ObjectNode classes(ObjectNode into, Drawing drawing) {
        into.put("classCount", drawing.classCount());
        ArrayNode list = into.putArray("classes");
        if (drawing.classCount() > 2) {
            long[] pixels = drawing.classPixels();
            double total = (double) drawing.width() * drawing.height();
            List<DrawingClass> cs = drawing.classes();
            for (int k = 0; k < cs.size(); k++) {
                ObjectNode c = list.addObject();
                c.put("name", cs.get(k).name());
                c.put("colour", cs.get(k).hex());
                java.awt.Color shownAs = Palette.classColour(k, cs.get(k).rgb());
                c.put("shown", String.format(Locale.ROOT, "#%06x", shownAs.getRGB() & 0xFFFFFF));
                c.put("share", pixels[k] / total);
            }
        }
        return into;
    }

    private static Dataset first(Dataset d, int most) {
        if (d.size() <= most) {
            return d;
        }
        int[] idx = new int[most];
        for (int i = 0; i < most; i++) {
            idx[i] = i;   // sampled uniformly at random already: the first ones are a fair sample
        }
        return d.select(idx);
    }

    /** Puts the points' coordinates (rounded to 0.001) and their classes ({@code label}: 0, 1, ... as the page colours them). */
    static void points(ObjectNode into, Dataset d) {
        ArrayNode x1 = into.putArray("x1");
        ArrayNode x2 = into.putArray("x2");
        ArrayNode y = into.putArray("label");
        for (int i = 0; i < d.size(); i++) {
            x1.add(round(d.x1(i)));
            x2.add(round(d.x2(i)));
            y.add(d.classOf(i));
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Returns every epoch of {@code h}, for a page that loads a saved model. */
    static ObjectNode history(History h) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode epochs = n.putArray("epochs");
        int last = h.size();
        for (EpochMetrics m : h.epochs()) {
            epochs.add(epoch(m, last, 0));
        }
        return n;
    }

    /**
     * The output and every hidden unit over the live grid, the network with its current weights, and
     * where the shown training points lie in the last hidden layer's view.
     */
    synchronized ObjectNode maps(Model model, int epoch) {
        ForwardPass pass = model.forward(GRID);
        ObjectNode n = JSON.createObjectNode();
        n.put("epoch", epoch);
        n.put("grid", LIVE_GRID);
        n.put("classes", pass.classes());
        if (pass.width() == 1) {
            n.put("output", dataUrl(visualizer.mapPng(pass.output(), LIVE_GRID, Activation.SIGMOID).png()));
        }
        // the probabilities themselves (one byte each, row 0 at the bottom; with K > 2 classes K bytes a point,
        // class after class) for the page to colour, discretize and read points against
        byte[] p = new byte[pass.output().length];
        for (int i = 0; i < p.length; i++) {
            float v = pass.output()[i];
            p[i] = (byte) Math.round(Float.isFinite(v) ? Math.max(0f, Math.min(1f, v)) * 255 : 127);
        }
        n.put("outputValues", Base64.getEncoder().encodeToString(p));
        ArrayNode hidden = n.putArray("hidden");
        Activation activation = model.spec().activation();
        for (int l = 0; l < pass.hidden().size(); l++) {
            LayerActivations layer = pass.hidden().get(l);
            for (int u = 0; u < layer.units(); u++) {
                Visualizer.MapImage map = visualizer.mapPng(layer.unit(u), LIVE_GRID, activation);
                ObjectNode unit = hidden.addObject();
                unit.put("layer", l + 1);
                unit.put("unit", u + 1);
                unit.put("lo", map.lo());
                unit.put("hi", map.hi());
                unit.put("png", dataUrl(map.png()));
            }
        }
        n.put("network", dataUrl(visualizer.networkPng(model.spec(), model.parameters(), drawingClasses)));
        weights(n.putArray("layers"), model.parameters());
        if (shown != null && !pass.hidden().isEmpty()) {
            hiddenView(n.putObject("hiddenView"), model.forward(shown), model.spec().hidden().size());
        }
        return n;
    }

    /**
     * Returns each input feature's value over the live grid, as a map drawn as the hidden units' are
     * (over the feature's own range), for the input nodes of the page's network drawing, by feature id.
     */
    static java.util.Map<String, String> inputMaps(Visualizer visualizer) {
        java.util.Map<String, String> maps = new java.util.LinkedHashMap<>();
        for (io.github.drawnet.api.Feature f : io.github.drawnet.api.Feature.values()) {
            float[] values = new float[GRID.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) f.apply(GRID.x1(i), GRID.x2(i));
            }
            maps.put(f.id(), dataUrl(visualizer.mapPng(values, LIVE_GRID, Activation.LINEAR).png()));
        }
        return maps;
    }

    private static void weights(ArrayNode into, Parameters p) {
        for (LayerParameters layer : p.layers()) {
            ObjectNode l = into.addObject();
            ArrayNode w = l.putArray("w");
            for (float[] row : layer.weightMatrix()) {
                ArrayNode r = w.addArray();
                for (float v : row) {
                    r.add(Math.round(v * 1e4) / 1e4);
                }
            }
            ArrayNode b = l.putArray("b");
            for (float v : layer.biases()) {
                b.add(Math.round(v * 1e4) / 1e4);
            }
        }
    }

    private void hiddenView(ObjectNode into, ForwardPass pass, int layers) {
        LayerActivations last = pass.hidden().get(layers - 1);
        double[][] xy = HiddenProjection.unitScaled(projection.project(last.values(), last.units()));
        into.put("layer", layers);
        into.put("units", last.units());
        into.put("method", last.units() > 2 ? "pca" : "units");
        for (int c = 0; c < 2; c++) {
            ArrayNode a = into.putArray(c == 0 ? "x" : "y");
            for (double v : xy[c]) {
                a.add(Math.round(v * 1000) / 1000.0);
            }
        }
    }

    /** A run loaded from a saved model: its test figures, measured now; no downloads until it trains on. */
    static ObjectNode loaded(Evaluation test, int epochs) {
        ObjectNode n = JSON.createObjectNode();
        figures(n, test);
        n.put("epochs", epochs);
        n.put("stopReason", "loaded");
        n.put("message", "loaded from file with " + epochs + " epochs; Continue trains on");
        n.putArray("downloads");
        return n;
    }

    /** The finished run: test figures, the decision boundary, the downloads. */
    ObjectNode done(ExperimentResult r) {
        ObjectNode n = JSON.createObjectNode();
        figures(n, r.test());
        n.put("epochs", r.history().size());
        n.put("stopReason", r.training().stopReason().name().toLowerCase(Locale.ROOT));
        n.put("message", r.training().message());
        n.put("boundary", dataUrl(visualizer.decisionBoundaryPng(r)));
        ArrayNode downloads = n.putArray("downloads");
        DOWNLOADS.forEach(downloads::add);
        return n;
    }

    /**
     * Puts the test figures: accuracy, balanced accuracy, loss and the number of classes; with more
     * than two classes also each class's accuracy and the confusion matrix (rows actual, columns
     * predicted).
     */
    static ObjectNode figures(ObjectNode n, Evaluation test) {
        n.put("testAccuracy", test.accuracy());
        n.put("balancedAccuracy", test.balancedAccuracy());
        n.put("testLoss", test.loss());
        n.put("classes", test.classes());
        if (test.classes() > 2) {
            ArrayNode accuracies = n.putArray("classAccuracies");
            for (double a : test.classAccuracies()) {
                if (Double.isNaN(a)) {
                    accuracies.addNull();
                } else {
                    accuracies.add(a);
                }
            }
            ConfusionMatrix m = test.confusion();
            ArrayNode rows = n.putArray("confusion");
            for (int actual = 0; actual < m.classes(); actual++) {
                ArrayNode row = rows.addArray();
                for (int predicted = 0; predicted < m.classes(); predicted++) {
                    row.add(m.count(actual, predicted));
                }
            }
        }
        return n;
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
