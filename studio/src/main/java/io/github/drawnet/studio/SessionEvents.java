package io.github.drawnet.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.Visualizer;
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

    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final Visualizer visualizer;

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

    /** The output and every hidden unit over the live grid, and the network with its current weights. */
    ObjectNode maps(Model model, int epoch) {
        ForwardPass pass = model.forward(GRID);
        ObjectNode n = JSON.createObjectNode();
        n.put("epoch", epoch);
        n.put("grid", LIVE_GRID);
        n.put("output", dataUrl(visualizer.mapPng(pass.output(), LIVE_GRID, Activation.SIGMOID).png()));
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
        n.put("network", dataUrl(visualizer.networkPng(model.spec(), model.parameters())));
        return n;
    }

    /** The finished run: test figures, the decision boundary, the downloads. */
    ObjectNode done(ExperimentResult r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("testAccuracy", r.test().accuracy());
        n.put("balancedAccuracy", r.test().balancedAccuracy());
        n.put("testLoss", r.test().loss());
        n.put("epochs", r.history().size());
        n.put("stopReason", r.training().stopReason().name().toLowerCase(Locale.ROOT));
        n.put("message", r.training().message());
        n.put("boundary", dataUrl(visualizer.decisionBoundaryPng(r)));
        ArrayNode downloads = n.putArray("downloads");
        DOWNLOADS.forEach(downloads::add);
        return n;
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
