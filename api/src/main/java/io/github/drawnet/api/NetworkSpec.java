package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shape of a network: its input features, the sizes of its hidden layers, the activation
 * of every hidden unit, and the number of classes it tells apart.
 *
 * <p>With two classes (the notebook's problem) the output is one sigmoid unit giving the probability
 * of the positive class and the loss is binary cross-entropy. With {@code K > 2} classes the output
 * layer has {@code K} units, a softmax gives each class's probability and the loss is cross-entropy
 * (PyTorch's {@code CrossEntropyLoss}, computed from the logits).
 *
 * <p>Each layer is a fully connected {@code Linear} layer in PyTorch's sense. The notebook's network
 * is {@link #notebook()}: inputs {@code x1, x2}, one hidden layer of 4 sigmoid units. Zero hidden
 * layers is allowed (logistic regression on the features).
 *
 * @param inputs the input features, at least one, each at most once
 * @param hidden the hidden layer sizes, first to last, each in [1, {@value #MAX_UNITS}], at most
 *     {@value #MAX_HIDDEN_LAYERS} layers
 * @param activation the activation of every hidden unit
 * @param classes the number of classes, in [2, {@value #MAX_CLASSES}]; 2 is the notebook's binary problem
 */
public record NetworkSpec(List<Feature> inputs, List<Integer> hidden, Activation activation, int classes) {

    /** The largest number of hidden layers. */
    public static final int MAX_HIDDEN_LAYERS = 8;
    /** The largest number of units in one hidden layer. */
    public static final int MAX_UNITS = 256;
    /** The largest number of classes, the background included. */
    public static final int MAX_CLASSES = 8;

    /**
     * Validates and copies the lists.
     *
     * @throws IllegalArgumentException when a value is out of range, with the value in the message
     */
    public NetworkSpec {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(activation, "activation");
        Checks.argument(!inputs.isEmpty(), "the network needs at least one input feature, got none");
        Checks.argument(new HashSet<>(inputs).size() == inputs.size(),
                "input features must be distinct, got %s", inputs);
        // the one check of each rule of the hidden layers; the settings' parser leaves them to this
        if (hidden.size() > MAX_HIDDEN_LAYERS) {
            throw new InvalidSettingException(Setting.HIDDEN, String.format(Locale.ROOT,
                    " allows at most %d layers, got %d", MAX_HIDDEN_LAYERS, hidden.size()));
        }
        for (Integer units : hidden) {
            Objects.requireNonNull(units, "hidden layer size");
            if (units < 1 || units > MAX_UNITS) {
                throw new InvalidSettingException(Setting.HIDDEN, String.format(Locale.ROOT,
                        " units per layer must be in [1, %d], got %d", MAX_UNITS, units));
            }
        }
        Checks.inRange("number of classes", classes, 2, MAX_CLASSES);
        inputs = List.copyOf(inputs);
        hidden = List.copyOf(hidden);
    }

    /**
     * A binary network (two classes, one sigmoid output), as the notebook's.
     *
     * @param inputs the input features
     * @param hidden the hidden layer sizes
     * @param activation the activation of every hidden unit
     */
    public NetworkSpec(List<Feature> inputs, List<Integer> hidden, Activation activation) {
        this(inputs, hidden, activation, 2);
    }

    /** Returns the notebook's network: inputs {@code x1, x2}, one hidden layer of 4 sigmoid units. */
    public static NetworkSpec notebook() {
        return new NetworkSpec(Feature.NOTEBOOK, List.of(4), Activation.SIGMOID);
    }

    /** Returns a copy with other hidden layer sizes. */
    public NetworkSpec withHidden(List<Integer> sizes) {
        return new NetworkSpec(inputs, sizes, activation, classes);
    }

    /** Returns a copy with another hidden activation. */
    public NetworkSpec withActivation(Activation a) {
        return new NetworkSpec(inputs, hidden, a, classes);
    }

    /** Returns a copy with other input features. */
    public NetworkSpec withInputs(List<Feature> features) {
        return new NetworkSpec(features, hidden, activation, classes);
    }

    /**
     * Returns a copy that tells {@code count} classes apart.
     *
     * @param count the number of classes, in [2, {@value #MAX_CLASSES}]
     */
    public NetworkSpec withClasses(int count) {
        return new NetworkSpec(inputs, hidden, activation, count);
    }

    /** Returns whether this is a two-class network with one sigmoid output. */
    public boolean isBinary() {
        return classes == 2;
    }

    /** Returns the number of output units: 1 for two classes, else one per class. */
    public int outputCount() {
        return classes == 2 ? 1 : classes;
    }

    /** Returns the number of inputs, one per feature. */
    public int inputCount() {
        return inputs.size();
    }

    /** Returns the number of {@code Linear} layers: the hidden layers plus the output layer. */
    public int layerCount() {
        return hidden.size() + 1;
    }

    /**
     * Returns the widths of all layers of units: inputs, each hidden layer, then the outputs
     * ({@link #outputCount()}).
     */
    public List<Integer> layerWidths() {
        List<Integer> widths = new ArrayList<>(hidden.size() + 2);
        widths.add(inputs.size());
        widths.addAll(hidden);
        widths.add(outputCount());
        return List.copyOf(widths);
    }

    /** Returns the fan-in of {@code Linear} layer {@code layer} (0 is the first hidden layer). */
    public int layerInputs(int layer) {
        return layerWidths().get(layer);
    }

    /** Returns the fan-out of {@code Linear} layer {@code layer}. */
    public int layerOutputs(int layer) {
        return layerWidths().get(layer + 1);
    }

    /** Returns the number of learned numbers: every weight and every bias. */
    public int parameterCount() {
        List<Integer> w = layerWidths();
        int n = 0;
        for (int l = 0; l + 1 < w.size(); l++) {
            n += w.get(l) * w.get(l + 1) + w.get(l + 1);
        }
        return n;
    }

    private Object outputActivation() {
        return isBinary() ? Activation.SIGMOID : "Softmax(dim=1)";
    }

    /**
     * Returns a description in the form PyTorch prints a module, one line per layer, as the
     * notebook's {@code print(model)} shows it.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder("DrawnetMLP(\n");
        sb.append("  (inputs): ").append(inputs.stream().map(Feature::label).collect(Collectors.joining(", ")))
                .append('\n');
        for (int l = 0; l < layerCount(); l++) {
            boolean output = l == layerCount() - 1;
            String name = output ? "output" : hidden.size() == 1 ? "hidden" : "hidden" + (l + 1);
            sb.append(String.format(Locale.ROOT, "  (%s): Linear(in_features=%d, out_features=%d, bias=True) -> %s%n",
                    name, layerInputs(l), layerOutputs(l), output ? outputActivation() : activation));
        }
        return sb.append(')').toString();
    }
}
