package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A drawing reduced to what the experiment needs: for every pixel, how much of it is covered by the
 * positive region, in [0, 1] (the notebook's alpha/255). Pixel rows run top to bottom as in the
 * image; the plane's coordinates are {@code x1 = col/(width-1)} left to right and {@code x2 =
 * (height-1-row)/(height-1)} bottom to top, as the notebook's {@code np.rot90(img, k=3)} has them.
 *
 * <p>A drawing in several colours ({@link #ofClasses}) also holds each pixel's class: 0 for the
 * background, 1.. for the colours, largest area first ({@link #classes()} names them and keeps their
 * colours). Its coverage is then 1 wherever a class other than the background is drawn. A drawing
 * read the notebook's way ({@link #of}) has two classes, undrawn and drawn, told apart by coverage.
 *
 * <p>Immutable and thread-safe.
 */
public final class Drawing {

    /** The smallest side of a drawing, in pixels. */
    public static final int MIN_SIDE = 2;
    /** The most pixels a drawing may have (4096 × 4096). */
    public static final long MAX_PIXELS = 4096L * 4096L;

    private final String name;
    private final int width;
    private final int height;
    private final float[] coverage;
    private final byte[] classMap;
    private final java.util.List<DrawingClass> classes;

    private Drawing(String name, int width, int height, float[] coverage) {
        this(name, width, height, coverage, null, java.util.List.of());
    }

    private Drawing(String name, int width, int height, float[] coverage, byte[] classMap,
            java.util.List<DrawingClass> classes) {
        this.name = name;
        this.width = width;
        this.height = height;
        this.coverage = coverage;
        this.classMap = classMap;
        this.classes = classes;
    }

    /**
     * Returns a drawing of several classes: each pixel's class, 0 the background.
     *
     * @param name the drawing's name
     * @param width its width in pixels
     * @param height its height in pixels
     * @param classMap each pixel's class, row by row from the top, in [0, classes.size())
     * @param classes the classes, the background first, 3 to {@value NetworkSpec#MAX_CLASSES}
     * @throws IllegalArgumentException when a size or a class is out of range, naming it
     */
    public static Drawing ofClasses(String name, int width, int height, int[] classMap,
            java.util.List<DrawingClass> classes) {
        Objects.requireNonNull(name, "name");
        checkSize(name, width, height);
        Checks.inRange("number of classes", classes.size(), 3, NetworkSpec.MAX_CLASSES);
        Checks.argument(classMap.length == width * height, "a %d x %d drawing needs %d class values, got %d",
                width, height, width * height, classMap.length);
        byte[] map = new byte[classMap.length];
        float[] coverage = new float[classMap.length];
        for (int i = 0; i < classMap.length; i++) {
            int k = classMap[i];
            if (k < 0 || k >= classes.size()) {
                throw new IllegalArgumentException("class[" + i + "] must be in [0, " + (classes.size() - 1)
                        + "], got " + k);
            }
            map[i] = (byte) k;
            coverage[i] = k == 0 ? 0 : 1;
        }
        return new Drawing(name, width, height, coverage, map, java.util.List.copyOf(classes));
    }

    /**
     * Returns the number of classes: 2 for a drawing read the notebook's way, else one per colour and
     * the background.
     */
    public int classCount() {
        return classMap == null ? 2 : classes.size();
    }

    /**
     * Returns the classes of a drawing in colours, the background first; empty for a two-class
     * drawing read the notebook's way.
     */
    public java.util.List<DrawingClass> classes() {
        return classes;
    }

    /**
     * Returns the class of a pixel: for a two-class drawing 1 where its coverage is at least 0.5.
     *
     * @param col the pixel's column, from the left
     * @param row the pixel's row, from the top
     */
    public int classOf(int col, int row) {
        return classMap == null ? (coverage(col, row) >= 0.5f ? 1 : 0) : classMap[row * width + col];
    }

    /** Returns how many pixels each class holds, indexed by class. */
    public long[] classPixels() {
        long[] n = new long[classCount()];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                n[classOf(col, row)]++;
            }
        }
        return n;
    }

    /**
     * Returns a drawing of the given coverage, row-major from the top row (copied).
     *
     * @throws IllegalArgumentException when a side is below {@value #MIN_SIDE}, there are more than
     *     {@link #MAX_PIXELS} pixels, the length does not match, or a value is outside [0, 1]
     */
    public static Drawing of(String name, int width, int height, float[] coverage) {
        Objects.requireNonNull(name, "name");
        checkSize(name, width, height);
        Checks.argument(coverage.length == width * height, "a %d x %d drawing needs %d coverage values, got %d",
                width, height, width * height, coverage.length);
        for (int i = 0; i < coverage.length; i++) {
            float c = coverage[i];
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("coverage[" + i + "] must be in [0, 1], got " + c);
            }
        }
        return new Drawing(name, width, height, coverage.clone());
    }

    /**
     * Checks that a {@code width × height} canvas can be sampled: each side at least {@value
     * #MIN_SIDE}, at most {@link #MAX_PIXELS} pixels.
     *
     * @throws IllegalArgumentException naming the drawing and its size otherwise
     */
    public static void checkSize(String name, long width, long height) {
        Checks.argument(width >= MIN_SIDE && height >= MIN_SIDE,
                "drawing %s is %d x %d pixels; each side must be at least %d", name, width, height, MIN_SIDE);
        Checks.argument(width * height <= MAX_PIXELS,
                "drawing %s is %d x %d = %d pixels; at most %d (4096 x 4096) are allowed", name, width, height,
                width * height, MAX_PIXELS);
    }

    /** Returns the drawing's name: a preset name or the file it was read from. */
    public String name() {
        return name;
    }

    /** Returns the width in pixels. */
    public int width() {
        return width;
    }

    /** Returns the height in pixels. */
    public int height() {
        return height;
    }

    /** Returns the coverage of the pixel at column {@code col} and row {@code row} (row 0 on top). */
    public float coverage(int col, int row) {
        return coverage[row * width + col];
    }

    /** Returns a copy of all coverage values, row-major from the top row. */
    public float[] coverage() {
        return coverage.clone();
    }

    /** Returns the coordinate {@code x1} of column {@code col}. */
    public double x1OfColumn(int col) {
        return col / (double) (width - 1);
    }

    /** Returns the coordinate {@code x2} of row {@code row}. */
    public double x2OfRow(int row) {
        return (height - 1 - row) / (double) (height - 1);
    }

    /** Returns the coverage of the pixel nearest to the point {@code (x1, x2)}. */
    public float coverageAt(double x1, double x2) {
        int col = (int) Math.round(x1 * (width - 1));
        int row = height - 1 - (int) Math.round(x2 * (height - 1));
        return coverage(Math.min(width - 1, Math.max(0, col)), Math.min(height - 1, Math.max(0, row)));
    }

    /** Returns the share of pixels whose coverage is at least 0.5. */
    public double positiveShare() {
        int n = 0;
        for (float c : coverage) {
            if (c >= 0.5f) {
                n++;
            }
        }
        return n / (double) coverage.length;
    }

    /**
     * Returns the hex SHA-256 of the drawing's size and coverage quantised to bytes (round(255 c)),
     * the drawing's identity in provenance: the same picture gives the same hash whatever its file
     * name or PNG encoding.
     */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((width + "x" + height + ";").getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = new byte[coverage.length];
            for (int i = 0; i < coverage.length; i++) {
                bytes[i] = (byte) Math.round(coverage[i] * 255f);
            }
            if (classMap != null) {
                // a drawing in colours: its classes and their colours too (a two-class hash is unchanged)
                md.update(bytes);
                bytes = classMap;
                for (DrawingClass c : classes) {
                    md.update((c.name() + "=" + c.hex() + ";").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Drawing && ((Drawing) o).width == width && ((Drawing) o).height == height
                && java.util.Arrays.equals(((Drawing) o).coverage, coverage)
                && java.util.Arrays.equals(((Drawing) o).classMap, classMap)
                && ((Drawing) o).classes.equals(classes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(coverage) * 31 + width;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Drawing[%s, %d x %d, %.1f%% positive]", name, width, height,
                100 * positiveShare());
    }
}
