package io.github.drawnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.History;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.Sampler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A saved model: one engine-neutral JSON file that holds everything needed to continue training on
 * any backend: the network's shape, every weight and bias (bit-exact), the optimizer's state, the
 * training settings and history, and the data's provenance with the drawing itself (as an embedded
 * greyscale PNG of its coverage), so that the very same points can be sampled again.
 *
 * <pre>{@code
 * SavedModel.of(result).write(Path.of("model.json"));             // after a run
 * SavedModel saved = SavedModel.read(Path.of("model.json"));
 * try (Experiment more = saved.resume(Backends.discover().get("dl4j"))) {  // any backend
 *     more.train(10, TrainingListener.NONE);                           // epochs numbered on
 *     ExperimentResult r = more.finish();
 * }
 * }</pre>
 *
 * <p>Why JSON: it is readable and diffable by people and course tools, every language reads it,
 * and the networks are small (a few hundred numbers). Floats are written so that reading them back
 * gives the same bits. Files of format version 1 (Drawnet before the {@code io} module, which kept
 * the drawing's name and hash under {@code data}) are still read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param backendId the id of the backend that trained the model (any backend can load it)
 * @param spec the network's shape
 * @param config the training settings; {@code epochs} is the number of epochs trained
 * @param parameters the learned parameters
 * @param optimizer the optimizer's state, to continue exactly
 * @param history every epoch trained so far
 * @param provenance the drawing, seed, sizes and labelling that made the points
 * @param drawing the drawing itself, whose SHA-256 is the provenance's
 * @param engine the backend's name and engine version ({@code backend.name} in the file, as in {@code
 *     metrics.json}); {@value #UNKNOWN_ENGINE} for a file written before it was recorded
 */
public record SavedModel(String backendId, NetworkSpec spec, TrainingConfig config, Parameters parameters,
        OptimizerState optimizer, History history, Provenance provenance, Drawing drawing, String engine) {

    /** The engine of a model whose file does not name it. */
    public static final String UNKNOWN_ENGINE = "unknown";

    /** The format's name, in every file. */
    public static final String FORMAT = "drawnet-model";
    /** The layout version this code writes. */
    public static final int VERSION = 2;

    /**
     * Validates that the parts fit together: parameters and optimizer state fit the network, the
     * state belongs to the configured optimizer, the drawing is the one the provenance names.
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    public SavedModel {
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(drawing, "drawing");
        Objects.requireNonNull(engine, "engine");
        parameters.requireFits(spec);
        if (optimizer.optimizer() != config.optimizer()) {
            throw new IllegalArgumentException("optimizer state of " + optimizer.optimizer().id()
                    + " for training with " + config.optimizer().id());
        }
        if (!optimizer.fits(parameters)) {
            throw new IllegalArgumentException("optimizer state does not fit parameters of shape " + parameters.shape());
        }
        if (!drawing.sha256().equals(provenance.drawingSha256())) {
            throw new IllegalArgumentException("the drawing's SHA-256 is not the one its provenance records");
        }
    }

    /** A model whose engine is not known ({@value #UNKNOWN_ENGINE}); the constructor before the engine was recorded. */
    public SavedModel(String backendId, NetworkSpec spec, TrainingConfig config, Parameters parameters,
            OptimizerState optimizer, History history, Provenance provenance, Drawing drawing) {
        this(backendId, spec, config, parameters, optimizer, history, provenance, drawing, UNKNOWN_ENGINE);
    }

    /**
     * Returns what a finished experiment leaves to continue from: its learned parameters, optimizer
     * state, history, settings (with {@code epochs} set to the epochs trained) and data.
     */
    public static SavedModel of(ExperimentResult r) {
        return new SavedModel(r.backendId(), r.spec(), r.config().withEpochs(Math.max(1, r.history().size())),
                r.finalParameters(), r.optimizerState(), r.history(), r.data().provenance(), r.drawing(),
                Objects.requireNonNullElse(r.backendName(), UNKNOWN_ENGINE));
    }

    /** Returns the state of an experiment as it is now, between two calls of {@link Experiment#train}. */
    public static SavedModel of(Experiment e) {
        return new SavedModel(e.backend().id(), e.spec(), e.config().withEpochs(Math.max(1, e.epochsCompleted())),
                e.model().parameters(), e.optimizerState(), e.history(), e.data().provenance(), e.drawing(),
                e.backend().engineVersion());
    }

    /**
     * Writes the model to {@code file} atomically: a reader never sees half a file, and an
     * interrupted write leaves the previous file in place.
     *
     * @throws IllegalArgumentException when a parameter is not finite (training diverged): JSON cannot
     *     hold it
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toBytes());
    }

    /**
     * Returns the file's bytes, as {@link #write} writes them.
     *
     * @throws IllegalArgumentException when a parameter is not finite
     */
    public byte[] toBytes() {
        try {
            return JsonForms.MAPPER.writeValueAsBytes(toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode toJson() {
        ObjectNode root = JsonForms.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("drawnetVersion", DrawnetVersion.get());
        ObjectNode backend = root.putObject("backend");
        backend.put("id", backendId);
        if (!engine.equals(UNKNOWN_ENGINE)) {
            backend.put("name", engine);
        }
        JsonForms.machine(root.putObject("machine"));
        ObjectNode d = JsonForms.drawing(root.putObject("drawing"), provenance);
        d.put("coveragePng", Base64.getEncoder().encodeToString(coveragePng(drawing)));
        if (drawing.classCount() > 2) {
            // a drawing in colours: each pixel's class as a grey level, and the classes' names and colours
            d.put("classMapPng", Base64.getEncoder().encodeToString(classMapPng(drawing)));
            d.set("classes", JsonForms.classes(drawing));
        }
        JsonForms.data(root.putObject("data"), provenance);
        JsonForms.network(root.putObject("network"), spec);
        JsonForms.training(root.putObject("training"), config);
        root.set("parameters", JsonForms.parameters(parameters));
        ObjectNode o = root.putObject("optimizer");
        o.put("name", optimizer.optimizer().id());
        o.put("step", optimizer.step());
        ArrayNode slots = o.putArray("slots");
        optimizer.slots().forEach(slot -> slots.add(JsonForms.parameters(slot)));
        root.set("history", JsonForms.history(history));
        return root;
    }

    private static byte[] classMapPng(Drawing d) {
        BufferedImage image = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < d.height(); row++) {
            for (int col = 0; col < d.width(); col++) {
                image.getRaster().setSample(col, row, 0, d.classOf(col, row));
            }
        }
        return png(image);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] coveragePng(Drawing d) {
        BufferedImage image = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < d.height(); row++) {
            for (int col = 0; col < d.width(); col++) {
                image.getRaster().setSample(col, row, 0, Math.round(d.coverage(col, row) * 255f));
            }
        }
        return png(image);
    }

    /**
     * Reads a model file, checking everything: format and version, every field's type and range,
     * that the parameters and optimizer state fit the network, that the batch size fits the training
     * set, and that the embedded drawing is the one its hash names.
     *
     * @throws InvalidModelFileException with a one-line message naming the file and the problem
     */
    public static SavedModel read(Path file) {
        JsonNode root = JsonReader.readTree(file, "model file", InvalidModelFileException::new);
        return parse(root, new JsonReader("model file", file.toString(), InvalidModelFileException::new));
    }

    /**
     * Parses the bytes of a model file; {@code name} names it in messages.
     *
     * @throws InvalidModelFileException with a one-line message naming the file and the problem
     */
    public static SavedModel parse(byte[] bytes, String name) {
        JsonReader r = new JsonReader("model file", name, InvalidModelFileException::new);
        return parse(r.tree(bytes), r);
    }

    private static SavedModel parse(JsonNode root, JsonReader r) {
        int version = r.format(root, FORMAT, "model", 1, VERSION);
        try {
            NetworkSpec spec = r.network(r.object(root, "network"));
            TrainingConfig config = r.training(r.object(root, "training"));
            JsonNode data = r.object(root, "data");
            // version 1 kept the drawing under "data" as "drawing" and "drawingSha256"
            JsonNode drawingNode = version == 1 ? data : r.object(root, "drawing");
            Provenance provenance = version == 1 ? r.provenance(data, "drawing", "drawingSha256", data)
                    : r.provenance(drawingNode, "name", "sha256", data);
            if (config.batchSize() > provenance.sizes().train()) {
                throw r.fail("has batch size " + config.batchSize() + " larger than its training set of "
                        + provenance.sizes().train());
            }
            Drawing drawing = drawingNode.has("classMapPng")
                    ? classDrawing(r, r.text(drawingNode, "classMapPng"), r.array(drawingNode, "classes"), provenance)
                    : drawing(r, r.text(drawingNode, "coveragePng"), provenance);
            if (drawing.classCount() != spec.classes()) {
                throw r.fail("holds a drawing of " + drawing.classCount() + " classes for a network of "
                        + spec.classes());
            }
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
            OptimizerState state = new OptimizerState(optimizer, r.longValue(o, "step"), slots);
            History history = r.history(r.array(root, "history"));
            String backendId = version == 1 ? root.path("savedFrom").asText("unknown")
                    : root.path("backend").path("id").asText("unknown");
            String engine = root.path("backend").path("name").asText(UNKNOWN_ENGINE);
            return new SavedModel(backendId, spec, config, parameters, state, history, provenance, drawing, engine);
        } catch (InvalidFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw r.fail("holds an invalid value: " + e.getMessage());
        }
    }

    private static Drawing classDrawing(JsonReader r, String base64, JsonNode classNodes, Provenance p) {
        BufferedImage image = image(r, base64, p);
        List<DrawingClass> classes = new ArrayList<>();
        for (JsonNode c : classNodes) {
            String colour = r.text(c, "colour");
            if (!colour.matches("#[0-9a-fA-F]{6}")) {
                throw r.fail("holds a class colour that is not #rrggbb: '" + colour + "'");
            }
            classes.add(new DrawingClass(r.text(c, "name"), Integer.parseInt(colour.substring(1), 16)));
        }
        if (classes.size() < 3 || classes.size() > NetworkSpec.MAX_CLASSES) {
            throw r.fail("holds " + classes.size() + " classes; a drawing in colours has 3 to "
                    + NetworkSpec.MAX_CLASSES);
        }
        int[] map = new int[p.width() * p.height()];
        for (int row = 0; row < p.height(); row++) {
            for (int col = 0; col < p.width(); col++) {
                int k = image.getRaster().getSample(col, row, 0);
                if (k >= classes.size()) {
                    throw r.fail("holds a pixel of class " + k + " but only " + classes.size() + " classes");
                }
                map[row * p.width() + col] = k;
            }
        }
        Drawing d = Drawing.ofClasses(p.drawing(), p.width(), p.height(), map, classes);
        if (!d.sha256().equals(p.drawingSha256())) {
            throw r.fail("holds a drawing whose SHA-256 does not match the one recorded (corrupt?)");
        }
        return d;
    }

    private static BufferedImage image(JsonReader r, String base64, Provenance p) {
        BufferedImage image;
        try {
            // the reader checks the size before decoding, so a damaged header cannot ask for gigabytes
            image = DrawingReader.decode(new ByteArrayInputStream(Base64.getDecoder().decode(base64)),
                    "in the model file");
        } catch (RuntimeException e) {
            throw r.fail("holds a drawing that cannot be decoded");
        }
        if (image == null || image.getWidth() != p.width() || image.getHeight() != p.height()) {
            throw r.fail("holds a drawing that is not the " + p.width() + " x " + p.height() + " image it names");
        }
        return image;
    }

    private static Drawing drawing(JsonReader r, String base64, Provenance p) {
        BufferedImage image = image(r, base64, p);
        float[] coverage = new float[p.width() * p.height()];
        for (int row = 0; row < p.height(); row++) {
            for (int col = 0; col < p.width(); col++) {
                coverage[row * p.width() + col] = image.getRaster().getSample(col, row, 0) / 255f;
            }
        }
        Drawing d = Drawing.of(p.drawing(), p.width(), p.height(), coverage);
        if (!d.sha256().equals(p.drawingSha256())) {
            throw r.fail("holds a drawing whose SHA-256 does not match the one recorded (corrupt?)");
        }
        return d;
    }

    /** Samples the model's points again: the very same training, validation and test sets. */
    public DataSplits sample() {
        return Sampler.sample(drawing, provenance.sizes(), provenance.seed(), provenance.labelMode(),
                provenance.noise());
    }

    /**
     * Continues the saved run on {@code backend} (any backend reads any model): the saved weights,
     * the optimizer's state and the history, on the very same points, so that {@link
     * Experiment#train} numbers epochs on and continues exactly.
     *
     * @throws io.github.drawnet.api.BackendUnavailableException when the backend's engine cannot load
     */
    public Experiment resume(Backend backend) {
        return Experiment.restore(backend, drawing, sample(), spec, config, parameters, history, optimizer);
    }

    /**
     * Starts the saved run again from scratch on {@code backend}: the seed's initial weights, a
     * fresh optimizer, the same settings and points (the notebook's "train again from scratch").
     *
     * @throws io.github.drawnet.api.BackendUnavailableException when the backend's engine cannot load
     */
    public Experiment restart(Backend backend) {
        return Experiment.start(backend, drawing, sample(), spec, config);
    }
}
