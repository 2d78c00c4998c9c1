package io.github.drawnet.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.TrainingConfig;
import java.io.IOException;
import java.util.List;

/**
 * The JSON form of the values every file Drawnet writes shares ({@code metrics.json}, saved models,
 * {@code parameters.json}), written in one place so the files agree field for field: the drawing
 * ({@code drawing.name}, {@code drawing.sha256}, size), the data's provenance, the network, the
 * training settings, the history and the parameters. {@link JsonReader} reads them back.
 */
final class JsonForms {

    /** The one mapper of the module: indented output, so files diff well. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonForms() {}

    /**
     * Writes the machine a file was made on, for reading its numbers later: engines' floats differ in the last
     * bits between CPUs (README, "Identical, or within a bound"). The operating system and architecture, the
     * CPU's model name (Linux's {@code /proc/cpuinfo}; absent elsewhere), the cores, the Java runtime, and the
     * kernel choices an environment variable forced ({@code ATEN_CPU_CAPABILITY}, {@code OPENBLAS_CORETYPE})
     * when set. Informational: no reader needs it, so files without it read as before.
     */
    static ObjectNode machine(ObjectNode node) {
        node.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        node.put("arch", System.getProperty("os.arch"));
        if (Cpu.MODEL != null) {
            node.put("cpu", Cpu.MODEL);
        }
        node.put("cores", Runtime.getRuntime().availableProcessors());
        node.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        for (String forced : List.of("ATEN_CPU_CAPABILITY", "OPENBLAS_CORETYPE")) {
            String value = System.getenv(forced);
            if (value != null && !value.isBlank()) {
                node.put(forced, value);
            }
        }
        return node;
    }

    /** The CPU's model name, read once per process (on the first file written), not for every file. */
    private static final class Cpu {
        static final String MODEL = cpuModel();
    }

    /** Returns the CPU's model name from {@code /proc/cpuinfo}, or null where there is none. */
    static String cpuModel() {
        java.nio.file.Path info = java.nio.file.Path.of("/proc/cpuinfo");
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(info)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes which drawing the points came from into {@code node}: name, SHA-256 and size. */
    static ObjectNode drawing(ObjectNode node, Provenance p) {
        node.put("name", p.drawing());
        node.put("sha256", p.drawingSha256());
        node.put("width", p.width());
        node.put("height", p.height());
        return node;
    }

    /** Writes the network's shape into {@code node}: inputs, hidden sizes, activation. */
    static ObjectNode network(ObjectNode node, NetworkSpec spec) {
        ArrayNode inputs = node.putArray("inputs");
        for (Feature f : spec.inputs()) {
            inputs.add(f.id());
        }
        ArrayNode hidden = node.putArray("hidden");
        spec.hidden().forEach(hidden::add);
        node.put("activation", spec.activation().id());
        node.put("classes", spec.classes());
        return node;
    }

    /**
     * Returns a drawing's classes, class 0 (the background) first, each with its index, name and
     * colour ({@code #rrggbb}); for a drawing read the notebook's way, "background" and "drawn".
     */
    static ArrayNode classes(Drawing d) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        List<DrawingClass> classes = d.classes().isEmpty()
                ? List.of(DrawingClass.background(), new DrawingClass("drawn", 0x000000)) : d.classes();
        long[] pixels = d.classPixels();
        long total = (long) d.width() * d.height();
        for (int k = 0; k < classes.size(); k++) {
            ObjectNode c = out.addObject();
            c.put("index", k);
            c.put("name", classes.get(k).name());
            c.put("colour", classes.get(k).hex());
            c.put("share", pixels[k] / (double) total);
        }
        return out;
    }

    /**
     * Writes every training setting into {@code node}; the L1 penalty only when it is on, so that a run
     * without it writes what it wrote before L1 existed (and a file without it reads as 0).
     */
    static ObjectNode training(ObjectNode node, TrainingConfig c) {
        node.put("optimizer", c.optimizer().id());
        node.put("learningRate", c.learningRate());
        node.put("batchSize", c.batchSize());
        node.put("epochs", c.epochs());
        node.put("weightDecay", c.weightDecay());
        if (c.l1() > 0) {
            node.put("l1", c.l1());
        }
        node.put("seed", c.seed());
        node.put("shuffle", c.shuffle());
        return node;
    }

    /** Writes how the points were sampled into {@code node}: seed, sizes, labelling, noise. */
    static ObjectNode data(ObjectNode node, Provenance p) {
        node.put("seed", p.seed());
        node.put("train", p.sizes().train());
        node.put("validation", p.sizes().validation());
        node.put("test", p.sizes().test());
        node.put("labels", p.labelMode().id());
        node.put("noise", p.noise());
        return node;
    }

    /** Returns every epoch's figures. */
    static ArrayNode history(History h) {
        ArrayNode history = JsonNodeFactory.instance.arrayNode();
        for (EpochMetrics m : h.epochs()) {
            ObjectNode e = history.addObject();
            e.put("epoch", m.epoch());
            e.put("trainLoss", m.trainLoss());
            e.put("trainAccuracy", m.trainAccuracy());
            e.put("validationLoss", m.validationLoss());
            e.put("validationAccuracy", m.validationAccuracy());
        }
        return history;
    }

    /** Returns every layer's weight matrix and biases, each float written so it reads back bit for bit. */
    static ArrayNode parameters(Parameters p) {
        return parameters(p, false);
    }

    /**
     * Returns every layer's weight matrix and biases; with {@code nonFiniteAsText}, a NaN or infinite
     * value (a diverged run's) is written as the text {@code "NaN"}, {@code "Infinity"} or {@code
     * "-Infinity"}, as the history writes its losses, instead of being refused.
     */
    static ArrayNode parameters(Parameters p, boolean nonFiniteAsText) {
        ArrayNode layers = JsonNodeFactory.instance.arrayNode();
        for (LayerParameters l : p.layers()) {
            ObjectNode layer = layers.addObject();
            ArrayNode weight = layer.putArray("weight");
            for (float[] row : l.weightMatrix()) {
                ArrayNode r = weight.addArray();
                for (float v : row) {
                    add(r, v, nonFiniteAsText);
                }
            }
            ArrayNode bias = layer.putArray("bias");
            for (float v : l.biases()) {
                add(bias, v, nonFiniteAsText);
            }
        }
        return layers;
    }

    private static void add(ArrayNode array, float v, boolean nonFiniteAsText) {
        if (nonFiniteAsText && !Float.isFinite(v)) {
            array.add(Float.toString(v));
        } else {
            addExact(array, v);
        }
    }

    /**
     * Adds a float so that reading it back (as a double, then rounded to float) gives the same
     * bits: its shortest decimal when that survives the double step, else the exact double value.
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold
     */
    static void addExact(ArrayNode array, float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException("cannot write a non-finite parameter (" + v + ") as JSON");
        }
        double viaShortest = Double.parseDouble(Float.toString(v));
        if (Float.floatToRawIntBits((float) viaShortest) == Float.floatToRawIntBits(v)) {
            array.add(v);
        } else {
            array.add((double) v);
        }
    }
}
