package io.github.drawnet.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Activation;
import io.github.drawnet.api.AtomicFiles;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A saved model: one JSON file, engine-neutral, that holds everything needed to continue training
 * on any backend: the network's shape, every weight and bias (bit-exact), the optimizer's state, the
 * training settings and history, and the data's provenance with the drawing itself (as an embedded
 * greyscale PNG of its coverage) so the very same points can be sampled again.
 *
 * <p>Why JSON: it is readable and diffable by people and course tools, every language reads it,
 * and the networks are small (a few hundred numbers). Floats are written so that reading them
 * back gives the same bits.
 */
final class ModelFile {

    /** The format's name, in every file. */
    static final String FORMAT = "drawnet-model";
    /** The layout version this code writes and reads. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a model file holds. */
    record Saved(String backendId, NetworkSpec spec, TrainingConfig config, Parameters parameters,
            OptimizerState optimizer, History history, Provenance provenance, Drawing drawing) {}

    private ModelFile() {}

    /** Writes {@code saved} to {@code file} atomically. */
    static void write(Saved saved, Path file) throws IOException {
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(toJson(saved)));
    }

    static ObjectNode toJson(Saved s) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("drawnetVersion", Version.get());
        root.put("savedFrom", s.backendId());
        JsonForms.network(root.putObject("network"), s.spec());
        JsonForms.training(root.putObject("training"), s.config());
        Provenance p = s.provenance();
        ObjectNode d = root.putObject("data");
        d.put("drawing", p.drawing());
        d.put("drawingSha256", p.drawingSha256());
        d.put("width", p.width());
        d.put("height", p.height());
        JsonForms.data(d, p);
        d.put("coveragePng", Base64.getEncoder().encodeToString(coveragePng(s.drawing())));
        root.set("parameters", JsonForms.parameters(s.parameters()));
        ObjectNode o = root.putObject("optimizer");
        o.put("name", s.optimizer().optimizer().id());
        o.put("step", s.optimizer().step());
        ArrayNode slots = o.putArray("slots");
        s.optimizer().slots().forEach(slot -> slots.add(JsonForms.parameters(slot)));
        root.set("history", JsonForms.history(s.history()));
        return root;
    }

    private static byte[] coveragePng(Drawing d) throws IOException {
        BufferedImage image = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < d.height(); row++) {
            for (int col = 0; col < d.width(); col++) {
                image.getRaster().setSample(col, row, 0, Math.round(d.coverage(col, row) * 255f));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * Reads a model file, checking everything: format and version, every field's type and range,
     * that the parameters and optimizer state fit the network, and that the embedded drawing is the
     * one its hash names.
     *
     * @throws InvalidModelFileException with a one-line message naming the file and the problem
     */
    static Saved read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidModelFileException("model file " + file + " is a directory");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidModelFileException("model file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidModelFileException("cannot read model file " + file + ": " + OutputFolder.describe(e));
        }
        return parse(bytes, file.toString());
    }

    /** Parses the bytes of a model file named {@code name} in messages. */
    static Saved parse(byte[] bytes, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidModelFileException("model file " + name + " is not valid JSON (truncated or corrupt?): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidModelFileException("cannot read model file " + name + ": " + e.getMessage());
        }
        Reader r = new Reader(name);
        if (root == null || !root.isObject()) {
            throw r.fail("is not a Drawnet model (expected a JSON object)");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw r.fail("is not a Drawnet model (\"format\" is not \"" + FORMAT + "\")");
        }
        int version = r.integer(root, "formatVersion");
        if (version != VERSION) {
            throw r.fail("has format version " + version + "; this Drawnet reads version " + VERSION);
        }
        try {
            JsonNode net = r.object(root, "network");
            List<Feature> inputs = new ArrayList<>();
            for (JsonNode f : r.array(net, "inputs")) {
                inputs.add(Feature.fromId(f.asText()));
            }
            List<Integer> hidden = new ArrayList<>();
            for (JsonNode h : r.array(net, "hidden")) {
                if (!h.canConvertToInt() || !h.isIntegralNumber()) {
                    throw r.fail("has a hidden layer size that is not an integer: " + h);
                }
                hidden.add(h.intValue());
            }
            NetworkSpec spec = new NetworkSpec(inputs, hidden, Activation.fromId(r.text(net, "activation")));
            JsonNode t = r.object(root, "training");
            TrainingConfig config = new TrainingConfig(Optimizer.fromId(r.text(t, "optimizer")),
                    r.number(t, "learningRate"), r.integer(t, "batchSize"), r.integer(t, "epochs"),
                    r.number(t, "weightDecay"), r.longValue(t, "seed"), r.bool(t, "shuffle"));
            JsonNode d = r.object(root, "data");
            Provenance provenance = new Provenance(r.text(d, "drawing"), r.text(d, "drawingSha256"),
                    r.integer(d, "width"), r.integer(d, "height"), r.longValue(d, "seed"),
                    new SampleSizes(r.integer(d, "train"), r.integer(d, "validation"), r.integer(d, "test")),
                    LabelMode.fromId(r.text(d, "labels")), r.number(d, "noise"));
            Drawing drawing = r.drawing(r.text(d, "coveragePng"), provenance);
            Parameters parameters = r.parameters(r.array(root, "parameters"), "parameters");
            if (!parameters.fits(spec)) {
                throw r.fail("holds parameters of shape " + parameters.shape() + " for a network of shape "
                        + spec.layerWidths());
            }
            JsonNode o = r.object(root, "optimizer");
            Optimizer optimizer = Optimizer.fromId(r.text(o, "name"));
            if (optimizer != config.optimizer()) {
                throw r.fail("holds " + optimizer.id() + " state for training with " + config.optimizer().id());
            }
            List<Parameters> slots = new ArrayList<>();
            int k = 0;
            for (JsonNode slot : r.array(o, "slots")) {
                Parameters sp = r.parameters(slot, "optimizer slot " + k++);
                if (!sp.shape().equals(parameters.shape())) {
                    throw r.fail("holds optimizer state of shape " + sp.shape() + " for parameters of shape "
                            + parameters.shape());
                }
                slots.add(sp);
            }
            long step = r.longValue(o, "step");
            OptimizerState state = new OptimizerState(optimizer, step, slots);
            List<EpochMetrics> epochs = new ArrayList<>();
            for (JsonNode e : r.array(root, "history")) {
                epochs.add(new EpochMetrics(r.integer(e, "epoch"), r.numberOrNaN(e, "trainLoss"),
                        r.numberOrNaN(e, "trainAccuracy"), r.numberOrNaN(e, "validationLoss"),
                        r.numberOrNaN(e, "validationAccuracy")));
            }
            History history = new History(epochs);
            return new Saved(root.path("savedFrom").asText("unknown"), spec, config, parameters, state, history,
                    provenance, drawing);
        } catch (InvalidModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw r.fail("holds an invalid value: " + e.getMessage());
        }
    }

    /** Field readers that name the file and the field in their messages. */
    private static final class Reader {
        private final String name;

        Reader(String name) {
            this.name = name;
        }

        InvalidModelFileException fail(String what) {
            return new InvalidModelFileException("model file " + name + " " + what);
        }

        JsonNode field(JsonNode parent, String key) {
            JsonNode n = parent.get(key);
            if (n == null || n.isNull()) {
                throw fail("lacks the field \"" + key + "\"");
            }
            return n;
        }

        JsonNode object(JsonNode parent, String key) {
            JsonNode n = field(parent, key);
            if (!n.isObject()) {
                throw fail("has \"" + key + "\" that is not an object");
            }
            return n;
        }

        JsonNode array(JsonNode parent, String key) {
            JsonNode n = field(parent, key);
            if (!n.isArray()) {
                throw fail("has \"" + key + "\" that is not a list");
            }
            return n;
        }

        String text(JsonNode parent, String key) {
            JsonNode n = field(parent, key);
            if (!n.isTextual()) {
                throw fail("has \"" + key + "\" that is not text");
            }
            return n.asText();
        }

        double number(JsonNode parent, String key) {
            JsonNode n = field(parent, key);
            if (!n.isNumber()) {
                throw fail("has \"" + key + "\" that is not a number: " + n);
            }
            return n.doubleValue();
        }

        double numberOrNaN(JsonNode parent, String key) {
            JsonNode n = field(parent, key);
            if (n.isTextual() && ("NaN".equals(n.asText()) || n.asText().endsWith("Infinity"))) {
                return Double.parseDouble(n.asText());
            }
            return number(parent, key);
        }

        int integer(JsonNode parent, String key) {
            JsonNode n = field(parent, key);
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw fail("has \"" + key + "\" that is not an integer: " + n);
            }
            return n.intValue();
        }

        long longValue(JsonNode parent, String key) {
            JsonNode n = field(parent, key);
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw fail("has \"" + key + "\" that is not an integer: " + n);
            }
            return n.longValue();
        }

        boolean bool(JsonNode parent, String key) {
            JsonNode n = field(parent, key);
            if (!n.isBoolean()) {
                throw fail("has \"" + key + "\" that is not true or false");
            }
            return n.booleanValue();
        }

        float[] floats(JsonNode list, String where) {
            if (!list.isArray()) {
                throw fail("has " + where + " that is not a list of numbers");
            }
            float[] out = new float[list.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = list.get(i);
                if (!v.isNumber()) {
                    throw fail("has " + where + "[" + i + "] that is not a number: " + v);
                }
                out[i] = (float) v.doubleValue();
                if (!Float.isFinite(out[i])) {
                    throw fail("has " + where + "[" + i + "] out of float range: " + v);
                }
            }
            return out;
        }

        Parameters parameters(JsonNode layers, String where) {
            if (!layers.isArray() || layers.isEmpty()) {
                throw fail("has " + where + " that is not a non-empty list of layers");
            }
            List<LayerParameters> list = new ArrayList<>();
            for (int l = 0; l < layers.size(); l++) {
                JsonNode layer = layers.get(l);
                String at = String.format(Locale.ROOT, "%s layer %d", where, l);
                if (!layer.isObject()) {
                    throw fail("has " + at + " that is not an object");
                }
                JsonNode weight = field(layer, "weight");
                if (!weight.isArray() || weight.isEmpty()) {
                    throw fail("has " + at + " weight that is not a non-empty matrix");
                }
                float[][] rows = new float[weight.size()][];
                for (int o = 0; o < rows.length; o++) {
                    rows[o] = floats(weight.get(o), at + " weight row " + o);
                    if (rows[o].length != rows[0].length || rows[o].length == 0) {
                        throw fail("has " + at + " weight rows of different lengths");
                    }
                }
                float[] bias = floats(field(layer, "bias"), at + " bias");
                if (bias.length != rows.length) {
                    throw fail("has " + at + " with " + rows.length + " weight rows but " + bias.length + " biases");
                }
                list.add(LayerParameters.of(rows, bias));
            }
            try {
                return new Parameters(list);
            } catch (IllegalArgumentException e) {
                throw fail("has " + where + " whose layers do not chain: " + e.getMessage());
            }
        }

        Drawing drawing(String base64, Provenance p) {
            BufferedImage image;
            try {
                // the reader checks the size before decoding, so a damaged header cannot ask for gigabytes
                image = io.github.drawnet.sampling.DrawingReader.decode(
                        new ByteArrayInputStream(Base64.getDecoder().decode(base64)), "in " + name);
            } catch (RuntimeException e) {
                throw fail("holds a drawing that cannot be decoded");
            }
            if (image == null || image.getWidth() != p.width() || image.getHeight() != p.height()) {
                throw fail("holds a drawing that is not the " + p.width() + " x " + p.height() + " image it names");
            }
            float[] coverage = new float[p.width() * p.height()];
            for (int row = 0; row < p.height(); row++) {
                for (int col = 0; col < p.width(); col++) {
                    coverage[row * p.width() + col] = image.getRaster().getSample(col, row, 0) / 255f;
                }
            }
            Drawing d = Drawing.of(p.drawing(), p.width(), p.height(), coverage);
            if (!d.sha256().equals(p.drawingSha256())) {
                throw fail("holds a drawing whose SHA-256 does not match the one recorded (corrupt?)");
            }
            return d;
        }
    }
}
