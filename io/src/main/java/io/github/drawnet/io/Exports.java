package io.github.drawnet.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.History;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Files other tools can use: the sampled points ({@code points.csv}: {@code x1,x2,label,split}; with
 * more than two classes {@code label} is the class index, the classes and their colours listed in
 * {@code parameters.json}),
 * the learned parameters ({@code parameters.json}) and the history ({@code history.csv}).
 */
public final class Exports {

    /** The names of the files {@link #write} writes. */
    public static final List<String> FILE_NAMES = List.of("points.csv", "parameters.json", "history.csv");

    private Exports() {}

    /** Writes the three exports into {@code dir} and returns their paths. */
    public static List<Path> write(ExperimentResult r, Path dir) throws IOException {
        Path points = dir.resolve("points.csv");
        writePoints(r.data(), points);
        Path parameters = dir.resolve("parameters.json");
        ObjectNode root = JsonForms.MAPPER.createObjectNode();
        root.put("format", "drawnet-parameters");
        root.put("layout", "per layer: weight[out][in] (PyTorch Linear), bias[out]; first hidden layer first");
        root.set("layers", JsonForms.parameters(r.finalParameters(), true));
        root.put("output", r.spec().isBinary() ? "sigmoid: the probability of class 1 (drawn)"
                : "softmax: one output per class, in the order of classes");
        root.set("classes", JsonForms.classes(r.drawing()));
        AtomicFiles.write(parameters, JsonForms.MAPPER.writeValueAsBytes(root));
        Path history = dir.resolve("history.csv");
        writeHistory(r.history(), history);
        return List.of(points, parameters, history);
    }

    /** Writes every sampled point as {@code x1,x2,label,split}, one line each, atomically. */
    public static void writePoints(DataSplits d, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("x1,x2,label,split\n");
            rows(w, d.train(), "train");
            rows(w, d.validation(), "validation");
            rows(w, d.test(), "test");
            w.flush();
        });
    }

    private static void rows(Writer w, Dataset data, String split) throws IOException {
        for (int i = 0; i < data.size(); i++) {
            // two classes: the label as sampled (soft labels are fractions); more: the class index
            String label = data.classCount() > 2 ? Integer.toString(data.classOf(i)) : Double.toString(data.label(i));
            w.write(data.x1(i) + "," + data.x2(i) + "," + label + "," + split + "\n");
        }
    }

    /** Writes the per-epoch figures as CSV, one line per epoch, atomically. */
    public static void writeHistory(History h, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy\n");
            for (EpochMetrics m : h.epochs()) {
                w.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%s%n", m.epoch(), m.trainLoss(), m.trainAccuracy(),
                        m.validationLoss(), m.validationAccuracy()));
            }
            w.flush();
        });
    }
}
