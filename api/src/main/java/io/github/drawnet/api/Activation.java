package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

/**
 * The activation applied by every hidden unit. The output unit is always a sigmoid.
 *
 * <p>{@link #LINEAR} is the notebook's first "thing to try": a network of linear hidden units is
 * itself linear before the output sigmoid, so its decision boundary is a straight line.
 */
public enum Activation {
    /** The logistic function {@code 1 / (1 + e^-z)}; the notebook's choice. */
    SIGMOID("sigmoid"),
    /** The hyperbolic tangent. */
    TANH("tanh"),
    /** The rectifier {@code max(0, z)}. */
    RELU("relu"),
    /** The identity. */
    LINEAR("linear");

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** Returns the lower-case name used on the command line and in saved files. */
    public String id() {
        return id;
    }

    /**
     * Returns the activation of the given value, in double precision. This is the definition every
     * backend implements in its engine. Uses {@link StrictMath}: {@link Math}'s transcendental
     * functions may differ in the last bit between interpreted and compiled code, which would make
     * a run depend on when the JIT compiler finished.
     */
    public double apply(double z) {
        return switch (this) {
            case SIGMOID -> sigmoid(z);
            case TANH -> StrictMath.tanh(z);
            case RELU -> z > 0 ? z : 0;
            case LINEAR -> z;
        };
    }

    /**
     * Returns the derivative of the activation at the pre-activation {@code z}, given its output
     * {@code a = apply(z)}. For ReLU the derivative at 0 is taken as 0, as PyTorch does.
     */
    public double derivative(double z, double a) {
        return switch (this) {
            case SIGMOID -> a * (1 - a);
            case TANH -> 1 - a * a;
            case RELU -> z > 0 ? 1 : 0;
            case LINEAR -> 1;
        };
    }

    /** Returns the logistic function of {@code z}, computed without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1 + e);
    }

    /**
     * Returns the activation named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static Activation fromId(String name) {
        return Checks.parseName("activation", name, Activation.class, Activation::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
