package io.github.drawnet.tck;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.SampleSizes;
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
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble();
            x2[i] = r.nextDouble();
            y[i] = r.nextBoolean() ? 1 : 0;
        }
        return Dataset.of(x1, x2, y);
    }

    /** Returns {@code n} random points of the unit square with random class labels of {@code classes} classes. */
    public static Dataset randomClassPoints(int n, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble();
            x2[i] = r.nextDouble();
            y[i] = r.nextInt(classes);
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
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble();
            x2[i] = r.nextDouble();
            y[i] = sector(x1[i], x2[i], classes);
        }
        return Dataset.ofClasses(x1, x2, y, classes);
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
