package io.github.drawnet.viz;

/**
 * Places points by their hidden activations in two dimensions, for "what the hidden layer sees": one
 * or two units directly; more through their two principal components, refitted each time but with
 * each component's sign and order aligned to the previous fit, so the picture moves smoothly from
 * epoch to epoch instead of flipping.
 *
 * <p>The studio keeps one per run, fed each epoch; the report uses a fresh one for its single picture.
 *
 * <p>Not thread-safe.
 */
public final class HiddenProjection {

    private double[][] previous;

    /** Forgets the previous fit (a new run). */
    public void reset() {
        previous = null;
    }

    /**
     * Returns the points' two coordinates, {@code [2][n]}, from activations {@code values} of {@code
     * units} units per point (point-major).
     *
     * @throws IllegalArgumentException when {@code units} is not positive or does not divide the values
     */
    public double[][] project(float[] values, int units) {
        if (units < 1 || values.length % units != 0) {
            throw new IllegalArgumentException("activations of " + units + " units per point cannot be "
                    + values.length + " values");
        }
        int n = values.length / units;
        double[][] xy = new double[2][n];
        if (units <= 2) {
            for (int i = 0; i < n; i++) {
                xy[0][i] = values[i * units];
                xy[1][i] = units == 2 ? values[i * units + 1] : 0;
            }
            return xy;
        }
        double[] mean = new double[units];
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < units; u++) {
                mean[u] += values[i * units + u];
            }
        }
        for (int u = 0; u < units; u++) {
            mean[u] /= n;
        }
        double[][] cov = new double[units][units];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < units; a++) {
                double da = values[i * units + a] - mean[a];
                for (int b = a; b < units; b++) {
                    cov[a][b] += da * (values[i * units + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < units; a++) {
            for (int b = a; b < units; b++) {
                cov[a][b] /= Math.max(1, n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        double[][] comps = topTwo(cov);
        comps = align(comps, previous);
        previous = comps;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int u = 0; u < units; u++) {
                    s += (values[i * units + u] - mean[u]) * comps[c][u];
                }
                xy[c][i] = s;
            }
        }
        return xy;
    }

    /**
     * Returns the points' coordinates scaled to [0, 1] each (a coordinate with no spread at 0.5);
     * non-finite values at 0.5.
     */
    public static double[][] unitScaled(double[][] xy) {
        double[][] out = new double[xy.length][];
        for (int c = 0; c < xy.length; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : xy[c]) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            out[c] = new double[xy[c].length];
            for (int i = 0; i < xy[c].length; i++) {
                double v = xy[c][i];
                out[c][i] = !Double.isFinite(v) || !(hi - lo > 1e-9) ? 0.5 : (v - lo) / (hi - lo);
            }
        }
        return out;
    }

    /** Returns {@code comps} reordered and sign-flipped to lie closest to {@code prev}. */
    static double[][] align(double[][] comps, double[][] prev) {
        if (prev == null || prev[0].length != comps[0].length) {
            return comps;
        }
        double keep = Math.abs(dot(comps[0], prev[0])) + Math.abs(dot(comps[1], prev[1]));
        double swap = Math.abs(dot(comps[1], prev[0])) + Math.abs(dot(comps[0], prev[1]));
        double[][] out = swap > keep ? new double[][] {comps[1].clone(), comps[0].clone()}
                : new double[][] {comps[0].clone(), comps[1].clone()};
        for (int c = 0; c < 2; c++) {
            if (dot(out[c], prev[c]) < 0) {
                for (int u = 0; u < out[c].length; u++) {
                    out[c][u] = -out[c][u];
                }
            }
        }
        return out;
    }

    /** Returns the two leading eigenvectors of a symmetric matrix (power iteration with deflation). */
    static double[][] topTwo(double[][] m) {
        int k = m.length;
        double[][] a = new double[k][];
        for (int i = 0; i < k; i++) {
            a[i] = m[i].clone();
        }
        double[][] out = new double[2][];
        for (int c = 0; c < 2; c++) {
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                v[i] = 1.0 / Math.sqrt(k) + 1e-3 * (i + 1) * (c + 1);
            }
            double lambda = 0;
            for (int it = 0; it < 300; it++) {
                double[] w = new double[k];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        w[i] += a[i][j] * v[j];
                    }
                }
                double norm = Math.sqrt(dot(w, w));
                if (norm < 1e-15) {
                    break;
                }
                for (int i = 0; i < k; i++) {
                    w[i] /= norm;
                }
                double change = 1 - Math.abs(dot(w, v));
                v = w;
                lambda = norm;
                if (change < 1e-12) {
                    break;
                }
            }
            double len = Math.sqrt(dot(v, v));
            for (int i = 0; i < k; i++) {
                v[i] /= len;
            }
            out[c] = v;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] -= lambda * v[i] * v[j];
                }
            }
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
