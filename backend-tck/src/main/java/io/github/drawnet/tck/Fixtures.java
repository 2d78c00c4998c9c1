package io.github.drawnet.tck;

import io.github.drawnet.api.BatchOrder;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.backend.reference.ReferenceNetwork;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/** Data the contract trains and checks on, made once per JVM. */
public final class Fixtures {

    private static final Map<String, DataSplits> SPLITS = new ConcurrentHashMap<>();

    private Fixtures() {}

    /** Returns the notebook-sized splits (5000/1000/10000) of a preset, seed 0. */
    public static DataSplits notebookSplits(Preset preset) {
        return SPLITS.computeIfAbsent(preset.id() + "/notebook",
                k -> Sampler.sample(preset.drawing(), SampleSizes.notebook(), 0));
    }

    /** Returns small splits of a preset: {@code train} training points, 200 validation, 200 test. */
    public static DataSplits smallSplits(Preset preset, int train, long seed) {
        return SPLITS.computeIfAbsent(preset.id() + "/" + train + "/" + seed,
                k -> Sampler.sample(preset.drawing(), new SampleSizes(train, 200, 200), seed));
    }

    /** Returns {@code n} random points of the unit square with random binary labels. */
    public static Dataset randomPoints(int n, long seed) {
        return classPoints(n, 2, seed, (r, x1, x2) -> r.nextBoolean() ? 1 : 0);
    }

    /** Returns {@code n} random points of the unit square with random class labels of {@code classes} classes. */
    public static Dataset randomClassPoints(int n, int classes, long seed) {
        return classPoints(n, classes, seed, (r, x1, x2) -> r.nextInt(classes));
    }

    /** How a point of {@link #classPoints} gets its class: from its place, or from the random source. */
    private interface Labeller {
        int classOf(SplittableRandom random, double x1, double x2);
    }

    /** Returns {@code n} uniformly random points, each drawn {@code x1}, {@code x2}, then labelled. */
    private static Dataset classPoints(int n, int classes, long seed, Labeller labeller) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble();
            x2[i] = r.nextDouble();
            y[i] = labeller.classOf(r, x1[i], x2[i]);
        }
        return Dataset.ofClasses(x1, x2, y, classes);
    }

    /**
     * Returns {@code n} random points labelled by region, {@code classes} classes: class 0 (the
     * background) within 0.3 of the centre, the other classes the equal sectors of the angle around
     * it, counter-clockwise from the positive {@code x1} axis. A problem a network of 16 hidden units
     * learns to well over 90%.
     */
    public static Dataset sectors(int n, int classes, long seed) {
        return classPoints(n, classes, seed, (r, x1, x2) -> sector(x1, x2, classes));
    }

    /** Returns the class of point {@code (x1, x2)} in {@link #sectors}. */
    public static int sector(double x1, double x2, int classes) {
        double dx = x1 - 0.5;
        double dy = x2 - 0.5;
        if (Math.hypot(dx, dy) < 0.3) {
            return 0;
        }
        double angle = Math.atan2(dy, dx) + Math.PI; // (0, 2 pi]
        return 1 + Math.min(classes - 2, (int) (angle / (2 * Math.PI) * (classes - 1)));
    }

    /**
     * Trains {@code reference} for {@code epochs} epochs on {@code train}, batch by batch in the order
     * {@link BatchOrder#forEpoch} gives, by calling its step directly: what every backend's trainer
     * must reproduce.
     */
    public static void trainReference(ReferenceNetwork reference, Dataset train, TrainingConfig config, int epochs) {
        int inputs = reference.spec().inputCount();
        float[] features = train.features(reference.spec().inputs());
        float[] labels = train.labelsAsFloats();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int[] order = BatchOrder.forEpoch(config, epoch, train.size());
            for (int start = 0; start < order.length; start += config.batchSize()) {
                int end = Math.min(order.length, start + config.batchSize());
                float[] xb = new float[(end - start) * inputs];
                float[] yb = new float[end - start];
                for (int k = start; k < end; k++) {
                    System.arraycopy(features, order[k] * inputs, xb, (k - start) * inputs, inputs);
                    yb[k - start] = labels[order[k]];
                }
                reference.step(xb, yb, config);
            }
        }
    }

    /**
     * Returns parameters for {@code spec} drawn uniformly from {@code [-scale, scale]}, larger than
     * PyTorch's initial ones so that every activation is exercised away from zero.
     */
    public static Parameters randomParameters(NetworkSpec spec, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        List<LayerParameters> layers = new ArrayList<>();
        for (int l = 0; l < spec.layerCount(); l++) {
            int in = spec.layerInputs(l);
            int out = spec.layerOutputs(l);
            float[] w = new float[in * out];
            float[] b = new float[out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) r.nextDouble(-scale, scale);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextDouble(-scale, scale);
            }
            layers.add(new LayerParameters(in, out, w, b));
        }
        return new Parameters(layers);
    }
}
