package io.github.drawnet.api;

import java.util.Locale;

/**
 * Every setting of an experiment that a person can choose, each with one name per surface and one
 * spelling of its value: the command line ({@link #option()}), JSON and the studio page ({@link
 * #key()}), and messages ({@link #label()}). Values are read by {@link ExperimentSettings#with}, the
 * one parser; defaults come from {@link ExperimentSettings#notebook()}, the one place they are
 * defined.
 */
public enum Setting {
    /** The seed of every random choice; a whole number. */
    SEED("seed", "seed", "seed"),
    /** The number of training points. */
    TRAIN_SIZE("train-size", "trainSize", "training set size"),
    /** The number of validation points. */
    VALIDATION_SIZE("val-size", "validationSize", "validation set size"),
    /** The number of test points. */
    TEST_SIZE("test-size", "testSize", "test set size"),
    /** How coverage becomes a label: {@code binary} or {@code soft} ({@link LabelMode}). */
    LABELS("labels", "labels", "labels"),
    /** The share of training labels flipped, in [0, 1). */
    NOISE("noise", "noise", "noise"),
    /**
     * The hidden layers' sizes, first layer first, separated by commas, everywhere (a sweep's list of
     * networks separates them with {@code ;}): {@code 4}, {@code 8,4}; {@code none} for no hidden layer.
     */
    HIDDEN("hidden", "hidden", "hidden"),
    /** The hidden units' activation ({@link Activation}). */
    ACTIVATION("activation", "activation", "activation"),
    /** The input features, separated by commas ({@link Feature}). */
    FEATURES("features", "features", "features"),
    /** The optimizer ({@link Optimizer}). */
    OPTIMIZER("optimizer", "optimizer", "optimizer"),
    /** The learning rate, finite and &gt; 0. */
    LEARNING_RATE("lr", "learningRate", "learning rate"),
    /** The points per optimizer step. */
    BATCH_SIZE("batch", "batchSize", "batch size"),
    /** The passes over the training set. */
    EPOCHS("epochs", "epochs", "epochs"),
    /** The L2 weight decay, finite and &gt;= 0. */
    WEIGHT_DECAY("weight-decay", "weightDecay", "weight decay"),
    /** The L1 penalty's coefficient, finite and &gt;= 0 (see {@link TrainingConfig#l1()}). */
    L1("l1", "l1", "l1 penalty"),
    /** Whether the training order is reshuffled every epoch: {@code true} or {@code false}. */
    SHUFFLE("shuffle", "shuffle", "shuffle");

    private final String option;
    private final String key;
    private final String label;

    Setting(String option, String key, String label) {
        this.option = option;
        this.key = key;
        this.label = label;
    }

    /** Returns the command line's long option, for example {@code --lr}. */
    public String option() {
        return "--" + option;
    }

    /** Returns the key in JSON and on the studio page, for example {@code learningRate}. */
    public String key() {
        return key;
    }

    /** Returns the name for people, for example {@code learning rate}. */
    public String label() {
        return label;
    }

    /** Returns the notebook's value of this setting, in the setting's one spelling. */
    public String defaultText() {
        return ExperimentSettings.notebook().text(this);
    }

    /**
     * Returns the setting whose option, key or label is {@code name} (case-insensitive, with or
     * without the leading dashes).
     *
     * @throws IllegalArgumentException listing the settings when there is none
     */
    public static Setting fromName(String name) {
        String n = name == null ? "" : name.strip().replaceFirst("^--", "").toLowerCase(Locale.ROOT);
        for (Setting s : values()) {
            if (s.option.equals(n) || s.key.toLowerCase(Locale.ROOT).equals(n) || s.label.equals(n)) {
                return s;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (Setting s : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(s.key);
        }
        throw new IllegalArgumentException("unknown setting '" + name + "'; valid: " + valid);
    }
}
