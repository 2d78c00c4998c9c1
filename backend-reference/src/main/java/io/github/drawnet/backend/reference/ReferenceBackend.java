package io.github.drawnet.backend.reference;

import io.github.drawnet.api.spi.AbstractModel;
import io.github.drawnet.api.spi.AbstractTrainer;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ReferenceNetwork} behind the {@link Backend} interface, id {@code reference}: the oracle the
 * contract compares against and the floor benchmarks measure engines against. Registered with {@link
 * java.util.ServiceLoader} like the engines, with the lowest {@link #priority()}, so it is chosen by
 * default only when no engine on the classpath runs on this platform. It needs no native library: it
 * {@linkplain #supportsPlatform() runs anywhere}, and {@link #newModel} never throws {@link
 * io.github.drawnet.api.BackendUnavailableException}.
 *
 * <p>Thread-safe; its models and trainers are not.
 */
public final class ReferenceBackend implements Backend {

    /** The backend's id. */
    public static final String ID = "reference";
    /** The backend's priority: below every engine's. */
    public static final int PRIORITY = -100;

    @Override
    public String id() {
        return ID;
    }

    /** Returns {@value #PRIORITY}: ranked after every engine. */
    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public String displayName() {
        return "plain-Java reference network (double precision)";
    }

    @Override
    public String engineVersion() {
        return "Java " + Runtime.version();
    }

    @Override
    public Model newModel(NetworkSpec spec, Parameters initial) {
        return new ReferenceModel(spec, initial.requireFits(spec));
    }

    @Override
    public Trainer newTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation) {
        Checks.argument(model instanceof ReferenceModel, "the reference backend cannot train a model of backend %s",
                model.backendId());
        return new ReferenceTrainer((ReferenceModel) model, config, train, validation);
    }

    /** A model held by a {@link ReferenceNetwork}. */
    static final class ReferenceModel extends AbstractModel {
        final ReferenceNetwork network;

        ReferenceModel(NetworkSpec spec, Parameters initial) {
            super(ID, spec);
            network = new ReferenceNetwork(spec, initial);
        }

        @Override
        protected Parameters readParameters() {
            return network.parameters();
        }

        @Override
        protected void writeParameters(Parameters parameters) {
            network.setParameters(parameters);
        }

        @Override
        protected ForwardPass forward(float[] features, int count, boolean withHidden) {
            ReferenceNetwork.Pass pass = network.forward(features, count);
            int k = spec().outputCount();
            float[] out = new float[count * k];
            float[] logits = new float[count * k];
            for (int p = 0; p < count; p++) {
                for (int j = 0; j < k; j++) {
                    out[p * k + j] = (float) pass.output(p, j);
                    logits[p * k + j] = (float) pass.logit(p, j);
                }
            }
            List<LayerActivations> hidden = new ArrayList<>();
            if (withHidden) {
                for (int l = 0; l < spec().hidden().size(); l++) {
                    int units = spec().hidden().get(l);
                    float[] v = new float[count * units];
                    for (int p = 0; p < count; p++) {
                        for (int u = 0; u < units; u++) {
                            v[p * units + u] = (float) pass.hidden(l, p, u);
                        }
                    }
                    hidden.add(new LayerActivations(units, v));
                }
            }
            return new ForwardPass(out, hidden, logits, k);
        }

        @Override
        protected void release() {
            // nothing native to free
        }
    }

    /** Trains a {@link ReferenceModel} batch by batch. */
    static final class ReferenceTrainer extends AbstractTrainer {
        private final ReferenceNetwork network;
        private final float[] features;
        private final float[] labels;
        private final int inputs;

        ReferenceTrainer(ReferenceModel model, TrainingConfig config, Dataset train, Dataset validation) {
            super(model, config, train, validation);
            this.network = model.network;
            this.network.resetOptimizer();
            this.features = train.features(model.spec().inputs());
            this.labels = train.labelsAsFloats();
            this.inputs = model.spec().inputCount();
        }

        @Override
        protected EpochTotals trainBatches(int[] order) {
            int batch = config().batchSize();
            double lossSum = 0;
            long correct = 0;
            double largest = Double.NEGATIVE_INFINITY;
            for (int start = 0; start < order.length; start += batch) {
                int end = Math.min(order.length, start + batch);
                float[] xb = new float[(end - start) * inputs];
                float[] yb = new float[end - start];
                for (int k = start; k < end; k++) {
                    System.arraycopy(features, order[k] * inputs, xb, (k - start) * inputs, inputs);
                    yb[k - start] = labels[order[k]];
                }
                ReferenceNetwork.StepResult r = network.step(xb, yb, config());
                lossSum += r.loss() * (end - start);
                correct += r.correct();
                largest = Double.isNaN(r.loss()) || Double.isNaN(largest) ? Double.NaN : Math.max(largest, r.loss());
            }
            return new EpochTotals(lossSum, correct, order.length, largest);
        }

        @Override
        protected OptimizerState readOptimizerState() {
            return network.optimizerState(config().optimizer());
        }

        @Override
        protected void writeOptimizerState(OptimizerState state) {
            network.setOptimizerState(state);
        }

        @Override
        protected void release() {
            // nothing native to free
        }
    }
}
