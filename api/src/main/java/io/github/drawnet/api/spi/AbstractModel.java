package io.github.drawnet.api.spi;

import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.internal.Checks;

import java.util.Objects;

/**
 * The engine-neutral half of a {@link Model}, for backend implementors: argument checks, the
 * closed state, and input features computed in Java. A backend supplies the engine half.
 */
public abstract class AbstractModel implements Model {

    private final String backendId;
    private final NetworkSpec spec;
    private volatile boolean closed;

    /** Creates the model's engine-neutral half. */
    protected AbstractModel(String backendId, NetworkSpec spec) {
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public final String backendId() {
        return backendId;
    }

    @Override
    public final NetworkSpec spec() {
        return spec;
    }

    @Override
    public final Parameters parameters() {
        ensureOpen();
        return readParameters();
    }

    @Override
    public final void setParameters(Parameters parameters) {
        ensureOpen();
        writeParameters(Objects.requireNonNull(parameters, "parameters").requireFits(spec));
    }

    @Override
    public final ForwardPass forward(Dataset points) {
        ensureOpen();
        return forward(points.features(spec.inputs()), points.size(), true);
    }

    @Override
    public final float[] predict(Dataset points) {
        ensureOpen();
        return forward(points.features(spec.inputs()), points.size(), false).output();
    }

    @Override
    public final ForwardPass outputs(Dataset points) {
        ensureOpen();
        return forward(points.features(spec.inputs()), points.size(), false);
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final synchronized void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /**
     * Throws when the model is closed.
     *
     * @throws IllegalStateException naming the backend
     */
    public final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this " + backendId + " model is closed");
        }
    }

    /** Reads every weight and bias from the engine. */
    protected abstract Parameters readParameters();

    /** Writes every weight and bias into the engine; {@code parameters} fit the spec. */
    protected abstract void writeParameters(Parameters parameters);

    /**
     * Runs the network in the engine over {@code count} points whose features are given row-major.
     *
     * <p>The result carries the engine's output logits ({@link ForwardPass#logits()}): the losses are
     * computed from them.
     *
     * @param withHidden whether the hidden activations are wanted; when not, the result's hidden
     *     list may be empty
     */
    protected abstract ForwardPass forward(float[] features, int count, boolean withHidden);

    /** Releases the engine memory; called once. */
    protected abstract void release();
}
