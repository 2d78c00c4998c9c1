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
    /**
     * Without alpha, the background is the colour of at least 3/5 of the border (with the colours
     * near it): half one colour and half another cannot be told apart.
     */
    static final int BORDER_SHARE_NUMERATOR = 3;
    /** The denominator of the border share above. */
    static final int BORDER_SHARE_DENOMINATOR = 5;
    /**
     * Colours within this CIELAB distance (ΔE*76) of the background are background: the noise of a
     * scan or a JPEG on flat paper (a step of 1 in each of red, green and blue is about 0.5); pale
     * inks (#f0f0f0 on white is 5.6, #ffe0e0 is 12) are not, some of them.
     */
    static final double BACKGROUND_TOLERANCE = 6;
    /** How many merged colours an explanation names before it only counts the rest. */
    private static final int NAMED_MERGES = 3;
    /** How many groups of border colours are told apart; the rest are counted together (bounded work). */
    private static final int MAX_BORDER_GROUPS = 64;

    private ColourClasses() {}

    /** An exact colour of drawn pixels: how many pixels have it, how many of them inside a flat region. */
    private record Colour(int rgb, long pixels, long interior) {}

    /** Colours near one another (within {@link #BACKGROUND_TOLERANCE} of the first, the most common). */
    private record ColourGroup(int rgb, double[] lab, long pixels) {}

    /**
     * Returns the drawing an image shows, read in colours.
     *
     * @param argb the image's pixels, row by row ({@link BufferedImage#getRGB(int, int, int, int, int[], int,
     *     int)})
     * @param coverage each pixel's coverage by today's rule (alpha, or ink darkness)
     * @param usedAlpha whether coverage came from the alpha channel
     * @throws InvalidDrawingException when there are more colours than classes may be, or an opaque
     *     drawing in colours has no background colour to tell them from
     */
    static DrawingReader.Reading read(BufferedImage image, int[] argb, String name, float[] coverage,
            boolean usedAlpha) {
        DrawingReader.Reading reading = byCoverageOrColours(image, argb, name, coverage, usedAlpha);
        if (usedAlpha) {
            return reading;
        }
        long[] pixels = reading.drawing().classPixels();
        boolean background = pixels[0] > 0;
        if (background && pixels[1] > 0) {
            // every class has pixels (in a reading in classes only the background can be empty: each ink class
            // holds its colour's pixels; in a reading of two, either)
            return reading;
        }
        // a class with no pixel, which no one can learn (the sampler refuses it): one light ink on white (nothing
        // drawn), or one dark ink on a dark board (all drawn); only drawings refused before are read otherwise
        DrawingReader.Reading oneInk = oneInkOnBorderColour(name, image.getWidth(), image.getHeight(), argb, background);
        return oneInk != null ? oneInk : reading;
    }

    private static DrawingReader.Reading byCoverageOrColours(BufferedImage image, int[] argb, String name,
            float[] coverage, boolean usedAlpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (allGrey(argb, coverage)) {
            return binary(name, w, h, coverage, "ink in black or greys", List.of(), List.of());
        }
        if (!usedAlpha) {
            DrawingReader.Reading onBackground = onBorderColour(name, w, h, argb);
            if (onBackground != null) {
                return onBackground;
            }
        }
        // with alpha, or one ink colour on an opaque background: drawn is what the coverage rule says
        boolean[] drawn = new boolean[argb.length];
        for (int i = 0; i < argb.length; i++) {
            drawn[i] = coverage[i] >= 0.5f;
        }
        List<Colour> regions = regionColours(argb, drawn, usedAlpha ? coverage : null, w, h);
        long n = (long) w * h;
        List<Colour> kept = new ArrayList<>();
        List<Colour> small = new ArrayList<>();
        split(regions, n, kept, small);
        if (kept.isEmpty()) {
            return binary(name, w, h, coverage, "no ink colour covers 0.5% of the drawing", small, kept);
        }
        if (kept.size() == 1) {
            return binary(name, w, h, coverage, "one ink colour, " + hex(kept.get(0).rgb()), small, kept);
        }
        checkClassCount(name, kept);
        return classes(name, w, h, argb, drawn, -1, kept, small);
    }

    /**
     * Returns the reading of an opaque drawing in one ink colour that its darkness leaves in one class,
     * the ink against the background its border shows, or {@code null} when no colour fills 3/5 of the
     * border or not exactly one ink colour fills a region.
     *
     * <p>Coverage is how far a pixel's colour lies from the background's towards the ink's, in sRGB
     * (its projection on the line between them, within [0, 1]): 1 in the ink, 0 on the paper, and on
     * an anti-aliased edge the share of ink that drawing programs (and Java2D) blended in sRGB, which is
     * the alpha the same drawing on a transparent background has. Soft labels are therefore those of
     * the transparent drawing.
     *
     * @param light whether no pixel was dark enough to be drawn (else every pixel was)
     */
    private static DrawingReader.Reading oneInkOnBorderColour(String name, int w, int h, int[] argb, boolean light) {
        Inks inks = inksOnBorderColour(argb, w, h, borderGroups(argb, w, h));
        if (inks == null || inks.kept().size() != 1) {
            return null;
        }
        int bg = inks.background().rgb();
        int ink = inks.kept().get(0).rgb();
        long dr = red(ink) - red(bg);
        long dg = green(ink) - green(bg);
        long db = blue(ink) - blue(bg);
        // not 0: the ink is more than the tolerance away from the background
        double norm = dr * dr + dg * dg + db * db;
        float[] coverage = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double along = (red(p) - red(bg)) * dr + (green(p) - green(bg)) * dg + (blue(p) - blue(bg)) * db;
            coverage[i] = (float) Math.min(1, Math.max(0, along / norm));
        }
        Drawing d = Drawing.of(name, w, h, coverage);
        String why = light
                // rounded down: an ink of darkness 0.499 is not shown as 0.50 < 0.5
                ? String.format(Locale.ROOT, "lighter than the darkness threshold (%.2f < 0.5)",
                        Math.floor(100 * darkness(ink)) / 100)
                : String.format(Locale.ROOT, "on a background as dark (darkness %.2f and %.2f, both >= 0.5)",
                        darkness(ink), darkness(bg));
        String s = "found 2 classes (one ink colour, " + hex(ink) + ", " + why + "): read as ink against the background "
                + hex(bg) + ", " + DrawingReader.shares(d);
        if (!inks.small().isEmpty()) {
            s += " (" + smallColours(inks.small(), argb.length) + ", each read by where it lies between the background"
                    + " and the ink)";
        }
        return new DrawingReader.Reading(d, s);
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }

    /** Returns the ink darkness of a colour, {@code 1 - luminance/255} (Rec. 601), as the reader has it. */
    private static double darkness(int rgb) {
        return 1 - (0.299 * red(rgb) + 0.587 * green(rgb) + 0.114 * blue(rgb)) / 255;
    }

    /**
     * Returns the reading of an opaque drawing in two ink colours or more (not all greys) on the
     * background its border shows, or {@code null} for a drawing in one colour, which is read by its
     * coverage as before.
     *
     * @throws InvalidDrawingException when the drawing is in three colours or more (whatever its
     *     background is, two of them are inks) and no colour fills 3/5 of its border
     */
    private static DrawingReader.Reading onBorderColour(String name, int w, int h, int[] argb) {
        List<ColourGroup> border = borderGroups(argb, w, h);
        Inks inks = inksOnBorderColour(argb, w, h, border);
        if (inks == null) {
            long borderPixels = 0;
            for (ColourGroup g : border) {
                borderPixels += g.pixels();
            }
            boolean[] all = new boolean[argb.length];
            Arrays.fill(all, true);
            List<Colour> kept = new ArrayList<>();
            split(regionColours(argb, all, null, w, h), (long) w * h, kept, new ArrayList<>());
            int colours = groups(kept).size();
            if (colours >= 3) {
                throw new InvalidDrawingException(String.format(Locale.ROOT,
                        "drawing %s is in %s colours and none of them fills 3/5 of its border to be the background"
                                + " (border: %s): draw on a transparent background, or read any ink as one class"
                                + " (--classes binary)",
                        name, colours < MAX_BORDER_GROUPS ? colours : colours + " or more",
                        borderShares(border, borderPixels)));
            }
            return null;
        }
        if (inks.kept().size() < 2 || allGrey(inks.kept())) {
            return null;
        }
        checkClassCount(name, inks.kept());
        return classes(name, w, h, argb, inks.drawn(), inks.background().rgb(), inks.kept(), inks.small());
    }

    /**
     * The inks of an opaque drawing against its border's colour.
     *
     * @param background the colours that fill 3/5 of the border
     * @param drawn which pixels are ink: further than {@link #BACKGROUND_TOLERANCE} from the background
     * @param kept the ink colours that fill a region and cover 0.5% of the drawing, most pixels first
     * @param small the ink colours that fill a region but cover less
     */
    private record Inks(ColourGroup background, boolean[] drawn, List<Colour> kept, List<Colour> small) {}

    /**
     * Returns the inks of an opaque drawing against the colour of its border, or {@code null} when
     * no colour fills 3/5 of the border.
     *
     * @param border the border's colour groups, most pixels first ({@link #borderGroups})
     */
    private static Inks inksOnBorderColour(int[] argb, int w, int h, List<ColourGroup> border) {
        long borderPixels = 0;
        for (ColourGroup g : border) {
            borderPixels += g.pixels();
        }
        ColourGroup background = border.get(0);
        if (background.pixels() * BORDER_SHARE_DENOMINATOR < borderPixels * BORDER_SHARE_NUMERATOR) {
            return null;
        }
        int bg = background.rgb();
        boolean[] drawn = new boolean[argb.length];
        double limit = BACKGROUND_TOLERANCE * BACKGROUND_TOLERANCE;
        Map<Integer, Boolean> near = new HashMap<>();
        int last = bg;
        boolean lastDrawn = false;
        for (int i = 0; i < argb.length; i++) {
            int rgb = argb[i] & 0xFFFFFF;
            if (rgb != last) {
                // drawings are runs of one colour: the map is asked once a run
                last = rgb;
                lastDrawn = near.computeIfAbsent(rgb,
                        c -> Cielab.distanceSquared(Cielab.of(c), background.lab()) > limit);
            }
            drawn[i] = lastDrawn;
        }
        List<Colour> kept = new ArrayList<>();
        List<Colour> small = new ArrayList<>();
        split(regionColours(argb, drawn, null, w, h), (long) w * h, kept, small);
        return new Inks(background, drawn, kept, small);
    }

    /** Puts the colours that cover at least 0.5% of {@code n} pixels in {@code kept}, the others in {@code small}. */
    private static void split(List<Colour> regions, long n, List<Colour> kept, List<Colour> small) {
        for (Colour c : regions) {
            (c.pixels() * MIN_SHARE_DENOMINATOR >= n ? kept : small).add(c);
        }
    }

    private static void checkClassCount(String name, List<Colour> kept) {
        if (kept.size() + 1 > NetworkSpec.MAX_CLASSES) {
            throw new InvalidDrawingException(String.format(Locale.ROOT,
                    "drawing %s has %d classes (%d colours that each cover at least 0.5%% of it, and the"
                            + " background); at most %d are allowed: draw with fewer colours, or read any ink as"
                            + " one class (--classes binary)",
                    name, kept.size() + 1, kept.size(), NetworkSpec.MAX_CLASSES));
        }
    }

    /**
     * Returns the colours of the image's border (its outermost pixels, each once) in groups of
     * colours near one another, most pixels first. A group is seeded by the most common colour not
     * yet in a group.
     */
    private static List<ColourGroup> borderGroups(int[] argb, int w, int h) {
        Map<Integer, long[]> counts = new HashMap<>();
        for (int col = 0; col < w; col++) {
            counts.computeIfAbsent(argb[col] & 0xFFFFFF, c -> new long[1])[0]++;
            counts.computeIfAbsent(argb[(h - 1) * w + col] & 0xFFFFFF, c -> new long[1])[0]++;
        }
        for (int row = 1; row < h - 1; row++) {
            counts.computeIfAbsent(argb[row * w] & 0xFFFFFF, c -> new long[1])[0]++;
            counts.computeIfAbsent(argb[row * w + w - 1] & 0xFFFFFF, c -> new long[1])[0]++;
        }
        List<Colour> colours = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : counts.entrySet()) {
            colours.add(new Colour(e.getKey(), e.getValue()[0], 0));
        }
        colours.sort(Comparator.comparingLong((Colour c) -> -c.pixels()).thenComparingInt(Colour::rgb));
        return groups(colours);
    }

    /**
     * Returns {@code colours} (most pixels first) in groups of colours within {@link
     * #BACKGROUND_TOLERANCE} of a group's first, most pixels first; past {@value #MAX_BORDER_GROUPS}
     * groups the rest are counted in the last.
     */
    private static List<ColourGroup> groups(List<Colour> colours) {
        double limit = BACKGROUND_TOLERANCE * BACKGROUND_TOLERANCE;
        List<int[]> seeds = new ArrayList<>();
        List<double[]> labs = new ArrayList<>();
        List<long[]> pixels = new ArrayList<>();
        for (Colour c : colours) {
            double[] lab = Cielab.of(c.rgb());
            int into = -1;
            for (int g = 0; g < labs.size() && into < 0; g++) {
                if (Cielab.distanceSquared(lab, labs.get(g)) <= limit) {
                    into = g;
                }
            }
            if (into < 0 && labs.size() < MAX_BORDER_GROUPS) {
                seeds.add(new int[] {c.rgb()});
                labs.add(lab);
                pixels.add(new long[1]);
                into = labs.size() - 1;
            } else if (into < 0) {
                into = labs.size() - 1;
            }
            pixels.get(into)[0] += c.pixels();
        }
        List<ColourGroup> groups = new ArrayList<>();
        for (int g = 0; g < labs.size(); g++) {
            groups.add(new ColourGroup(seeds.get(g)[0], labs.get(g), pixels.get(g)[0]));
        }
        // stable: of two groups as large, the one of the more common colour first
        groups.sort(Comparator.comparingLong((ColourGroup g) -> -g.pixels()));
        return groups;
    }

    /** Returns the border's colours as {@code #ffffff 50.0%, #e69f00 50.0%}, the first three and a count of the rest. */
    private static String borderShares(List<ColourGroup> border, long pixels) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMED_MERGES, border.size()); i++) {
            named.add(hex(border.get(i).rgb()) + " " + percent(border.get(i).pixels(), pixels));
        }
        return String.join(", ", named) + more(border.size());
    }

    /**
     * Returns the drawing of {@code kept}'s classes and the background, each pixel given to one.
     *
     * @param drawn which pixels are ink (the others are background)
     * @param background the background's colour when it is one (an opaque drawing), else -1: then
     *     it takes part in the nearest-colour choice of the pixels of no class's very colour
     */
    private static DrawingReader.Reading classes(String name, int w, int h, int[] argb, boolean[] drawn,
            int background, List<Colour> kept, List<Colour> small) {
        int k = kept.size();
        boolean coloured = background >= 0;
        double[][] labs = new double[coloured ? k + 1 : k][];
        Map<Integer, Integer> classOfColour = new HashMap<>();
        for (int c = 0; c < k; c++) {
            labs[c] = Cielab.of(kept.get(c).rgb());
            classOfColour.put(kept.get(c).rgb(), c + 1);
        }
        if (coloured) {
            labs[k] = Cielab.of(background);
        }
        // first the pixels of a class's very colour (and of the background's, when it has one), then each
        // other drawn pixel by its colour and the classes around it: a blend of two classes' colours can be
        // nearer to a third (purple and yellow blend to a brown nearer to teal than to either), but it lies
        // between the two it blends
        byte[] exact = new byte[argb.length];
        byte backgroundMark = (byte) (k + 1);
        int last = -1;
        byte lastClass = 0;
        for (int i = 0; i < argb.length; i++) {
            if (drawn[i]) {
                int rgb = argb[i] & 0xFFFFFF;
                if (rgb != last) {
                    last = rgb;
                    lastClass = (byte) (int) classOfColour.getOrDefault(rgb, 0);
                }
                exact[i] = lastClass;
            } else if (coloured) {
                exact[i] = backgroundMark;
            }
        }
        int[] map = new int[argb.length];
        Map<Long, Integer> nearest = new HashMap<>();
        long[] area = new long[k + 1];
        long blended = 0;
        for (int i = 0; i < argb.length; i++) {
            if (exact[i] > 0 && exact[i] != backgroundMark) {
                map[i] = exact[i];
            } else if (drawn[i]) {
                int rgb = argb[i] & 0xFFFFFF;
                int around = classesAround(exact, i, w, h);
                // an index past the inks' is the background's
                map[i] = nearest.computeIfAbsent(((long) rgb << Integer.SIZE) | around,
                        key -> (1 + nearestOf(Cielab.of(rgb), labs, around)) % (k + 1));
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
        s.append("found ").append(k + 1).append(" classes: background ");
        if (coloured) {
            s.append(hex(background)).append(' ');
        }
        s.append(percent(area[0], map.length));
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

    /** Returns whether every colour is a grey (red, green and blue equal). */
    private static boolean allGrey(List<Colour> colours) {
        for (Colour c : colours) {
            if (!isGrey(c.rgb())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isGrey(int rgb) {
        int r = (rgb >> 16) & 0xff;
        return r == ((rgb >> 8) & 0xff) && r == (rgb & 0xff);
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
     *
     * @param alpha the coverage when it is alpha (then only a fully opaque pixel is inside a
     *     region), else {@code null}
     */
    private static List<Colour> regionColours(int[] argb, boolean[] drawn, float[] alpha, int w, int h) {
        Map<Integer, long[]> counts = new HashMap<>();
        int last = 0;
        long[] lastCount = null;
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int i = row * w + col;
                if (!drawn[i]) {
                    continue;
                }
                int rgb = argb[i] & 0xFFFFFF;
                if (lastCount == null || rgb != last) {
                    // drawings are runs of one colour: the map is asked once a run
                    last = rgb;
                    lastCount = counts.computeIfAbsent(rgb, c -> new long[2]);
                }
                lastCount[0]++;
                boolean solid = alpha == null || alpha[i] == 1f;
                if (solid && sameAround(argb, col, row, w, h)) {
                    lastCount[1]++;
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

    /**
     * Returns the index of the colour in {@code labs} nearest to {@code lab}, among those in the bit
     * set {@code among} (all of them when it is empty); ties go to the lower index.
     */
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
