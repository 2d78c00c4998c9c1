package io.github.drawnet.sampling;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.internal.InputFiles;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a drawing from an image (PNG, or any format the JDK reads) into a {@link Drawing}.
 *
 * <p>Where the image has an alpha channel that is not fully opaque, coverage is alpha/255: the
 * notebook's convention (its canvas paints opaque ink on a transparent background). Otherwise
 * coverage is ink darkness, {@code 1 - luminance/255} with Rec. 601 weights, so dark ink on a light
 * background reads as the region; greyscale images too. Any canvas size from 2 × 2 up to {@link
 * Drawing#MAX_PIXELS} pixels is accepted; the size is checked before the pixels are decoded.
 *
 * <p>Thread-safe (stateless).
 */
public final class DrawingReader {

    private DrawingReader() {}

    /**
     * Reads the drawing in {@code file}, named by its file name.
     *
     * @throws InvalidDrawingException when the file is missing, a directory, unreadable, not an
     *     image, truncated, or too large
     */
    public static Drawing read(Path file) {
        String problem = InputFiles.problem(file, "a PNG file");
        if (problem != null) {
            throw new InvalidDrawingException("drawing file " + InputFiles.name(file) + " " + problem);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new InvalidDrawingException("cannot read drawing " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a drawing from {@code in} (not closed), naming it {@code name}.
     *
     * @throws InvalidDrawingException when the bytes are not an image, are truncated, or the image is
     *     too large
     */
    public static Drawing read(InputStream in, String name) {
        BufferedImage image = decode(in, name);
        return fromImage(image, name);
    }

    /**
     * Reads a drawing from {@code in}, refusing images of more than {@code maxPixels} pixels before
     * decoding them (a server takes drawings from the network and bounds what one request costs).
     *
     * @throws InvalidDrawingException when the bytes are not an image, are truncated, or the image
     *     has more than {@code maxPixels} pixels
     */
    public static Drawing read(InputStream in, String name, long maxPixels) {
        BufferedImage image = decode(in, name, maxPixels);
        return fromImage(image, name);
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
                    throw new InvalidDrawingException(String.format(java.util.Locale.ROOT,
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
     * Returns the drawing an image shows: alpha/255 where the image has a not fully opaque alpha
     * channel, ink darkness otherwise.
     *
     * @throws InvalidDrawingException when the image is too small or too large
     */
    public static Drawing fromImage(BufferedImage image, String name) {
        int w = image.getWidth();
        int h = image.getHeight();
        checkSize(name, w, h);
        float[] coverage = new float[w * h];
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
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    double lum = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                    coverage[y * w + x] = (float) Math.min(1, Math.max(0, 1 - lum / 255));
                }
            }
        }
        return Drawing.of(name, w, h, coverage);
    }

    private static boolean isGrey(ColorModel model) {
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel);
    }
}
