package io.github.drawnet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.AtomicFiles;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Provenance;
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
        ObjectNode d = JsonForms.data(root.putObject("data"), p);
        ObjectNode share = d.putObject("positiveShare");
        share.put("train", data.train().positiveShare());
        share.put("validation", data.validation().positiveShare());
        share.put("test", data.test().positiveShare());

        ObjectNode net = JsonForms.network(root.putObject("network"), r.spec());
        net.put("output", "sigmoid");
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

        root.set("parameters", JsonForms.parameters(r.finalParameters()));
        return root;
    }

    static void write(ExperimentResult r, Path file) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(toJson(r));
        AtomicFiles.write(file, bytes);
    }
}
