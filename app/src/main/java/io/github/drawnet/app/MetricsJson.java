package io.github.drawnet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.AtomicFiles;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code metrics.json}: the configuration with its seed, the data's provenance, the
 * per-epoch history, the test figures and the learned parameters, enough to reproduce and to
 * compare a run.
 */
final class MetricsJson {

    /** The version of this file's layout; bumped when a field changes meaning. */
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {}

    static ObjectNode toJson(ExperimentResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "drawnet-metrics");
        root.put("formatVersion", FORMAT_VERSION);
        root.put("drawnetVersion", Version.get());
        ObjectNode backend = root.putObject("backend");
        backend.put("id", r.backendId());
        backend.put("name", r.backendName());

        DataSplits data = r.data();
        Provenance p = data.provenance();
        ObjectNode drawing = root.putObject("drawing");
        drawing.put("name", p.drawing());
        drawing.put("sha256", p.drawingSha256());
        drawing.put("width", p.width());
        drawing.put("height", p.height());
        drawing.put("positiveShare", r.drawing().positiveShare());
        ObjectNode d = root.putObject("data");
        d.put("seed", p.seed());
        d.put("train", p.sizes().train());
        d.put("validation", p.sizes().validation());
        d.put("test", p.sizes().test());
        d.put("labels", p.labelMode().id());
        d.put("noise", p.noise());
        ObjectNode share = d.putObject("positiveShare");
        share.put("train", data.train().positiveShare());
        share.put("validation", data.validation().positiveShare());
        share.put("test", data.test().positiveShare());

        ObjectNode net = root.putObject("network");
        ArrayNode inputs = net.putArray("inputs");
        for (Feature f : r.spec().inputs()) {
            inputs.add(f.id());
        }
        ArrayNode hidden = net.putArray("hidden");
        r.spec().hidden().forEach(hidden::add);
        net.put("activation", r.spec().activation().id());
        net.put("output", "sigmoid");
        net.put("parameterCount", r.spec().parameterCount());

        TrainingConfig c = r.config();
        ObjectNode t = root.putObject("training");
        t.put("optimizer", c.optimizer().id());
        t.put("learningRate", c.learningRate());
        t.put("batchSize", c.batchSize());
        t.put("epochs", c.epochs());
        t.put("weightDecay", c.weightDecay());
        t.put("seed", c.seed());
        t.put("shuffle", c.shuffle());
        t.put("epochsRun", r.history().size());
        t.put("stopReason", r.training().stopReason().name());
        t.put("message", r.training().message());
        t.put("seconds", r.trainingTime().toNanos() / 1e9);

        ArrayNode history = root.putArray("history");
        for (EpochMetrics m : r.history().epochs()) {
            ObjectNode e = history.addObject();
            e.put("epoch", m.epoch());
            e.put("trainLoss", m.trainLoss());
            e.put("trainAccuracy", m.trainAccuracy());
            e.put("validationLoss", m.validationLoss());
            e.put("validationAccuracy", m.validationAccuracy());
        }

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

        root.set("parameters", parameters(r.finalParameters()));
        return root;
    }

    static ArrayNode parameters(Parameters p) {
        ArrayNode layers = MAPPER.createArrayNode();
        for (LayerParameters l : p.layers()) {
            ObjectNode layer = layers.addObject();
            ArrayNode weight = layer.putArray("weight");
            for (float[] row : l.weightMatrix()) {
                ArrayNode r = weight.addArray();
                for (float v : row) {
                    r.add(v);
                }
            }
            ArrayNode bias = layer.putArray("bias");
            for (float v : l.biases()) {
                bias.add(v);
            }
        }
        return layers;
    }

    static void write(ExperimentResult r, Path file) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(toJson(r));
        AtomicFiles.write(file, bytes);
    }
}
