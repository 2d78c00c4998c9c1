package io.github.drawnet.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every choice of one experiment apart from the drawing and the backend: how the points are sampled,
 * the network, and how it is trained. Defaults are the notebook's ({@link #notebook()}, made of
 * {@link SampleSizes#notebook()}, {@link NetworkSpec#notebook()} and {@link
 * TrainingConfig#notebook()}: defined there and nowhere else), and {@link #with(Setting, String)} is
 * the one parser of a setting's text, used by the command line, sweeps and the studio alike.
 *
 * <pre>{@code
 * ExperimentSettings s = ExperimentSettings.notebook()
 *         .with(Setting.HIDDEN, "8,4")
 *         .with(Setting.LEARNING_RATE, "0.03")
 *         .requireConsistent();                  // batch size fits the training set
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param sizes the number of points in each split
 * @param labels how coverage becomes labels
 * @param noise the share of training labels flipped, in [0, 1)
 * @param network the network
 * @param training the training settings, with the seed of every random choice
 */
public record ExperimentSettings(SampleSizes sizes, LabelMode labels, double noise, NetworkSpec network,
        TrainingConfig training) {

    /** How many more epochs "continue" trains when not told. */
    public static final int MORE_EPOCHS = 10;

    private static final ExperimentSettings NOTEBOOK = new ExperimentSettings(SampleSizes.notebook(), LabelMode.BINARY,
            0, NetworkSpec.notebook(), TrainingConfig.notebook());

    /**
     * Validates each value on its own (see {@link #requireConsistent()} for values that must fit
     * each other).
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public ExperimentSettings {
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(training, "training");
        if (!(noise >= 0 && noise < 1)) {
            throw new InvalidSettingException(Setting.NOISE, " must be in [0, 1), got " + noise);
        }
    }

    /**
     * Returns the notebook's experiment: 5000/1000/10000 points with binary labels and no noise, 2
     * inputs and one hidden layer of 4 sigmoid units, Adam with learning rate 0.01, batches of 24,
     * 100 epochs, seed 0.
     */
    public static ExperimentSettings notebook() {
        return NOTEBOOK;
    }

    /** Returns the seed of every random choice (points, initial parameters, batch order). */
    public long seed() {
        return training.seed();
    }

    /**
     * Returns a copy with {@code setting} read from {@code text}, in the setting's one spelling (see
     * {@link Setting}); null keeps the current value (the setting was not given). Text given empty is
     * refused like any other value that is not allowed. Each value is checked alone here; the limits
     * that depend on other settings (the batch against the training set) are checked once all are
     * known, by {@link #requireConsistent()}.
     *
     * @throws InvalidSettingException naming the setting, the value and what is allowed
     */
    public ExperimentSettings with(Setting setting, String text) {
        Objects.requireNonNull(setting, "setting");
        if (text == null) {
            return this;
        }
        String t = text.strip();
        TrainingConfig c = training;
        return switch (setting) {
            case SEED -> new ExperimentSettings(sizes, labels, noise, network, c.withSeed(longValue(setting, t)));
            case TRAIN_SIZE -> new ExperimentSettings(new SampleSizes(size(setting, t), sizes.validation(),
                    sizes.test()), labels, noise, network, training);
            case VALIDATION_SIZE -> new ExperimentSettings(new SampleSizes(sizes.train(), size(setting, t),
                    sizes.test()), labels, noise, network, training);
            case TEST_SIZE -> new ExperimentSettings(new SampleSizes(sizes.train(), sizes.validation(),
                    size(setting, t)), labels, noise, network, training);
            case LABELS -> new ExperimentSettings(sizes, name(setting, () -> LabelMode.fromId(t)), noise, network,
                    training);
            case NOISE -> new ExperimentSettings(sizes, labels, number(setting, t), network, training);
            case HIDDEN -> new ExperimentSettings(sizes, labels, noise, network.withHidden(hidden(t)), training);
            case ACTIVATION -> new ExperimentSettings(sizes, labels, noise,
                    network.withActivation(name(setting, () -> Activation.fromId(t))), training);
            case FEATURES -> new ExperimentSettings(sizes, labels, noise, network.withInputs(features(t)), training);
            case OPTIMIZER -> new ExperimentSettings(sizes, labels, noise, network,
                    c.withOptimizer(name(setting, () -> Optimizer.fromId(t))));
            case LEARNING_RATE -> {
                double v = number(setting, t);
                if (!Double.isFinite(v) || v <= 0) {
                    throw new InvalidSettingException(setting, " must be a finite number > 0, got " + v);
                }
                yield new ExperimentSettings(sizes, labels, noise, network, c.withLearningRate(v));
            }
            case BATCH_SIZE -> {
                int v = integer(setting, t);
                if (v < 1 || v > TrainingConfig.MAX_BATCH_SIZE) {
                    // a value no training set allows: refused now, with the bound of the training set as it is
                    TrainingConfig.checkBatchSize(v, sizes.train());
                }
                yield new ExperimentSettings(sizes, labels, noise, network, c.withBatchSize(v));
            }
            case EPOCHS -> new ExperimentSettings(sizes, labels, noise, network, c.withEpochs(integer(setting, t)));
            case WEIGHT_DECAY -> new ExperimentSettings(sizes, labels, noise, network,
                    c.withWeightDecay(nonNegative(setting, t)));
            case L1 -> new ExperimentSettings(sizes, labels, noise, network, c.withL1(nonNegative(setting, t)));
            case SHUFFLE -> new ExperimentSettings(sizes, labels, noise, network, c.withShuffle(bool(setting, t)));
        };
    }

    /**
     * Returns a copy with every setting of {@code texts} read in turn (keys as {@link
     * Setting#fromName} takes them), then checks that the values fit each other.
     *
     * @throws InvalidSettingException naming the first bad value
     * @throws IllegalArgumentException for an unknown setting
     */
    public ExperimentSettings with(Map<String, String> texts) {
        ExperimentSettings s = this;
        for (Map.Entry<String, String> e : texts.entrySet()) {
            s = s.with(Setting.fromName(e.getKey()), e.getValue());
        }
        return s.requireConsistent();
    }

    /**
     * Checks the values that must fit each other, once all are known: the batch size is at most the
     * training set ({@link TrainingConfig#checkBatchSize}). Every other limit is checked where its
     * value is made: epochs and batch size by {@link TrainingConfig}, split sizes by {@link
     * SampleSizes}, hidden layers and units by {@link NetworkSpec}.
     *
     * @return this
     * @throws InvalidSettingException naming the batch size and the largest allowed
     */
    public ExperimentSettings requireConsistent() {
        TrainingConfig.checkBatchSize(training.batchSize(), sizes.train());
        return this;
    }

    /** Returns the value of {@code setting} in its one spelling, as {@link #with} reads it. */
    public String text(Setting setting) {
        return switch (setting) {
            case SEED -> Long.toString(training.seed());
            case TRAIN_SIZE -> Integer.toString(sizes.train());
            case VALIDATION_SIZE -> Integer.toString(sizes.validation());
            case TEST_SIZE -> Integer.toString(sizes.test());
            case LABELS -> labels.id();
            case NOISE -> decimal(noise);
            case HIDDEN -> hiddenText(network.hidden());
            case ACTIVATION -> network.activation().id();
            case FEATURES -> network.inputs().stream().map(Feature::id).collect(Collectors.joining(","));
            case OPTIMIZER -> training.optimizer().id();
            case LEARNING_RATE -> decimal(training.learningRate());
            case BATCH_SIZE -> Integer.toString(training.batchSize());
            case EPOCHS -> Integer.toString(training.epochs());
            case WEIGHT_DECAY -> decimal(training.weightDecay());
            case L1 -> decimal(training.l1());
            case SHUFFLE -> Boolean.toString(training.shuffle());
        };
    }

    /**
     * Returns hidden layer sizes in their one spelling: {@code none} for no hidden layer, else the sizes
     * joined by commas, {@code 8,4}.
     */
    public static String hiddenText(List<Integer> hidden) {
        return hidden.isEmpty() ? "none" : hidden.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Reads a coefficient that is finite and &gt;= 0 (weight decay, L1). */
    private static double nonNegative(Setting setting, String text) {
        double v = number(setting, text);
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidSettingException(setting, " must be a finite number >= 0, got " + v);
        }
        return v;
    }

    private static String decimal(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }

    /**
     * Reads layer sizes; their limits are {@link NetworkSpec}'s to check. The old spelling of a sweep's
     * network, {@code 8-4}, is refused with the one that replaced it.
     */
    private static List<Integer> hidden(String text) {
        if (text.equalsIgnoreCase("none") || text.equals("0")) {
            return List.of();
        }
        if (text.matches("\\d+(\\s*-\\s*\\d+)+")) {
            throw new InvalidSettingException(Setting.HIDDEN, " " + text + ": write one network's layer sizes with"
                    + " commas (" + text.replaceAll("\\s*-\\s*", ",") + ") and separate networks with ';' (e.g. '4;8,4')");
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                sizes.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(Setting.HIDDEN,
                        " must be layer sizes like 4 or 8,4 (or none), got '" + text + "'");
            }
        }
        return sizes;
    }

    private static List<Feature> features(String text) {
        if (text.isEmpty()) {
            throw new InvalidSettingException(Setting.FEATURES, " must list one or more of " + Arrays.stream(
                    Feature.values()).map(Feature::id).collect(Collectors.joining(", "))
                    + ", separated by commas, got ''");
        }
        List<Feature> list = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Feature f = name(Setting.FEATURES, () -> Feature.fromId(part));
            if (list.contains(f)) {
                throw new InvalidSettingException(Setting.FEATURES, " lists " + f.id() + " twice in '" + text + "'");
            }
            list.add(f);
        }
        return list;
    }

    private static <T> T name(Setting setting, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(setting, ": " + e.getMessage());
        }
    }

    private static int integer(Setting setting, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting, " must be a whole number, got '" + text + "'");
        }
    }

    /** Reads a split's size; its limit is {@link SampleSizes}'s to check. */
    private static int size(Setting setting, String text) {
        return integer(setting, text);
    }

    private static long longValue(Setting setting, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting, " must be a whole number, got '" + text + "'");
        }
    }

    private static double number(Setting setting, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting, " must be a number, got '" + text + "'");
        }
    }

    private static boolean bool(Setting setting, String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new InvalidSettingException(setting, " must be true or false, got '" + text + "'");
    }

    /** Returns every setting with its key and value, so a printed configuration is complete. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExperimentSettings[");
        for (Setting s : Setting.values()) {
            sb.append(s.ordinal() == 0 ? "" : ", ").append(s.key()).append('=').append(text(s));
        }
        return sb.append(']').toString();
    }
}
