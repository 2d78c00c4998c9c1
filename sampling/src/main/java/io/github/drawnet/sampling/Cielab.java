package io.github.drawnet.sampling;

/**
 * CIELAB coordinates of sRGB colours, for telling which class colour a blended pixel is closest to
 * as people see it: sRGB is made linear, taken to CIE XYZ with the D65 white point, and from there to
 * L*a*b*; distance there (ΔE*76) follows perceived difference far better than distance in RGB.
 */
final class Cielab {

    // the D65 reference white in XYZ (Y = 1)
    private static final double XN = 0.95047;
    private static final double ZN = 1.08883;
    private static final double DELTA = 6.0 / 29.0;

    private Cielab() {}

    /** Returns {@code {L*, a*, b*}} of the sRGB colour {@code 0xRRGGBB}. */
    static double[] of(int rgb) {
        double r = linear((rgb >> 16) & 0xff);
        double g = linear((rgb >> 8) & 0xff);
        double b = linear(rgb & 0xff);
        double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        double fx = f(x / XN);
        double fy = f(y);
        double fz = f(z / ZN);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    /** Returns the squared distance between two L*a*b* colours (ΔE*76 squared). */
    static double distanceSquared(double[] p, double[] q) {
        double dl = p[0] - q[0];
        double da = p[1] - q[1];
        double db = p[2] - q[2];
        return dl * dl + da * da + db * db;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4.0 / 29.0;
    }
}
