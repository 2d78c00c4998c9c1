package io.github.drawnet.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.drawnet.api.internal.InputFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.drawnet.api.Activation;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the forms of {@link JsonForms} back, checking every field's presence, type and range; each
 * failure is one line that names the file (as "model file X ...") and the field.
 */
final class JsonReader {

    /**
     * The largest file read, checked before it is parsed: a model of the largest network allowed
     * (8 hidden layers of 256 units, with Adam's two moments and the initial parameters) and
     * 100,000 epochs of history is far smaller.
     */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final String prefix;
    private final Function<String, InvalidFileException> make;

    /**
     * Makes a reader whose messages start with {@code kind + " " + name}, for example {@code model
     * file m.json}, and that throws what {@code make} makes.
     */
    JsonReader(String kind, String name, Function<String, InvalidFileException> make) {
        this.prefix = kind + " " + name;
        this.make = make;
    }

    /** Reads a whole file into a JSON tree, refusing folders, missing files and non-JSON. */
    static JsonNode readTree(Path file, String kind, Function<String, InvalidFileException> make) {
        String problem = InputFiles.problem(file, "a " + kind);
        if (problem != null) {
            throw make.apply(kind + " " + InputFiles.name(file) + " " + problem);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw make.apply(kind + " " + file + " " + tooLarge(size));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw make.apply(kind + " " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw make.apply("cannot read " + kind + " " + file + ": permission denied");
        } catch (IOException e) {
            throw make.apply("cannot read " + kind + " " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return new JsonReader(kind, file.toString(), make).tree(bytes);
    }

    private static String tooLarge(long size) {
        return String.format(Locale.ROOT, "is %,d bytes; a Drawnet file is at most %,d bytes (%d MiB)", size, MAX_BYTES,
                MAX_BYTES / (1024 * 1024));
    }

    /** Parses bytes into a JSON tree. */
    JsonNode tree(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw make.apply(prefix + " " + tooLarge(bytes.length));
        }
        try {
            return JsonForms.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            boolean ended = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
            throw make.apply(prefix + (ended ? " ends before its JSON does" + where + " (truncated?)"
                    : " is not valid JSON" + where + " (truncated or corrupt?)"));
        } catch (IOException e) {
            throw make.apply("cannot read " + prefix + ": " + e.getMessage());
        }
    }

    /** Returns the exception for a problem, {@code what} reading on from the file's name. */
    InvalidFileException fail(String what) {
        return make.apply(prefix + " " + what);
    }

    /**
     * Checks the {@code format} field and returns the {@code formatVersion}, one of {@code versions};
     * {@code noun} names the kind of file in messages ("is not a Drawnet model").
     */
    int format(JsonNode root, String format, String noun, int... versions) {
        if (root == null || !root.isObject()) {
            throw fail("is not a Drawnet " + noun + " (expected a JSON object)");
        }
        if (!format.equals(root.path("format").asText(null))) {
            throw fail("is not a Drawnet " + noun + " (\"format\" is not \"" + format + "\")");
        }
        int version = integer(root, "formatVersion");
        StringBuilder known = new StringBuilder();
        for (int i = 0; i < versions.length; i++) {
            if (versions[i] == version) {
                return version;
            }
            known.append(i == 0 ? "" : i == versions.length - 1 ? " and " : ", ").append(versions[i]);
        }
        throw fail("has format version " + version + "; this Drawnet reads version"
                + (versions.length > 1 ? "s " : " ") + known);
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

    /** Reads {@link JsonForms#network}. */
    NetworkSpec network(JsonNode net) {
        List<Feature> inputs = new ArrayList<>();
        for (JsonNode f : array(net, "inputs")) {
            inputs.add(Feature.fromId(f.asText()));
        }
        List<Integer> hidden = new ArrayList<>();
        for (JsonNode h : array(net, "hidden")) {
            if (!h.canConvertToInt() || !h.isIntegralNumber()) {
                throw fail("has a hidden layer size that is not an integer: " + h);
            }
            hidden.add(h.intValue());
        }
        int classes = 2;
        if (net.has("classes")) {
            JsonNode k = net.get("classes");
            if (!k.isIntegralNumber() || !k.canConvertToInt()) {
                throw fail("has a class count that is not an integer: " + k);
            }
            classes = k.intValue();
        }
        return new NetworkSpec(inputs, hidden, Activation.fromId(text(net, "activation")), classes);
    }

    /** Reads {@link JsonForms#training}; a file without {@code l1} (older, or L1 off) reads as 0. */
    TrainingConfig training(JsonNode t) {
        return new TrainingConfig(Optimizer.fromId(text(t, "optimizer")), number(t, "learningRate"),
                integer(t, "batchSize"), integer(t, "epochs"), number(t, "weightDecay"),
                t.has("l1") ? number(t, "l1") : 0.0, longValue(t, "seed"), bool(t, "shuffle"));
    }

    /** Reads {@link JsonForms#drawing} and {@link JsonForms#data} (from their two objects) into a provenance. */
    Provenance provenance(JsonNode drawing, String nameKey, String shaKey, JsonNode data) {
        return new Provenance(text(drawing, nameKey), text(drawing, shaKey), integer(drawing, "width"),
                integer(drawing, "height"), longValue(data, "seed"),
                new SampleSizes(integer(data, "train"), integer(data, "validation"), integer(data, "test")),
                LabelMode.fromId(text(data, "labels")), number(data, "noise"));
    }

    /** Reads {@link JsonForms#history}. */
    History history(JsonNode list) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (JsonNode e : list) {
            epochs.add(new EpochMetrics(integer(e, "epoch"), numberOrNaN(e, "trainLoss"),
                    numberOrNaN(e, "trainAccuracy"), numberOrNaN(e, "validationLoss"),
                    numberOrNaN(e, "validationAccuracy")));
        }
        return new History(epochs);
    }

    float[] floats(JsonNode list, String where) {
        return floats(list, where, false);
    }

    /** Reads a list of floats; with {@code nonFinite}, also the texts "NaN", "Infinity" and "-Infinity". */
    float[] floats(JsonNode list, String where, boolean nonFinite) {
        if (!list.isArray()) {
            throw fail("has " + where + " that is not a list of numbers");
        }
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = list.get(i);
            if (nonFinite && v.isTextual() && ("NaN".equals(v.asText()) || "Infinity".equals(v.asText())
                    || "-Infinity".equals(v.asText()))) {
                out[i] = Float.parseFloat(v.asText());
                continue;
            }
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

    /** Reads {@link JsonForms#parameters}; {@code where} names them in messages. */
    Parameters parameters(JsonNode layers, String where) {
        return parameters(layers, where, false);
    }

    /** Reads {@link JsonForms#parameters}, with {@code nonFinite} also a diverged run's NaN and infinities. */
    Parameters parameters(JsonNode layers, String where, boolean nonFinite) {
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
                rows[o] = floats(weight.get(o), at + " weight row " + o, nonFinite);
                if (rows[o].length != rows[0].length || rows[o].length == 0) {
                    throw fail("has " + at + " weight rows of different lengths");
                }
            }
            float[] bias = floats(field(layer, "bias"), at + " bias", nonFinite);
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
}
