package io.github.drawnet.api;

/**
 * A network living in one engine: its parameters are engine arrays, and its forward pass runs in
 * the engine. Made by {@link io.github.drawnet.api.spi.Backend#newModel}.
 *
 * <p>Input features are computed in Java ({@link Feature#matrix}) before the engine sees the points,
 * so that all backends receive the same numbers.
 *
 * <p>Not thread-safe: use one model from one thread at a time. Holds native memory until {@link
 * #close() closed}; every method but {@link #close()}, {@link #isClosed()}, {@link #spec()} and
 * {@link #backendId()} then throws {@link IllegalStateException}.
 */
public interface Model extends AutoCloseable {

    /** Returns the id of the backend the model lives in. */
    String backendId();

    /** Returns the network's shape. */
    NetworkSpec spec();

    /**
     * Returns a copy of every weight and bias, read from the engine.
     *
     * @throws IllegalStateException when the model is closed
     */
    Parameters parameters();

    /**
     * Replaces every weight and bias. Reading them back gives the same numbers, bit for bit.
     *
     * @throws IllegalArgumentException when {@code parameters} do not fit {@link #spec()}
     * @throws IllegalStateException when the model is closed
     */
    void setParameters(Parameters parameters);

    /**
     * Runs the network over the points in one pass and returns the output and every hidden layer's
     * activations. Labels of {@code points} are ignored.
     *
     * @throws IllegalStateException when the model is closed
     */
    ForwardPass forward(Dataset points);

    /**
     * Returns the output probability at each point, without the hidden activations.
     *
     * @throws IllegalStateException when the model is closed
     */
    float[] predict(Dataset points);

    /**
     * Returns the output probability and the output logit at each point, from one pass, without the
     * hidden activations. The default recovers the logits from the probabilities; a backend's model
     * gives the engine's own.
     *
     * @throws IllegalStateException when the model is closed
     */
    default ForwardPass outputs(Dataset points) {
        return new ForwardPass(predict(points), java.util.List.of());
    }

    /** Returns whether {@link #close()} has been called. */
    boolean isClosed();

    /** Releases the engine memory. Idempotent. */
    @Override
    void close();
}
