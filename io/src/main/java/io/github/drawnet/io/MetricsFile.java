package io.github.drawnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.History;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code metrics.json}: the configuration with its seed, the data's provenance, the per-epoch
 * history, the test figures and the learned parameters, enough to reproduce and to compare a run,
 * and to grade it from a course tool ({@link #read}).
 *
 * @param backendId the backend's id
 * @param backendName the backend's name and engine version
 * @param provenance where the points came from
 * @param spec the network
 * @param config the training settings
 * @param history every epoch's figures
 * @param testAccuracy the share of test points counted correct
 * @param balancedAccuracy the mean of the per-class accuracies on the test set
 * @param parameters the learned parameters
 */
public record MetricsFile(String backendId, String backendName, Provenance provenance, NetworkSpec spec,
        TrainingConfig config, History history, double testAccuracy, double balancedAccuracy, Parameters parameters) {

    /** The format's name. */
    public static final String FORMAT = "drawnet-metrics";
    /** The file's usual name in a run's folder. */
    public static final String FILE_NAME = "metrics.json";
    /** The version of this file's layout; bumped when a field changes meaning. */
    public static final int VERSION = 1;

    /** Validates that nothing is missing. */
    public MetricsFile {
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** Returns the JSON tree of {@code metrics.json} for a finished experiment. */
    static ObjectNode toJson(ExperimentResult r) {
        ObjectNode root = JsonForms.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("drawnetVersion", DrawnetVersion.get());
        ObjectNode backend = root.putObject("backend");
        backend.put("id", r.backendId());
        backend.put("name", r.backendName());
        JsonForms.machine(root.putObject("machine"));

        DataSplits data = r.data();
        Provenance p = data.provenance();
        ObjectNode drawing = JsonForms.drawing(root.putObject("drawing"), p);
        drawing.put("positiveShare", r.drawing().positiveShare());
        drawing.set("classes", JsonForms.classes(r.drawing()));
        ObjectNode d = JsonForms.data(root.putObject("data"), p);
        ObjectNode share = d.putObject("positiveShare");
        share.put("train", data.train().positiveShare());
        share.put("validation", data.validation().positiveShare());
        share.put("test", data.test().positiveShare());
        ObjectNode counts = d.putObject("classCounts");
        counts.set("train", longs(data.train().classCounts()));
        counts.set("validation", longs(data.validation().classCounts()));
        counts.set("test", longs(data.test().classCounts()));

        ObjectNode net = JsonForms.network(root.putObject("network"), r.spec());
        net.put("output", r.spec().isBinary() ? "sigmoid" : "softmax");
        net.put("parameterCount", r.spec().parameterCount());

        ObjectNode t = JsonForms.training(root.putObject("training"), r.config());
        t.put("epochsRun", r.history().size());
        t.put("stopReason", r.training().stopReason().name());
        t.put("message", r.training().message());
        t.put("seconds", r.trainingTime().toNanos() / 1e9);

        root.set("history", JsonForms.history(r.history()));

        Evaluation test = r.test();
        ObjectNode te = root.putObject("test");
        te.put("count", test.count());
        te.put("loss", test.loss());
        te.put("accuracy", test.accuracy());
        te.put("balancedAccuracy", test.balancedAccuracy());
        te.put("truePositives", test.truePositives());
        te.put("trueNegatives", test.trueNegatives());
        te.put("falsePositives", test.falsePositives());
        te.put("falseNegatives", test.falseNegatives());
        // every class's accuracy (its recall; null for a class with no test point) and the confusion
        // matrix, rows the actual class, columns the predicted one
        ArrayNode perClass = te.putArray("classAccuracy");
        for (double a : test.classAccuracies()) {
            if (Double.isNaN(a)) {
                perClass.addNull();
            } else {
                perClass.add(a);
            }
        }
        ArrayNode confusion = te.putArray("confusion");
        for (int a = 0; a < test.classes(); a++) {
            ArrayNode row = confusion.addArray();
            for (int q = 0; q < test.classes(); q++) {
                row.add(test.confusion().count(a, q));
            }
        }

        root.set("parameters", JsonForms.parameters(r.finalParameters(), true));
        return root;
    }

    /**
     * Writes {@code metrics.json} for a finished experiment to {@code file}, atomically.
     *
     * @throws IllegalArgumentException when a learned parameter is not finite (training diverged)
     * @throws IOException when the file cannot be written
     */
    private static ArrayNode longs(long[] values) {
        ArrayNode out = JsonForms.MAPPER.createArrayNode();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    public static void write(ExperimentResult r, Path file) throws IOException {
        AtomicFiles.write(file, JsonForms.MAPPER.writeValueAsBytes(toJson(r)));
    }

    /**
     * Reads a {@code metrics.json} back: what was trained, on what, and how well.
     *
     * @throws InvalidFileException with a one-line message naming the file and the problem
     */
    public static MetricsFile read(Path file) {
        JsonNode root = JsonReader.readTree(file, "metrics file", InvalidFileException::new);
        JsonReader r = new JsonReader("metrics file", file.toString(), InvalidFileException::new);
        r.format(root, FORMAT, "metrics file", VERSION);
        try {
            JsonNode backend = r.object(root, "backend");
            JsonNode test = r.object(root, "test");
            return new MetricsFile(r.text(backend, "id"), r.text(backend, "name"),
                    r.provenance(r.object(root, "drawing"), "name", "sha256", r.object(root, "data")),
                    r.network(r.object(root, "network")), r.training(r.object(root, "training")),
                    r.history(r.array(root, "history")), r.numberOrNaN(test, "accuracy"),
                    r.numberOrNaN(test, "balancedAccuracy"), r.parameters(r.array(root, "parameters"), "parameters", true));
        } catch (InvalidFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw r.fail("holds an invalid value: " + e.getMessage());
        }
    }
}
