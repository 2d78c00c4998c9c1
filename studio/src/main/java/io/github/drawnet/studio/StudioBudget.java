package io.github.drawnet.studio;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.Setting;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.DrawingReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The studio's budget: what one web page may ask of the server, the one policy of the studio that is
 * smaller than the library's limits (which the command line and the library's callers get). A page
 * is anyone who can reach the server, and its run is meant to stay interactive, so a request may not
 * hold a shared server's cores or memory for hours: at most {@value #MAX_POINTS} points per split
 * (the library: {@value SampleSizes#MAX}), {@value #MAX_EPOCHS} epochs per start or continue (the
 * library: {@value TrainingConfig#MAX_EPOCHS}) and {@value #MAX_PIXELS} pixels per drawing (the
 * library: {@link Drawing#MAX_PIXELS}). Every check of these is here, and each message says that
 * the bound is the studio's and what the library allows. The page learns the numbers from {@code
 * /api/info} ("limits").
 */
final class StudioBudget {

    /** The most points of one split a page may ask for. */
    static final int MAX_POINTS = 100_000;
    /** The most epochs a page may ask for at once (a start, or a continue). */
    static final int MAX_EPOCHS = 5_000;
    /** The most pixels of a drawing a page may send (1024 x 1024). */
    static final long MAX_PIXELS = 1024L * 1024;

    /** The settings the budget bounds, with the studio's bound and the library's. */
    private static final Map<Setting, long[]> BOUNDS = Map.of(
            Setting.TRAIN_SIZE, new long[] {MAX_POINTS, SampleSizes.MAX},
            Setting.VALIDATION_SIZE, new long[] {MAX_POINTS, SampleSizes.MAX},
            Setting.TEST_SIZE, new long[] {MAX_POINTS, SampleSizes.MAX},
            Setting.EPOCHS, new long[] {MAX_EPOCHS, TrainingConfig.MAX_EPOCHS});

    private StudioBudget() {}

    /**
     * Refuses a page's whole-number value of {@code setting} beyond the studio's budget; text that is
     * not a whole number, and settings the budget does not bound, are the library's parser's to judge.
     *
     * @throws InvalidSettingException {@code "epochs must be in [1, 5000] in the studio, got 5001 (...)"}
     */
    static void check(Setting setting, String text) {
        long[] bound = BOUNDS.get(setting);
        if (bound == null || text == null) {
            return;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v < 1 || v > bound[0]) {
                throw new InvalidSettingException(setting, refusal(bound[0], Long.toString(v), bound[1]));
            }
        } catch (NumberFormatException e) {
            // not a whole number: the parser says so
        }
    }

    /**
     * Returns the epochs of a continue if the budget allows them.
     *
     * @param sent the value as the page sent it, for the message
     * @throws StudioException (400) naming the bound, the value and why
     */
    static int continueEpochs(int epochs, String sent) {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new StudioException(400, Setting.EPOCHS.label() + refusal(MAX_EPOCHS, sent, TrainingConfig.MAX_EPOCHS));
        }
        return epochs;
    }

    /**
     * Refuses a drawing of more pixels than the budget allows.
     *
     * @param what the drawing, as the message names it ({@code drawing drawing.png})
     * @throws StudioException (400) naming the drawing's size, the bound and why
     */
    static void pixels(String what, long width, long height) {
        if (width * height > MAX_PIXELS) {
            throw new StudioException(400, String.format(Locale.ROOT, "%s is %d x %d = %d pixels; at most %d (1024 x"
                    + " 1024) are allowed in the studio (%s %d)", what, width, height, width * height, MAX_PIXELS, WHY,
                    Drawing.MAX_PIXELS));
        }
    }

    /**
     * Decodes a page's drawing, refusing one beyond the budget from its header, before its pixels are
     * decoded (what a request costs is bounded before it is paid).
     *
     * @throws StudioException (400) when it has too many pixels
     * @throws io.github.drawnet.sampling.InvalidDrawingException when it is not a readable image
     */
    static BufferedImage decode(byte[] png, String name) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(iis, true, true);
                    pixels("drawing " + name, reader.getWidth(0), reader.getHeight(0));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            // not an image, or a broken header: the library's reader says so, in its words
        }
        return DrawingReader.decode(new ByteArrayInputStream(png), name);
    }

    private static final String WHY = "its budget for one page, so a page's run stays interactive; drawnet run allows up to";

    private static String refusal(long max, String sent, long library) {
        return String.format(Locale.ROOT, " must be in [1, %d] in the studio, got %s (%s %d)", max, sent, WHY, library);
    }
}
