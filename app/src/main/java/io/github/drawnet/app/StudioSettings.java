package io.github.drawnet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.drawnet.api.Activation;
import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The experiment a studio page asks for, read from its JSON and checked value by value, with the
 * library's messages. Missing fields take the notebook's defaults.
 *
 * @param backend the backend id
 * @param spec the network
 * @param config the training settings
 * @param sizes the split sizes
 * @param noise the share of flipped training labels
 */
record StudioSettings(String backend, NetworkSpec spec, TrainingConfig config, SampleSizes sizes, double noise) {

    /** The studio's own bound on split sizes: a page's run must stay interactive. */
    static final int MAX_POINTS = 100_000;
    /** The studio's own bound on epochs. */
    static final int MAX_EPOCHS = 5_000;

    /**
     * Reads and checks the settings.
     *
     * @throws StudioException (400) naming the first bad value
     */
    static StudioSettings from(JsonNode json, String defaultBackend) {
        JsonNode s = json == null || json.isNull() || json.isMissingNode() ? JsonNodeFactory.instance.objectNode() : json;
        if (!s.isObject()) {
            throw bad("settings must be a JSON object");
        }
        try {
            String backend = text(s, "backend", defaultBackend);
            List<Integer> hidden = hidden(text(s, "hidden", "4"));
            Activation activation = Activation.fromId(text(s, "activation", "sigmoid"));
            List<Feature> features = new ArrayList<>();
            JsonNode f = s.get("features");
            if (f == null || f.isNull()) {
                features.addAll(Feature.NOTEBOOK);
            } else if (f.isArray()) {
                for (JsonNode x : f) {
                    features.add(Feature.fromId(x.asText()));
                }
            } else {
                for (String x : f.asText().split(",")) {
                    features.add(Feature.fromId(x));
                }
            }
            NetworkSpec spec = new NetworkSpec(features, hidden, activation);
            SampleSizes sizes = new SampleSizes(
                    Checks.inRange("training set size", integer(s, "trainSize", 5000), 1, MAX_POINTS),
                    Checks.inRange("validation set size", integer(s, "validationSize", 1000), 1, MAX_POINTS),
                    Checks.inRange("test set size", integer(s, "testSize", 10000), 1, MAX_POINTS));
            int batch = Checks.inRange("batch size", integer(s, "batchSize", 24), 1, sizes.train());
            int epochs = Checks.inRange("epochs", integer(s, "epochs", 100), 1, MAX_EPOCHS);
            double noise = Checks.inHalfOpenRange("noise", number(s, "noise", 0), 0, 1);
            TrainingConfig config = new TrainingConfig(Optimizer.fromId(text(s, "optimizer", "adam")),
                    number(s, "learningRate", 0.01), batch, epochs, number(s, "weightDecay", 0),
                    integer(s, "seed", 0), true);
            return new StudioSettings(backend, spec, config, sizes, noise);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static StudioException bad(String message) {
        return new StudioException(400, message);
    }

    private static String text(JsonNode s, String key, String fallback) {
        JsonNode n = s.get(key);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static int integer(JsonNode s, String key, int fallback) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            return fallback;
        }
        String t = n.asText().strip();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw bad(String.format(Locale.ROOT, "%s must be a whole number, got '%s'", key, t));
        }
    }

    private static double number(JsonNode s, String key, double fallback) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            return fallback;
        }
        String t = n.asText().strip();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw bad(String.format(Locale.ROOT, "%s must be a number, got '%s'", key, t));
        }
    }

    private static List<Integer> hidden(String text) {
        String t = text.strip();
        List<Integer> sizes = new ArrayList<>();
        if (t.isEmpty() || t.equalsIgnoreCase("none") || t.equals("0")) {
            return sizes;
        }
        for (String part : t.split("[,\\s]+")) {
            try {
                sizes.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw bad("hidden layers must be sizes like 4 or 8,4, got '" + text + "'");
            }
        }
        return sizes;
    }
}
