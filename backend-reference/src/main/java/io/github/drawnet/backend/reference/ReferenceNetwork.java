package io.github.drawnet.backend.reference;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The network in plain Java, double precision: the oracle every backend is checked against.
 *
 * <p>Forward: {@code a0 = x}; {@code z_l = a_{l-1} W_l^T + b_l}; {@code a_l = act(z_l)} for hidden
 * layers; output {@code p = sigmoid(z_L)}. Loss of a batch of {@code B} points: mean binary
 * cross-entropy from the logit, {@code max(z,0) - y z + log(1 + e^-|z|)}, whose gradient with respect
 * to {@code z} is {@code (sigmoid(z) - y) / B}. With {@code K > 2} classes the output is the softmax of
 * {@code K} logits and the loss the mean cross-entropy {@code logsumexp(z) - z_y} (PyTorch's
 * {@code CrossEntropyLoss}), whose gradient is {@code (softmax(z) - onehot(y)) / B}. Backward by the chain rule. Updates with PyTorch's
 * semantics: {@code g += λ w} (weight decay, all parameters) and {@code g += l1 · sign(w)} (the L1
 * penalty {@code l1 Σ|w|}'s gradient, all parameters, 0 at w = 0), then SGD {@code w -= lr g}, or Adam
 * {@code m = β1 m + (1-β1) g}, {@code v = β2 v + (1-β2) g²}, {@code w -= lr/(1-β1^t) · m /
 * (sqrt(v)/sqrt(1-β2^t) + ε)}.
 *
 * <p>Not thread-safe.
 */
public final class ReferenceNetwork {

    private final NetworkSpec spec;
    private final double[][][] w; // [layer][out][in]
    private final double[][] b; // [layer][out]
    private double[][][] mw;
    private double[][] mb;
    private double[][][] vw;
    private double[][] vb;
    private long step;

    /** Creates the network holding {@code p}, with a fresh optimizer state. */
    public ReferenceNetwork(NetworkSpec spec, Parameters p) {
        this.spec = spec;
        p.requireFits(spec);
        int layers = spec.layerCount();
        w = new double[layers][][];
        b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            LayerParameters lp = p.layer(l);
            w[l] = new double[lp.outputs()][lp.inputs()];
            b[l] = new double[lp.outputs()];
            for (int o = 0; o < lp.outputs(); o++) {
                for (int i = 0; i < lp.inputs(); i++) {
                    w[l][o][i] = lp.weight(o, i);
                }
                b[l][o] = lp.bias(o);
            }
        }
        resetOptimizer();
    }

    /** Returns the network's shape. */
    public NetworkSpec spec() {
        return spec;
    }

    /** Forgets the optimizer's moments and step count. */
    public void resetOptimizer() {
        mw = zerosLike(w);
        vw = zerosLike(w);
        mb = zerosLike(b);
        vb = zerosLike(b);
        step = 0;
    }

    /** Returns the parameters, rounded to float. */
    public Parameters parameters() {
        return toParameters(w, b);
    }

    /** Replaces the parameters. */
    public void setParameters(Parameters p) {
        ReferenceNetwork copy = new ReferenceNetwork(spec, p);
        for (int l = 0; l < w.length; l++) {
            w[l] = copy.w[l];
            b[l] = copy.b[l];
        }
    }

    /** Returns the optimizer state, rounded to float. */
    public OptimizerState optimizerState(Optimizer optimizer) {
        return switch (optimizer) {
            case ADAM -> new OptimizerState(optimizer, step, List.of(toParameters(mw, mb), toParameters(vw, vb)));
            case SGD -> new OptimizerState(optimizer, step, List.of());
        };
    }

    /** Replaces the optimizer state. */
    public void setOptimizerState(OptimizerState state) {
        step = state.step();
        // a switch expression, so that a new optimizer must say how its state is restored
        int restored = switch (state.optimizer()) {
            case ADAM -> setMoments(state.slots().get(0), state.slots().get(1));
            case SGD -> {
                resetOptimizer();
                step = state.step();
                yield 0;
            }
        };
    }

    /** Replaces Adam's first and second moments, and returns the number of moment arrays replaced. */
    private int setMoments(Parameters first, Parameters second) {
        ReferenceNetwork m = new ReferenceNetwork(spec, first);
        ReferenceNetwork v = new ReferenceNetwork(spec, second);
        mw = m.w;
        mb = m.b;
        vw = v.w;
        vb = v.b;
        return 4;
    }

    /** The result of a forward pass: pre-activations and activations of every layer. */
    public static final class Pass {
        final double[][][] z; // [layer][point][unit]
        final double[][][] a; // [layer][point][unit]; a[L-1] holds output probabilities

        Pass(double[][][] z, double[][][] a) {
            this.z = z;
            this.a = a;
        }

        /** Returns the output probability of point {@code p}. */
        public double output(int p) {
            return a[a.length - 1][p][0];
        }

        /** Returns the output logit of point {@code p}. */
        public double logit(int p) {
            return z[z.length - 1][p][0];
        }

        /** Returns output {@code k} of point {@code p}: a class's probability for K > 2 classes. */
        public double output(int p, int k) {
            return a[a.length - 1][p][k];
        }

        /** Returns the logit of output {@code k} at point {@code p}. */
        public double logit(int p, int k) {
            return z[z.length - 1][p][k];
        }

        /** Returns the activation of hidden layer {@code layer}, unit {@code unit}, at point {@code p}. */
        public double hidden(int layer, int p, int unit) {
            return a[layer][p][unit];
        }
    }

    /** Runs the network over points given row-major as {@code count × inputs} features. */
    public Pass forward(float[] features, int count) {
        int layers = w.length;
        int in = spec.inputCount();
        double[][] x = new double[count][in];
        for (int p = 0; p < count; p++) {
            for (int i = 0; i < in; i++) {
                x[p][i] = features[p * in + i];
            }
        }
        double[][][] z = new double[layers][][];
        double[][][] a = new double[layers][][];
        double[][] prev = x;
        Activation act = spec.activation();
        for (int l = 0; l < layers; l++) {
            int outs = w[l].length;
            z[l] = new double[count][outs];
            a[l] = new double[count][outs];
            boolean output = l == layers - 1;
            for (int p = 0; p < count; p++) {
                for (int o = 0; o < outs; o++) {
                    double s = b[l][o];
                    double[] row = w[l][o];
                    for (int i = 0; i < row.length; i++) {
                        s += row[i] * prev[p][i];
                    }
                    z[l][p][o] = s;
                    a[l][p][o] = output ? Activation.sigmoid(s) : act.apply(s);
                }
                if (output && outs > 1) {
                    softmax(z[l][p], a[l][p]);
                }
            }
            prev = a[l];
        }
        return new Pass(z, a);
    }

    /** The outcome of one optimizer step. */
    public record StepResult(double loss, int correct) {}

    /**
     * Takes one optimizer step on a batch: forward, mean BCE loss, backward, update.
     *
     * @param features the batch's features, row-major
     * @param labels the batch's labels
     * @return the batch's mean loss before the update and how many points were counted correct
     */
    public StepResult step(float[] features, float[] labels, TrainingConfig config) {
        int count = labels.length;
        int layers = w.length;
        Pass pass = forward(features, count);
        double loss = 0;
        int correct = 0;
        int k = spec.outputCount();
        double[][] delta = new double[count][k];
        for (int p = 0; p < count; p++) {
            if (k == 1) {
                double zz = pass.logit(p);
                double y = labels[p];
                loss += Math.max(zz, 0) - y * zz + StrictMath.log1p(StrictMath.exp(-Math.abs(zz)));
                if ((zz >= 0 ? 1.0 : 0.0) == y) {
                    correct++;
                }
                delta[p][0] = (Activation.sigmoid(zz) - y) / count;
            } else {
                // softmax cross-entropy: loss = logsumexp(z) - z_y, gradient softmax(z) - onehot(y)
                double[] zz = pass.z[layers - 1][p];
                int y = (int) labels[p];
                double max = Double.NEGATIVE_INFINITY;
                int best = 0;
                for (int j = 0; j < k; j++) {
                    if (zz[j] > zz[best]) {
                        best = j;
                    }
                    max = Math.max(max, zz[j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += StrictMath.exp(zz[j] - max);
                }
                loss += max + StrictMath.log(sum) - zz[y];
                if (best == y) {
                    correct++;
                }
                for (int j = 0; j < k; j++) {
                    delta[p][j] = (pass.a[layers - 1][p][j] - (j == y ? 1 : 0)) / count;
                }
            }
        }
        loss /= count;

        double[][][] gw = zerosLike(w);
        double[][] gb = zerosLike(b);
        int in = spec.inputCount();
        for (int l = layers - 1; l >= 0; l--) {
            int outs = w[l].length;
            int ins = w[l][0].length;
            for (int p = 0; p < count; p++) {
                for (int o = 0; o < outs; o++) {
                    double d = delta[p][o];
                    gb[l][o] += d;
                    for (int i = 0; i < ins; i++) {
                        double prev = l == 0 ? features[p * in + i] : pass.a[l - 1][p][i];
                        gw[l][o][i] += d * prev;
                    }
                }
            }
            if (l > 0) {
                double[][] next = new double[count][ins];
                for (int p = 0; p < count; p++) {
                    for (int i = 0; i < ins; i++) {
                        double s = 0;
                        for (int o = 0; o < outs; o++) {
                            s += delta[p][o] * w[l][o][i];
                        }
                        next[p][i] = s * spec.activation().derivative(pass.z[l - 1][p][i], pass.a[l - 1][p][i]);
                    }
                }
                delta = next;
            }
        }
        apply(gw, gb, config);
        return new StepResult(loss, correct);
    }

    private void apply(double[][][] gw, double[][] gb, TrainingConfig c) {
        step++;
        double lr = c.learningRate();
        double wd = c.weightDecay();
        double l1 = c.l1();
        double bc1 = 1 - StrictMath.pow(Optimizer.ADAM_BETA1, step);
        double bc2 = 1 - StrictMath.pow(Optimizer.ADAM_BETA2, step);
        for (int l = 0; l < w.length; l++) {
            for (int o = 0; o < w[l].length; o++) {
                for (int i = 0; i < w[l][o].length; i++) {
                    double g = penalised(gw[l][o][i], w[l][o][i], wd, l1);
                    w[l][o][i] = update(c.optimizer(), w[l][o][i], g, mw[l][o], vw[l][o], i, lr, bc1, bc2);
                }
                double g = penalised(gb[l][o], b[l][o], wd, l1);
                b[l][o] = update(c.optimizer(), b[l][o], g, mb[l], vb[l], o, lr, bc1, bc2);
            }
        }
    }

    /**
     * Returns a parameter's gradient with the weight decay's {@code wd·θ} and the L1 penalty's {@code
     * l1·sign(θ)} (0 at θ = 0) added, on weights and biases alike; the L1 term only when {@code l1 > 0},
     * so that a run without L1 is the same to the last bit as before L1 existed.
     */
    private static double penalised(double grad, double value, double wd, double l1) {
        double g = grad + wd * value;
        return l1 > 0 ? g + l1 * Math.signum(value) : g;
    }

    private static double update(Optimizer opt, double value, double g, double[] m, double[] v, int k, double lr,
            double bc1, double bc2) {
        return switch (opt) {
            case ADAM -> {
                m[k] = Optimizer.ADAM_BETA1 * m[k] + (1 - Optimizer.ADAM_BETA1) * g;
                v[k] = Optimizer.ADAM_BETA2 * v[k] + (1 - Optimizer.ADAM_BETA2) * g * g;
                double denom = Math.sqrt(v[k]) / Math.sqrt(bc2) + Optimizer.ADAM_EPSILON;
                yield value - lr / bc1 * m[k] / denom;
            }
            case SGD -> value - lr * g;
        };
    }

    private static void softmax(double[] z, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            out[j] = StrictMath.exp(z[j] - max);
            sum += out[j];
        }
        for (int j = 0; j < z.length; j++) {
            out[j] /= sum;
        }
    }

    private static double[][][] zerosLike(double[][][] x) {
        double[][][] out = new double[x.length][][];
        for (int l = 0; l < x.length; l++) {
            out[l] = zerosLike(x[l]);
        }
        return out;
    }

    private static double[][] zerosLike(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
        }
        return out;
    }

    private static Parameters toParameters(double[][][] w, double[][] b) {
        List<LayerParameters> layers = new ArrayList<>();
        for (int l = 0; l < w.length; l++) {
            int outs = w[l].length;
            int ins = w[l][0].length;
            float[] fw = new float[outs * ins];
            float[] fb = new float[outs];
            for (int o = 0; o < outs; o++) {
                for (int i = 0; i < ins; i++) {
                    fw[o * ins + i] = (float) w[l][o][i];
                }
                fb[o] = (float) b[l][o];
            }
            layers.add(new LayerParameters(ins, outs, fw, fb));
        }
        return new Parameters(layers);
    }
}
