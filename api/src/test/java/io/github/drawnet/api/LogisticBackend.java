package io.github.drawnet.api;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.spi.AbstractModel;
import io.github.drawnet.api.spi.AbstractTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * A test double built on the SPI's base classes: logistic regression in plain Java (no hidden
 * layer), trained by plain gradient steps whatever the optimizer (the optimizer's state is kept as
 * zero moments and a step count, enough for the lifecycle). It lets this module test {@link
 * Experiment}, {@link Experiments} and the SPI without an engine.
 */
class LogisticBackend implements Backend {

    static final String ID = "logistic";

    /** Models made, to check that every one is closed; synchronized, as a sweep makes them from several threads. */
    final List<Model> made = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "logistic regression (test double)";
    }

    @Override
    public String engineVersion() {
        return "test";
    }

    @Override
    public Model newModel(NetworkSpec spec, Parameters initial) {
        Model m = new LogisticModel(spec, initial.requireFits(spec));
        made.add(m);
        return m;
    }

    @Override
    public Trainer newTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation) {
        return new LogisticTrainer((LogisticModel) model, config, train, validation);
    }

    static final class LogisticModel extends AbstractModel {
        float[] w;
        float b;

        LogisticModel(NetworkSpec spec, Parameters initial) {
            super(ID, spec);
            if (!spec.hidden().isEmpty()) {
                throw new IllegalArgumentException("the logistic test double has no hidden layer");
            }
            writeParameters(initial);
        }

        @Override
        protected Parameters readParameters() {
            return new Parameters(List.of(new LayerParameters(w.length, 1, w.clone(), new float[] {b})));
        }

        @Override
        protected void writeParameters(Parameters p) {
            w = p.layer(0).weights();
            b = p.layer(0).bias(0);
        }

        double p(float[] x, int at) {
            double z = b;
            for (int i = 0; i < w.length; i++) {
                z += w[i] * x[at * w.length + i];
            }
            return Activation.sigmoid(z);
        }

        @Override
        protected ForwardPass forward(float[] features, int count, boolean withHidden) {
            float[] out = new float[count];
            for (int k = 0; k < count; k++) {
                out[k] = (float) p(features, k);
            }
            return new ForwardPass(out, List.of());
        }

        @Override
        protected void release() {
            w = null;
        }
    }

    static final class LogisticTrainer extends AbstractTrainer {
        private final LogisticModel model;
        private final float[] x;
        private final float[] y;
        private long step;

        LogisticTrainer(LogisticModel model, TrainingConfig config, Dataset train, Dataset validation) {
            super(model, config, train, validation);
            this.model = model;
            this.x = train.features(model.spec().inputs());
            this.y = train.labelsAsFloats();
        }

        @Override
        protected EpochTotals trainBatches(int[] order) {
            int n = model.w.length;
            double lossSum = 0;
            long correct = 0;
            for (int start = 0; start < order.length; start += config().batchSize()) {
                int end = Math.min(order.length, start + config().batchSize());
                double[] gw = new double[n];
                double gb = 0;
                for (int k = start; k < end; k++) {
                    int i = order[k];
                    double p = model.p(x, i);
                    lossSum -= y[i] * Math.log(Math.max(p, 1e-12)) + (1 - y[i]) * Math.log(Math.max(1 - p, 1e-12));
                    correct += (p >= 0.5) == (y[i] >= 0.5) ? 1 : 0;
                    for (int j = 0; j < n; j++) {
                        gw[j] += (p - y[i]) * x[i * n + j];
                    }
                    gb += p - y[i];
                }
                int size = end - start;
                for (int j = 0; j < n; j++) {
                    model.w[j] -= (float) (config().learningRate() * gw[j] / size);
                }
                model.b -= (float) (config().learningRate() * gb / size);
                step++;
            }
            return new EpochTotals(lossSum, correct, order.length);
        }

        @Override
        protected OptimizerState readOptimizerState() {
            Parameters zeros = model.parameters().zeros();
            List<Parameters> slots = new ArrayList<>();
            for (int s = 0; s < config().optimizer().stateSlots(); s++) {
                slots.add(zeros);
            }
            return new OptimizerState(config().optimizer(), step, slots);
        }

        @Override
        protected void writeOptimizerState(OptimizerState state) {
            step = state.step();
        }

        @Override
        protected void release() {
            // nothing to free
        }
    }
}
