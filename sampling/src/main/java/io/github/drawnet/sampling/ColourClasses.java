package io.github.drawnet.sampling;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.NetworkSpec;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the classes of a drawing in colours ({@link DrawingReader} describes the rule) and assigns
 * every pixel to one of them. Package-private: the reader is its only caller.
 */
final class ColourClasses {

    /** A colour is a class when it covers at least this share of the drawing (1/200 = 0.5%). */
    static final int MIN_SHARE_DENOMINATOR = 200;
    /** How many merged colours an explanation names before it only counts the rest. */
    private static final int NAMED_MERGES = 3;

    private ColourClasses() {}

    /** An exact colour of drawn pixels: how many pixels have it, how many of them inside a flat region. */
    private record Colour(int rgb, long pixels, long interior) {}

    /**
     * Returns the drawing an image shows, read in colours.
     *
     * @param coverage each pixel's coverage by today's rule (alpha, or ink darkness)
     * @param usedAlpha whether coverage came from the alpha channel
     */
    static DrawingReader.Reading read(BufferedImage image, String name, float[] coverage, boolean usedAlpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        if (allGrey(argb, coverage)) {
            return binary(name, w, h, coverage, "ink in black or greys", List.of(), List.of());
        }
        List<Colour> regions = regionColours(argb, coverage, usedAlpha, w, h);
        long n = (long) w * h;
        List<Colour> kept = new ArrayList<>();
        List<Colour> small = new ArrayList<>();
        for (Colour c : regions) {
            (c.pixels() * MIN_SHARE_DENOMINATOR >= n ? kept : small).add(c);
        }
        if (kept.isEmpty()) {
            return binary(name, w, h, coverage, "no ink colour covers 0.5% of the drawing", small, kept);
        }
        if (kept.size() == 1) {
            return binary(name, w, h, coverage, "one ink colour, " + hex(kept.get(0).rgb()), small, kept);
        }
        if (kept.size() + 1 > NetworkSpec.MAX_CLASSES) {
            throw new InvalidDrawingException(String.format(Locale.ROOT,
                    "drawing %s has %d classes (%d colours that each cover at least 0.5%% of it, and the"
                            + " background); at most %d are allowed: draw with fewer colours, or read any ink as"
                            + " one class (--classes binary)",
                    name, kept.size() + 1, kept.size(), NetworkSpec.MAX_CLASSES));
        }
        return classes(name, w, h, argb, coverage, kept, small);
    }

    private static DrawingReader.Reading classes(String name, int w, int h, int[] argb, float[] coverage,
            List<Colour> kept, List<Colour> small) {
        int k = kept.size();
        double[][] labs = new double[k][];
        Map<Integer, Integer> classOfColour = new HashMap<>();
        for (int c = 0; c < k; c++) {
            labs[c] = Cielab.of(kept.get(c).rgb());
            classOfColour.put(kept.get(c).rgb(), c + 1);
        }
        // first the pixels of a class's very colour, then each other drawn pixel by its colour and the classes
        // around it: a blend of two classes' colours can be nearer to a third (purple and yellow blend to a
        // brown nearer to teal than to either), but it lies between the two it blends
        byte[] exact = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            if (coverage[i] >= 0.5f) {
                exact[i] = (byte) (int) classOfColour.getOrDefault(argb[i] & 0xFFFFFF, 0);
            }
        }
        int[] map = new int[argb.length];
        Map<Long, Integer> nearest = new HashMap<>();
        long[] area = new long[k + 1];
        long blended = 0;
        for (int i = 0; i < argb.length; i++) {
            if (exact[i] != 0) {
                map[i] = exact[i];
            } else if (coverage[i] >= 0.5f) {
                int rgb = argb[i] & 0xFFFFFF;
                int around = classesAround(exact, i, w, h);
                map[i] = nearest.computeIfAbsent(((long) rgb << 8) | around,
                        key -> 1 + nearestOf(Cielab.of(rgb), labs, around));
                blended++;
            }
            area[map[i]]++;
        }
        // classes by their area once every pixel has one, largest first (ties: the larger exact colour first)
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c + 1;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer c) -> -area[c]).thenComparingInt(c -> c));
        int[] renumber = new int[k + 1];
        List<DrawingClass> classes = new ArrayList<>();
        classes.add(DrawingClass.background());
        for (int c = 0; c < k; c++) {
            renumber[order[c]] = c + 1;
            classes.add(DrawingClass.ofColour(kept.get(order[c] - 1).rgb()));
        }
        for (int i = 0; i < map.length; i++) {
            map[i] = renumber[map[i]];
        }
        Drawing drawing = Drawing.ofClasses(name, w, h, map, classes);
        StringBuilder s = new StringBuilder();
        s.append("found ").append(k + 1).append(" classes: background ").append(percent(area[0], map.length));
        for (int c = 0; c < k; c++) {
            s.append(", ").append(hex(kept.get(order[c] - 1).rgb())).append(' ')
                    .append(percent(area[order[c]], map.length));
        }
        List<String> notes = new ArrayList<>();
        if (blended > 0) {
            notes.add("edge pixels in blended colours (" + percent(blended, map.length) + ") given to the nearest class");
        }
        if (!small.isEmpty()) {
            notes.add(merges(small, kept, map.length));
        }
        if (!notes.isEmpty()) {
            s.append(" (").append(String.join("; ", notes)).append(')');
        }
        return new DrawingReader.Reading(drawing, s.toString());
    }

    private static DrawingReader.Reading binary(String name, int w, int h, float[] coverage, String why,
            List<Colour> small, List<Colour> kept) {
        Drawing d = Drawing.of(name, w, h, coverage);
        String s = "found 2 classes (" + why + "): read as the notebook does, " + DrawingReader.shares(d);
        if (!small.isEmpty()) {
            s += " (" + (kept.isEmpty() ? smallColours(small, w * (long) h) : merges(small, kept, w * (long) h)) + ")";
        }
        return new DrawingReader.Reading(d, s);
    }

    /** Returns whether every pixel with ink in it is a grey (red, green and blue equal). */
    private static boolean allGrey(int[] argb, float[] coverage) {
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            if (coverage[i] > 0 && (r != ((p >> 8) & 0xff) || r != (p & 0xff))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the exact colours of drawn pixels that fill a region somewhere (a fully covered pixel
     * whose eight neighbours have its very colour), most pixels first. The colours anti-aliasing
     * blends at an edge never do: an edge is one pixel across, so every blended pixel has a neighbour
     * of another colour.
     */
    private static List<Colour> regionColours(int[] argb, float[] coverage, boolean usedAlpha, int w, int h) {
        Map<Integer, long[]> counts = new HashMap<>();
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int i = row * w + col;
                if (coverage[i] < 0.5f) {
                    continue;
                }
                long[] c = counts.computeIfAbsent(argb[i] & 0xFFFFFF, rgb -> new long[2]);
                c[0]++;
                boolean solid = !usedAlpha || coverage[i] == 1f;
                int p = argb[i];
                if (solid && sameAround(argb, col, row, w, h)) {
                    c[1]++;
                }
            }
        }
        List<Colour> colours = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : counts.entrySet()) {
            if (e.getValue()[1] > 0) {
                colours.add(new Colour(e.getKey(), e.getValue()[0], e.getValue()[1]));
            }
        }
        colours.sort(Comparator.comparingLong((Colour c) -> -c.pixels()).thenComparingInt(Colour::rgb));
        return colours;
    }

    /**
     * Returns the classes whose very colour is among the eight neighbours of pixel {@code i}, as a
     * bit set (bit {@code c - 1} for class {@code c}).
     */
    private static int classesAround(byte[] exact, int i, int w, int h) {
        int row = i / w;
        int col = i % w;
        int around = 0;
        for (int r = Math.max(0, row - 1); r <= Math.min(h - 1, row + 1); r++) {
            for (int c = Math.max(0, col - 1); c <= Math.min(w - 1, col + 1); c++) {
                int k = exact[r * w + c];
                if (k > 0) {
                    around |= 1 << (k - 1);
                }
            }
        }
        return around;
    }

    /**
     * Returns the index of the colour in {@code labs} nearest to {@code lab}, among those in the bit
     * set {@code among} (all of them when it is empty); ties go to the lower index.
     */
    /** Returns whether the (up to eight) neighbours of a pixel all have its very colour and alpha. */
    private static boolean sameAround(int[] argb, int col, int row, int w, int h) {
        int p = argb[row * w + col];
        for (int r = Math.max(0, row - 1); r <= Math.min(h - 1, row + 1); r++) {
            for (int c = Math.max(0, col - 1); c <= Math.min(w - 1, col + 1); c++) {
                if (argb[r * w + c] != p) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int nearestOf(double[] lab, double[][] labs, int among) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < labs.length; c++) {
            if (among != 0 && (among & (1 << c)) == 0) {
                continue;
            }
            double d = Cielab.distanceSquared(lab, labs[c]);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static String merges(List<Colour> small, List<Colour> kept, long pixels) {
        double[][] labs = new double[kept.size()][];
        for (int c = 0; c < kept.size(); c++) {
            labs[c] = Cielab.of(kept.get(c).rgb());
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMED_MERGES, small.size()); i++) {
            Colour c = small.get(i);
            named.add(hex(c.rgb()) + " " + percent(c.pixels(), pixels) + " into "
                    + hex(kept.get(nearestOf(Cielab.of(c.rgb()), labs, 0)).rgb()));
        }
        return small.size() + (small.size() == 1 ? " colour" : " colours") + " under 0.5% merged: "
                + String.join(", ", named) + more(small.size());
    }

    private static String smallColours(List<Colour> small, long pixels) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMED_MERGES, small.size()); i++) {
            named.add(hex(small.get(i).rgb()) + " " + percent(small.get(i).pixels(), pixels));
        }
        return small.size() + (small.size() == 1 ? " colour" : " colours") + " under 0.5%: "
                + String.join(", ", named) + more(small.size());
    }

    private static String more(int count) {
        return count > NAMED_MERGES ? " and " + (count - NAMED_MERGES) + " more" : "";
    }

    /** Returns {@code part} as a percentage of {@code whole} to one decimal; a share that would show as 0.0% is {@code <0.1%}. */
    static String percent(long part, long whole) {
        if (part > 0 && part * 2000 < whole) {
            return "<0.1%";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }
}
