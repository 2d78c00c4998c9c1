package io.github.drawnet.sampling;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.internal.InputFiles;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a drawing from an image (PNG, or any format the JDK reads) into a {@link Drawing}.
 *
 * <p><b>Coverage, the notebook's rule.</b> Where the image has an alpha channel that is not fully
 * opaque, coverage is alpha/255: the notebook's convention (its canvas paints opaque ink on a
 * transparent background). Otherwise coverage is ink darkness, {@code 1 - luminance/255} with Rec. 601
 * weights, so dark ink on a light background reads as the region; greyscale images too. A pixel of
 * coverage below 0.5 is background. Any canvas size from 2 × 2 up to {@link Drawing#MAX_PIXELS}
 * pixels is accepted; the size is checked before the pixels are decoded.
 *
 * <p><b>Classes, in colours ({@link ClassReading#AUTO}, the default).</b> The background is class 0.
 * What is background depends on the image:
 * <ul>
 *   <li>with an alpha channel that is not fully opaque, the pixels of coverage below 0.5 (as above);
 *   <li>without one (or fully opaque), a colour: the most common colour of the image's border (its
 *       outermost pixels), together with the colours within ΔE*76 6 of it in CIELAB (the noise of
 *       a scan or a JPEG on flat paper), when they fill at least 3/5 of the border: white paper,
 *       yellow paper, a dark board. Every pixel of any other colour, dark or light, is drawn.
 * </ul>
 * An ink colour is a class when
 * <ol>
 *   <li>it fills a region somewhere: at least one drawn pixel (fully opaque, where alpha is used)
 *       whose eight neighbours have exactly its colour (a region at least three pixels across).
 *       Anti-aliasing blends a colour with the background and with its neighbours, but only along
 *       edges one pixel across, so its blended colours never do, however many pixels they add up to;
 *       and
 *   <li>its exact colour covers at least 0.5% of the drawing; a colour that fills a region but
 *       covers less is merged into the class nearest to it in CIELAB.
 * </ol>
 * Every other drawn pixel (an anti-aliased edge, a merged colour) goes to the class whose colour is
 * nearest to its own in CIELAB (sRGB made linear, CIE XYZ with the D65 white, L*a*b*; ΔE*76), among
 * the classes whose very colour is beside it (all of them when none is), ties to the larger class;
 * where the background is a colour, it is one of those classes, so an edge between ink and paper goes
 * to whichever of the two its colour is nearer. Classes are numbered by the area they end up with,
 * largest first, named by their colour ({@code #rrggbb}), which they keep in figures. With two or more
 * such colours, not all of them greys, the drawing is a drawing of classes ({@link Drawing#ofClasses});
 * up to {@value NetworkSpec#MAX_CLASSES} classes with the background, more are refused. With one (or
 * none), or when every pixel with ink in it is a grey (black ink, a greyscale image), the drawing is
 * read exactly as the notebook reads it ({@link Drawing#of}, coverage as above, whatever the
 * background's colour): any ink is the positive class. But an opaque drawing that this leaves in one
 * class, which cannot be learned (no pixel half dark, as one orange or pale yellow ink on white; or
 * every pixel, as one dark ink on a dark board), is read against its border's colour when that is the
 * background as above and exactly one other colour fills a region: that colour is the ink, and a
 * pixel's coverage is how far its colour lies from the background's towards the ink's in sRGB (1 in
 * the ink, 0 on the paper, the blended share on an anti-aliased edge: the alpha the same drawing has
 * on a transparent background, so soft labels are that drawing's). Only drawings refused before are
 * read so; a greyscale image is always read the notebook's way. An opaque drawing in three colours or more
 * (two of them inks, whichever is the background) whose border no colour fills 3/5 of is refused,
 * naming the border's colours. {@link ClassReading#BINARY} reads every drawing the notebook's way.
 *
 * <p>Thread-safe (stateless).
 */
public final class DrawingReader {

    private DrawingReader() {}

    /**
     * What reading a drawing found, and why, in one line for people.
     *
     * @param drawing the drawing
     * @param explanation how many classes were found and why, for example {@code found 3 classes:
     *     background 61.2%, #e4572e 24.0%, #2e86ab 14.8%}, or {@code found 2 classes (one ink colour,
     *     #000000): read as the notebook does, background 76.6%, ink 23.4%}
     */
    public record Reading(Drawing drawing, String explanation) {

        /** Checks that neither part is missing. */
        public Reading {
            Objects.requireNonNull(drawing, "drawing");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * Reads the drawing in {@code file}, named by its file name, in colours ({@link ClassReading#AUTO}).
     *
     * @throws InvalidDrawingException when the file is missing, a directory, unreadable, not an
     *     image, truncated, too large, in more colours than there may be classes, or opaque in colours
     *     with no background colour to be told from its border
     */
    public static Drawing read(Path file) {
        return read(file, ClassReading.DEFAULT);
    }

    /**
     * Reads the drawing in {@code file}, named by its file name, its classes found as {@code classes}
     * says.
     *
     * @throws InvalidDrawingException when the file is missing, a directory, unreadable, not an
     *     image, truncated, too large, in more colours than there may be classes, or opaque in colours
     *     with no background colour to be told from its border
     */
    public static Drawing read(Path file, ClassReading classes) {
        return readExplained(file, classes).drawing();
    }

    /**
     * Reads the drawing in {@code file}, named by its file name, and says what classes it found.
     *
     * @throws InvalidDrawingException when the file is missing, a directory, unreadable, not an
     *     image, truncated, too large, in more colours than there may be classes, or opaque in colours
     *     with no background colour to be told from its border
     */
    public static Reading readExplained(Path file, ClassReading classes) {
        Objects.requireNonNull(classes, "classes");
        String problem = InputFiles.problem(file, "a PNG file");
        if (problem != null) {
            throw new InvalidDrawingException("drawing file " + InputFiles.name(file) + " " + problem);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return fromImageExplained(decode(in, file.getFileName().toString()), file.getFileName().toString(),
                    classes);
        } catch (IOException e) {
            throw new InvalidDrawingException("cannot read drawing " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a drawing from {@code in} (not closed), naming it {@code name}, in colours.
     *
     * @throws InvalidDrawingException when the bytes are not an image, are truncated, the image is
     *     too large, it is in more colours than there may be classes, or opaque in colours with no
     *     background colour to be told from its border
     */
    public static Drawing read(InputStream in, String name) {
        return read(in, name, ClassReading.DEFAULT);
    }

    /**
     * Reads a drawing from {@code in} (not closed), naming it {@code name}, its classes found as
     * {@code classes} says.
     *
     * @throws InvalidDrawingException when the bytes are not an image, are truncated, the image is
     *     too large, it is in more colours than there may be classes, or opaque in colours with no
     *     background colour to be told from its border
     */
    public static Drawing read(InputStream in, String name, ClassReading classes) {
        return fromImage(decode(in, name), name, classes);
    }

    /**
     * Reads a drawing from {@code in} in colours, refusing images of more than {@code maxPixels}
     * pixels before decoding them (a server takes drawings from the network and bounds what one
     * request costs).
     *
     * @throws InvalidDrawingException when the bytes are not an image, are truncated, the image has
     *     more than {@code maxPixels} pixels, it is in more colours than there may be classes, or opaque in
     *     colours with no background colour to be told from its border
     */
    public static Drawing read(InputStream in, String name, long maxPixels) {
        return readExplained(in, name, maxPixels, ClassReading.DEFAULT).drawing();
    }

    /**
     * Reads a drawing from {@code in}, refusing images of more than {@code maxPixels} pixels before
     * decoding them, and says what classes it found.
     *
     * @throws InvalidDrawingException when the bytes are not an image, are truncated, the image has
     *     more than {@code maxPixels} pixels, it is in more colours than there may be classes, or opaque in
     *     colours with no background colour to be told from its border
     */
    public static Reading readExplained(InputStream in, String name, long maxPixels, ClassReading classes) {
        Objects.requireNonNull(classes, "classes");
        return fromImageExplained(decode(in, name, maxPixels), name, classes);
    }

    /**
     * Decodes an image, checking its size before its pixels.
     *
     * @throws InvalidDrawingException when the bytes are not a readable image or it is too large
     */
    public static BufferedImage decode(InputStream in, String name) {
        return decode(in, name, Drawing.MAX_PIXELS);
    }

    private static BufferedImage decode(InputStream in, String name, long maxPixels) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(new BufferedInputStream(in))) {
            if (iis == null) {
                throw new InvalidDrawingException("cannot read drawing " + name);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new InvalidDrawingException("drawing " + name + " is not an image (expected a PNG file)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkSize(name, width, height);
                if ((long) width * height > maxPixels) {
                    throw new InvalidDrawingException(String.format(Locale.ROOT,
                            "drawing %s is %d x %d = %d pixels; at most %d are allowed here", name, width, height,
                            (long) width * height, maxPixels));
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InvalidDrawingException("drawing " + name + " holds no image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (InvalidDrawingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt data with IOExceptions and, for some damage, runtime exceptions
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InvalidDrawingException("drawing " + name + " is not a readable image (truncated or corrupt?): "
                    + why.lines().findFirst().orElse(why), e);
        }
    }

    private static void checkSize(String name, long width, long height) {
        try {
            Drawing.checkSize(name, width, height);
        } catch (IllegalArgumentException e) {
            throw new InvalidDrawingException(e.getMessage());
        }
    }

    /**
     * Returns the drawing an image shows, in colours: alpha/255 where the image has a not fully
     * opaque alpha channel, ink darkness otherwise.
     *
     * @throws InvalidDrawingException when the image is too small or too large, in more colours than
     *     there may be classes, or opaque in colours with no background colour to be told from its
     *     border
     */
    public static Drawing fromImage(BufferedImage image, String name) {
        return fromImage(image, name, ClassReading.DEFAULT);
    }

    /**
     * Returns the drawing an image shows, its classes found as {@code classes} says.
     *
     * @throws InvalidDrawingException when the image is too small or too large, in more colours than
     *     there may be classes, or opaque in colours with no background colour to be told from its
     *     border
     */
    public static Drawing fromImage(BufferedImage image, String name, ClassReading classes) {
        return fromImageExplained(image, name, classes).drawing();
    }

    /**
     * Returns the drawing an image shows, its classes found as {@code classes} says, and what was
     * found.
     *
     * @throws InvalidDrawingException when the image is too small or too large, in more colours than
     *     there may be classes, or opaque in colours with no background colour to be told from its
     *     border
     */
    public static Reading fromImageExplained(BufferedImage image, String name, ClassReading classes) {
        Objects.requireNonNull(classes, "classes");
        int w = image.getWidth();
        int h = image.getHeight();
        checkSize(name, w, h);
        float[] coverage = new float[w * h];
        int[] argb = null;
        boolean usedAlpha = false;
        if (image.getColorModel().hasAlpha()) {
            Raster alpha = image.getAlphaRaster();
            boolean opaque = true;
            int max = (1 << image.getColorModel().getComponentSize(image.getColorModel().getNumComponents() - 1)) - 1;
            if (alpha != null) {
                int[] row = new int[w];
                for (int y = 0; y < h; y++) {
                    alpha.getSamples(0, y, w, 1, 0, row);
                    for (int x = 0; x < w; x++) {
                        coverage[y * w + x] = row[x] / (float) max;
                        opaque &= row[x] == max;
                    }
                }
            } else {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int a = image.getRGB(x, y) >>> 24;
                        coverage[y * w + x] = a / 255f;
                        opaque &= a == 255;
                    }
                }
            }
            usedAlpha = !opaque;
        }
        if (!usedAlpha && isGrey(image.getColorModel())) {
            // a grey image's samples are the values people drew; getRGB would pass them through Java's linear
            // grey colour space and brighten them (a stored 128 would read as 188)
            Raster raster = image.getRaster();
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    coverage[y * w + x] = 1 - row[x] / (float) max;
                }
            }
        } else if (!usedAlpha) {
            // once for the coverage and the colours: through the colour model, getRGB is most of a read's time
            argb = argb(image);
            for (int i = 0; i < argb.length; i++) {
                int rgb = argb[i];
                double lum = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                coverage[i] = (float) Math.min(1, Math.max(0, 1 - lum / 255));
            }
        }
        if (isGrey(image.getColorModel())) {
            Drawing d = Drawing.of(name, w, h, coverage);
            return new Reading(d, "found 2 classes (a greyscale image): read as the notebook does, " + shares(d));
        }
        return switch (classes) {
            case BINARY -> {
                Drawing d = Drawing.of(name, w, h, coverage);
                yield new Reading(d, "read 2 classes, as asked (binary): any ink is the positive class, " + shares(d));
            }
            case AUTO -> ColourClasses.read(image, argb != null ? argb : argb(image), name, coverage, usedAlpha);
        };
    }

    /** Returns the shares of a two-class drawing's classes, {@code background 76.6%, ink 23.4%}. */
    static String shares(Drawing d) {
        double ink = d.positiveShare();
        return String.format(Locale.ROOT, "background %.1f%%, ink %.1f%%", 100 * (1 - ink), 100 * ink);
    }

    /**
     * Returns the image's pixels as {@link BufferedImage#getRGB(int, int, int, int, int[], int, int)}
     * does, row by row. What PNGs decode to (8-bit sRGB samples, with or without a straight alpha)
     * is read from the raster's samples, which are those very values: through the colour model, one
     * pixel at a time, getRGB took most of the time of reading a large drawing.
     */
    static int[] argb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel model = image.getColorModel();
        int bands = model.getNumComponents();
        boolean plain = model instanceof ComponentColorModel && model.getColorSpace().isCS_sRGB()
                && model.getTransferType() == DataBuffer.TYPE_BYTE && !model.isAlphaPremultiplied()
                && (bands == 3 && !model.hasAlpha() || bands == 4 && model.hasAlpha())
                && image.getRaster().getNumBands() == bands;
        for (int c = 0; plain && c < bands; c++) {
            plain = model.getComponentSize(c) == 8;
        }
        if (!plain) {
            return image.getRGB(0, 0, w, h, null, 0, w);
        }
        int[] argb = new int[w * h];
        int[] row = new int[w * bands];
        Raster raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0, j = 0; x < w; x++, j += bands) {
                int a = bands == 4 ? row[j + 3] : 0xFF;
                argb[y * w + x] = a << 24 | row[j] << 16 | row[j + 1] << 8 | row[j + 2];
            }
        }
        return argb;
    }

    private static boolean isGrey(ColorModel model) {
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel);
    }
}
