package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drawings in colours on an opaque background (no alpha, as most drawing programs export them): the
 * background is the border's colour, and every other colour, light or dark, is ink.
 */
final class DrawingReaderBackgroundTest {

    static final int ORANGE = 0xe69f00;
    static final int PURPLE = 0x7b3294;
    static final int TEAL = 0x008080;
    static final int CRIMSON = 0xdc143c;
    static final int WHITE = 0xffffff;
    static final int LIGHT_YELLOW = 0xfff3b0;
    static final int NAVY = 0x1f2a44;

    /** The areas drawn by {@link #fourColours}, in pixels. */
    static final double ORANGE_AREA = 120 * 110;
    static final double CRIMSON_AREA = 100 * 90;
    static final double PURPLE_AREA = Math.PI * 50 * 50;
    static final double TEAL_AREA = Math.PI * 45 * 45;

    /** A 256 x 256 opaque canvas of {@code paper}, painted anti-aliased by {@code painter}. */
    static BufferedImage onPaper(int paper, Consumer<Graphics2D> painter) {
        return onPaper(256, 256, paper, painter);
    }

    static BufferedImage onPaper(int w, int h, int paper, Consumer<Graphics2D> painter) {
        return DrawingReaderClassesTest.canvas(w, h, BufferedImage.TYPE_INT_RGB, g -> {
            g.setColor(new Color(paper));
            g.fillRect(0, 0, w, h); // whole pixels: anti-aliasing leaves the paper exact
            painter.accept(g);
        });
    }

    /**
     * The user's drawing: an orange rectangle (a fifth of the picture), a crimson one, a purple and a
     * teal disc, apart from one another and from the border.
     */
    static void fourColours(Graphics2D g) {
        g.setColor(new Color(ORANGE));
        g.fill(new Rectangle2D.Double(10.3, 10.3, 120, 110));
        g.setColor(new Color(CRIMSON));
        g.fill(new Rectangle2D.Double(130.7, 140.7, 100, 90));
        g.setColor(new Color(PURPLE));
        g.fill(new Ellipse2D.Double(140.4, 15.4, 100, 100));
        g.setColor(new Color(TEAL));
        g.fill(new Ellipse2D.Double(20.6, 140.6, 90, 90));
    }

    /** Adds seeded noise of up to {@code amplitude} in each channel to every pixel of the colour {@code paper}. */
    static BufferedImage noisy(BufferedImage image, int paper, int amplitude) {
        SplittableRandom random = new SplittableRandom(24);
        for (int row = 0; row < image.getHeight(); row++) {
            for (int col = 0; col < image.getWidth(); col++) {
                if ((image.getRGB(col, row) & 0xFFFFFF) == paper) {
                    int rgb = 0;
                    for (int shift = 16; shift >= 0; shift -= 8) {
                        int v = (paper >> shift) & 0xff;
                        v = Math.max(0, Math.min(255, v + random.nextInt(-amplitude, amplitude + 1)));
                        rgb |= v << shift;
                    }
                    image.setRGB(col, row, rgb);
                }
            }
        }
        return image;
    }

    @ParameterizedTest(name = "on #{0}, noise {1}")
    @CsvSource({"ffffff, 0", "fff3b0, 0", "ffffff, 3", "fff3b0, 3"})
    void read_fourColoursOnOpaquePaper_fiveClassesBackgroundFirst_sharesAsDrawn(String paperHex, int noise) {
        int paper = Integer.parseInt(paperHex, 16);
        BufferedImage image = noisy(onPaper(paper, DrawingReaderBackgroundTest::fourColours), paper, noise);
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "four.png", ClassReading.AUTO);
        Drawing d = r.drawing();
        assertThat(d.classCount()).isEqualTo(5);
        assertThat(d.classes()).containsExactly(DrawingClass.background(), DrawingClass.ofColour(ORANGE),
                DrawingClass.ofColour(CRIMSON), DrawingClass.ofColour(PURPLE), DrawingClass.ofColour(TEAL));
        // each class's share within half a point of what was drawn: only edge pixels can differ
        long[] pixels = d.classPixels();
        double[] drawn = {ORANGE_AREA, CRIMSON_AREA, PURPLE_AREA, TEAL_AREA};
        double inks = 0;
        for (int c = 1; c <= 4; c++) {
            assertThat(pixels[c] / 65536.0).as("class %d", c).isCloseTo(drawn[c - 1] / 65536, within(0.005));
            inks += drawn[c - 1];
        }
        assertThat(pixels[0] / 65536.0).isCloseTo(1 - inks / 65536, within(0.01));
        // well inside each region, and on the paper
        assertThat(d.classOf(60, 60)).isEqualTo(1);
        assertThat(d.classOf(180, 180)).isEqualTo(2);
        assertThat(d.classOf(190, 65)).isEqualTo(3);
        assertThat(d.classOf(65, 185)).isEqualTo(4);
        assertThat(d.classOf(0, 0)).isZero();
        assertThat(d.classOf(135, 128)).isZero();
        // the background named by the border's most common colour (on noisy paper, one of its noisy shades)
        assertThat(r.explanation()).startsWith("found 5 classes: background #" + paperHex.substring(0, noise > 0 ? 3 : 6))
                .contains(String.format(Locale.ROOT, " %.1f%%, #e69f00 %.1f%%, #dc143c %.1f%%, #7b3294 %.1f%%,"
                        + " #008080 %.1f%% (edge pixels in blended colours (", pixels[0] / 655.36, pixels[1] / 655.36,
                        pixels[2] / 655.36, pixels[3] / 655.36, pixels[4] / 655.36));
        // fully opaque with an alpha channel: the same
        BufferedImage argb = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        argb.getGraphics().drawImage(image, 0, 0, null);
        assertThat(DrawingReader.fromImage(argb, "four.png")).isEqualTo(d);
    }

    /**
     * The bug report, as the user had it: the four colours exported as an opaque PNG on white (RGB, 8
     * bits, no alpha) and read from the file were 4 classes, orange (a fifth of the picture) counted
     * as background by its darkness (0.36, under one half).
     */
    @Test
    void read_fourColoursOnWhitePngFile_fiveClasses_orangeAFifthOfThePicture(@TempDir Path dir) throws IOException {
        BufferedImage drawn = onPaper(WHITE, DrawingReaderBackgroundTest::fourColours);
        Path file = dir.resolve("four.png");
        assertThat(ImageIO.write(drawn, "png", file.toFile())).isTrue();
        DrawingReader.Reading r = DrawingReader.readExplained(file, ClassReading.AUTO);
        Drawing d = r.drawing();
        assertThat(d.classCount()).isEqualTo(5);
        assertThat(d.classes()).extracting(DrawingClass::rgb).containsExactly(WHITE, ORANGE, CRIMSON, PURPLE, TEAL);
        // orange: its 120 x 110 pixels (20.1%), give or take its anti-aliased edge (460 pixels long)
        assertThat(d.classPixels()[1]).isBetween((long) ORANGE_AREA - 230, (long) ORANGE_AREA + 230);
        assertThat(d.classOf(60, 60)).isEqualTo(1);
        assertThat(d.classOf(11, 11)).isEqualTo(1);
        assertThat(d.classOf(129, 119)).isEqualTo(1);
        assertThat(d.classOf(9, 60)).isZero();
        assertThat(r.explanation()).startsWith("found 5 classes: background #ffffff ")
                .contains(String.format(Locale.ROOT, ", #e69f00 %.1f%%, ", d.classPixels()[1] / 655.36));
        assertThat(r.explanation().lines()).hasSize(1);
        // the decoded file (its pixels read from the raster) as the image it was written from (through getRGB)
        assertThat(d).isEqualTo(DrawingReader.fromImage(drawn, "four.png"));
    }

    @Test
    void read_fourColoursOnTransparentPaper_sameClassesAsOnWhite() {
        BufferedImage transparent = DrawingReaderClassesTest.canvas(DrawingReaderBackgroundTest::fourColours);
        Drawing onWhite = DrawingReader.fromImage(onPaper(WHITE, DrawingReaderBackgroundTest::fourColours), "w.png");
        Drawing onAlpha = DrawingReader.fromImage(transparent, "t.png");
        assertThat(onAlpha.classes()).isEqualTo(onWhite.classes());
        long[] a = onAlpha.classPixels();
        long[] w = onWhite.classPixels();
        for (int c = 0; c < 5; c++) {
            assertThat(w[c]).as("class %d", c).isCloseTo(a[c], within(300L));
        }
    }

    @Test
    void read_edgeBetweenInkAndColouredPaper_eachPixelToTheNearerColour() {
        // teal and purple on light yellow, each with a column of one blend with the paper (sRGB, as Java2D and
        // most programs blend) between it and the paper: 70% teal is nearer to the teal, 30% purple to the paper
        BufferedImage image = onPaper(100, 100, LIGHT_YELLOW, g -> {
            g.setColor(new Color(TEAL));
            g.fillRect(0, 20, 40, 60);
            g.setColor(new Color(PURPLE));
            g.fillRect(61, 20, 29, 60);
        });
        for (int row = 20; row < 80; row++) {
            image.setRGB(40, row, blend(TEAL, LIGHT_YELLOW, 0.7));
            image.setRGB(60, row, blend(PURPLE, LIGHT_YELLOW, 0.3));
        }
        Drawing d = DrawingReader.fromImage(image, "edge.png");
        assertThat(d.classes()).extracting(DrawingClass::rgb).containsExactly(WHITE, TEAL, PURPLE);
        for (int row = 20; row < 80; row++) {
            assertThat(d.classOf(40, row)).as("70%% teal, row %d", row).isEqualTo(1);
            assertThat(d.classOf(60, row)).as("30%% purple, row %d", row).isZero();
        }
        assertThat(d.classPixels()).containsExactly(10_000 - 41 * 60 - 29 * 60, 41 * 60, 29 * 60);
    }

    /** Returns {@code share} of {@code ink} over {@code paper}, channel by channel in sRGB. */
    static int blend(int ink, int paper, double share) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            rgb |= (int) Math.round(share * ((ink >> shift) & 0xff) + (1 - share) * ((paper >> shift) & 0xff)) << shift;
        }
        return rgb;
    }

    @Test
    void read_lightInksOnADarkBoard_classesWithTheBoardAsBackground() {
        BufferedImage image = onPaper(NAVY, g -> {
            g.setColor(new Color(0xf0e442)); // yellow
            g.fill(new Ellipse2D.Double(20.5, 20.5, 100, 100));
            g.setColor(new Color(0xffffff)); // chalk white
            g.fillRect(140, 140, 90, 60);
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "board.png", ClassReading.AUTO);
        assertThat(r.drawing().classes()).extracting(DrawingClass::rgb).containsExactly(WHITE, 0xf0e442, 0xffffff);
        assertThat(r.drawing().classOf(70, 70)).isEqualTo(1);
        assertThat(r.drawing().classOf(180, 170)).isEqualTo(2);
        assertThat(r.drawing().classOf(5, 250)).isZero();
        assertThat(r.explanation()).startsWith("found 3 classes: background #1f2a44 79.8%, #f0e442 12.0%, #ffffff 8.2%");
    }

    /**
     * Drawings in one ink colour (or in greys) are read exactly as the notebook reads them, whatever
     * the paper: by ink darkness, as before drawings on a background colour were read in colours. Those
     * that darkness leaves in one class (#e69f00 on white, nothing drawn) are read otherwise: {@link
     * DrawingReaderOneLightInkTest}.
     */
    @ParameterizedTest(name = "#{0} on #{1}, {2}")
    @CsvSource({
        "000000, fff3b0, disc",
        "000000, fff3b0, black and grey discs",
        "d55e00, fff3b0, disc",
        "d55e00, ffffff, left half, touching the border",
        "ffffff, 000000, disc",
        "ffffff, 1f2a44, disc",
        "f0e442, 1f2a44, disc"})
    void read_oneInkColourOnAnyPaper_exactlyTheNotebooksReading(String inkHex, String paperHex, String shape) {
        int ink = Integer.parseInt(inkHex, 16);
        BufferedImage image = onPaper(Integer.parseInt(paperHex, 16), g -> {
            g.setColor(new Color(ink));
            if (shape.startsWith("left half")) {
                g.fill(new Rectangle2D.Double(0, 0, 128.4, 256));
            } else {
                g.fill(new Ellipse2D.Double(30.5, 40.5, 120, 100));
            }
            if (shape.contains("grey")) {
                g.setColor(Color.GRAY);
                g.fill(new Ellipse2D.Double(150.5, 150.5, 80, 80));
            }
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "one.png", ClassReading.AUTO);
        assertThat(r.drawing().classCount()).isEqualTo(2);
        assertThat(r.drawing()).isEqualTo(DrawingReader.fromImage(image, "one.png", ClassReading.BINARY));
        assertThat(r.explanation()).contains(": read as the notebook does, background ");
    }

    @Test
    void read_blackInkOnYellowPaper_inkDarknessAsCoverage() {
        BufferedImage image = onPaper(LIGHT_YELLOW, g -> {
            g.setColor(Color.BLACK);
            g.fill(new Ellipse2D.Double(30.5, 40.5, 120, 100));
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "ink.png", ClassReading.AUTO);
        assertThat(r.drawing().coverage(90, 90)).isEqualTo(1f);
        // the paper's own darkness, 1 - luminance/255: below one half, so background
        assertThat(r.drawing().coverage(0, 0)).isCloseTo(0.0630f, within(1e-4f));
        assertThat(r.explanation()).startsWith("found 2 classes (one ink colour, #000000): read as the notebook does,");
    }

    @Test
    void read_borderHalfOneColourHalfAnother_refusedInOneLineNamingTheBorder() {
        // orange fills the left half, to the border; purple and teal discs on the white right half
        BufferedImage image = onPaper(WHITE, g -> {
            g.setColor(new Color(ORANGE));
            g.fillRect(0, 0, 128, 256);
            g.setColor(new Color(PURPLE));
            g.fill(new Ellipse2D.Double(150.5, 20.5, 80, 80));
            g.setColor(new Color(TEAL));
            g.fill(new Ellipse2D.Double(150.5, 150.5, 80, 80));
        });
        assertThatThrownBy(() -> DrawingReader.fromImage(image, "halves.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing halves.png is in 4 colours and none of them fills 3/5 of its border to be the"
                        + " background (border: #e69f00 50.0%, #ffffff 50.0%): draw on a transparent background, or"
                        + " read any ink as one class (--classes binary)");
        // read as one region, it is a drawing like any other
        assertThat(DrawingReader.fromImage(image, "halves.png", ClassReading.BINARY).classCount()).isEqualTo(2);
    }

    /**
     * A 30 x 22 white canvas (a border of 100 pixels) with a purple square inside and an orange band
     * over its top six rows (40 border pixels), and one more orange pixel on the border when {@code
     * oneMore}.
     */
    static BufferedImage band(boolean oneMore) {
        BufferedImage image = onPaper(30, 22, WHITE, g -> {
            g.setColor(new Color(ORANGE));
            g.fillRect(0, 0, 30, 6);
            g.setColor(new Color(PURPLE));
            g.fillRect(10, 10, 6, 6);
        });
        if (oneMore) {
            image.setRGB(0, 15, 0xFF000000 | ORANGE);
        }
        return image;
    }

    @Test
    void read_backgroundFillsThreeFifthsOfTheBorder_classes_oneBorderPixelLessRefused() {
        DrawingReader.Reading r = DrawingReader.fromImageExplained(band(false), "band.png", ClassReading.AUTO);
        assertThat(r.explanation()).isEqualTo("found 3 classes: background #ffffff 67.3%, #e69f00 27.3%, #7b3294 5.5%");
        assertThatThrownBy(() -> DrawingReader.fromImage(band(true), "band.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessageStartingWith("drawing band.png is in 3 colours and none of them fills 3/5 of its border to"
                        + " be the background (border: #ffffff 59.0%, #e69f00 41.0%): ");
    }

    @Test
    void read_borderInManyColours_namesThreeAndCountsTheRest() {
        // five bands across the canvas, top to bottom, each its own colour, and nothing else
        int[] colours = {ORANGE, PURPLE, TEAL, CRIMSON, 0x56b4e9};
        BufferedImage image = onPaper(WHITE, g -> {
            for (int i = 0; i < colours.length; i++) {
                g.setColor(new Color(colours[i]));
                g.fillRect(0, i * 50, 256, i == colours.length - 1 ? 56 : 50);
            }
        });
        assertThatThrownBy(() -> DrawingReader.fromImage(image, "bands.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing bands.png is in 5 colours and none of them fills 3/5 of its border to be the"
                        + " background (border: #56b4e9 35.9%, #e69f00 34.7%, #008080 9.8% and 2 more): draw on a"
                        + " transparent background, or read any ink as one class (--classes binary)");
    }

    /** A 100 x 100 white page with a patch of {@code shade} and two ink squares (9% each). */
    static BufferedImage shaded(int shade) {
        return onPaper(100, 100, WHITE, g -> {
            g.setColor(new Color(shade));
            g.fillRect(10, 60, 80, 30);
            g.setColor(new Color(ORANGE));
            g.fillRect(10, 10, 30, 30);
            g.setColor(new Color(PURPLE));
            g.fillRect(60, 10, 30, 30);
        });
    }

    @Test
    void read_shadeWithinToleranceOfThePaper_background_beyondIt_aColourOfItsOwn() {
        // #f0f0f0 is 5.2 ΔE*76 from white, paper; #e8e8e8 is 8.0 away, a pale grey ink
        assertThat(Math.sqrt(Cielab.distanceSquared(Cielab.of(0xf0f0f0), Cielab.of(WHITE)))).isCloseTo(5.2, within(0.1));
        assertThat(Math.sqrt(Cielab.distanceSquared(Cielab.of(0xe8e8e8), Cielab.of(WHITE)))).isCloseTo(8.0, within(0.1));
        assertThat(DrawingReader.fromImageExplained(shaded(0xf0f0f0), "shade.png", ClassReading.AUTO).explanation())
                .isEqualTo("found 3 classes: background #ffffff 82.0%, #7b3294 9.0%, #e69f00 9.0%");
        assertThat(DrawingReader.fromImageExplained(shaded(0xe8e8e8), "shade.png", ClassReading.AUTO).explanation())
                .isEqualTo("found 4 classes: background #ffffff 58.0%, #e8e8e8 24.0%, #7b3294 9.0%, #e69f00 9.0%");
    }

    @Test
    void read_eightColoursOnWhite_nineClassesRefused() {
        BufferedImage image = onPaper(WHITE, g -> {
            for (int i = 0; i < 8; i++) {
                g.setColor(Color.getHSBColor(i / 8f, 0.8f, 0.8f));
                g.fillRect(16 + i * 28, 64, 28, 128);
            }
        });
        assertThatThrownBy(() -> DrawingReader.fromImage(image, "many.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing many.png has 9 classes (8 colours that each cover at least 0.5% of it, and the"
                        + " background); at most 8 are allowed: draw with fewer colours, or read any ink as one class"
                        + " (--classes binary)");
    }

    @ParameterizedTest(name = "{0} x {1}: {2}")
    @CsvSource({
        "2, 2, e69f00 7b3294 008080 dc143c",
        "2, 2, ffffff ffffff ffffff e69f00",
        "3, 2, ffffff e69f00 ffffff 7b3294 ffffff 008080",
        "3, 3, ffffff ffffff ffffff ffffff e69f00 ffffff ffffff ffffff ffffff"})
    void read_tinyOpaqueImagesInColours_noRegionSoReadAsTheNotebookDoes(int w, int h, String pixels) {
        String[] hex = pixels.split(" ");
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < hex.length; i++) {
            image.setRGB(i % w, i / w, Integer.parseInt(hex[i], 16));
        }
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "tiny.png", ClassReading.AUTO);
        assertThat(r.drawing()).isEqualTo(DrawingReader.fromImage(image, "tiny.png", ClassReading.BINARY));
        assertThat(r.explanation()).startsWith("found 2 classes (no ink colour covers 0.5% of the drawing)");
    }

    @Test
    void read_lightInksOnBlackPaper_blackIsTheBackgroundsColour() {
        // black, 0x000000, is a background colour like any other
        BufferedImage image = onPaper(0x000000, g -> {
            g.setColor(new Color(0xf0e442));
            g.fill(new Ellipse2D.Double(20.5, 20.5, 100, 100));
            g.setColor(new Color(0x56b4e9));
            g.fillRect(140, 140, 90, 60);
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "black.png", ClassReading.AUTO);
        assertThat(r.drawing().classes()).extracting(DrawingClass::rgb).containsExactly(WHITE, 0xf0e442, 0x56b4e9);
        assertThat(r.explanation()).startsWith("found 3 classes: background #000000 79.8%, #f0e442 12.0%, #56b4e9 8.2%");
    }

    @Test
    void read_noisyPaperWithAnInkBandOnTheBorder_thePapersShadesTogetherAreTheBackground() {
        // orange along the top edge is the border's most common exact colour (31%); the paper's 343 shades are
        // each far rarer, but together 69% of the border: the paper is the background
        BufferedImage image = noisy(onPaper(WHITE, g -> {
            g.setColor(new Color(ORANGE));
            g.fillRect(0, 0, 256, 30);
            g.setColor(new Color(PURPLE));
            g.fill(new Ellipse2D.Double(80.5, 100.5, 90, 90));
        }), WHITE, 3);
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "band.png", ClassReading.AUTO);
        assertThat(r.drawing().classes()).extracting(DrawingClass::rgb).containsExactly(WHITE, ORANGE, PURPLE);
        assertThat(r.drawing().classOf(5, 5)).isEqualTo(1);
        assertThat(r.drawing().classOf(125, 145)).isEqualTo(2);
        assertThat(r.drawing().classOf(128, 250)).isZero();
        assertThat(r.explanation()).startsWith("found 3 classes: background #f").doesNotContain("background #e69f00");
    }

    @Test
    void read_borderOrangeAlongTheBottomAndLeft_refused_theBottomRowCounted() {
        // 30 x 22 (a border of 100 pixels): orange on the bottom row (30) and in a strip down the left (23 more
        // border pixels), but not on the row above the bottom one, beside it
        BufferedImage image = onPaper(30, 22, WHITE, g -> {
            g.setColor(new Color(ORANGE));
            g.fillRect(0, 0, 3, 22);
            g.fillRect(0, 21, 30, 1);
            g.setColor(new Color(PURPLE));
            g.fillRect(10, 8, 6, 6);
        });
        assertThatThrownBy(() -> DrawingReader.fromImage(image, "bottom.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing bottom.png is in 3 colours and none of them fills 3/5 of its border to be the"
                        + " background (border: #e69f00 53.0%, #ffffff 47.0%): draw on a transparent background, or"
                        + " read any ink as one class (--classes binary)");
    }

    @Test
    void read_borderInMoreThan64Colours_theRestCountedAsOneGroup() {
        // 70 stripes of colours far apart (a grid of sRGB), each 4 pixels wide, from top to bottom: the border's
        // colours are told apart in 64 groups at most (bounded work), the rest counted in the last, and the
        // drawing's 70 colours are "64 or more"
        BufferedImage image = onPaper(280, 40, WHITE, g -> {
            for (int i = 0; i < 70; i++) {
                g.setColor(new Color(i / 25 * 120, i / 5 % 5 * 60, i % 5 * 60));
                g.fillRect(4 * i, 0, 4, 40);
            }
        });
        assertThatThrownBy(() -> DrawingReader.fromImage(image, "stripes.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessageStartingWith("drawing stripes.png is in 64 or more colours and none of them fills 3/5 of its border")
                .hasMessageEndingWith(" and 61 more): draw on a transparent background, or read any ink as one class"
                        + " (--classes binary)");
    }

    @Test
    void read_borderHalfOneColourHalfAnother_aThirdColourUnderHalfAPercent_readAsTheNotebookDoes() {
        // orange and white halves and a purple square of 0.04%: two colours that count, read by darkness as before
        BufferedImage image = onPaper(WHITE, g -> {
            g.setColor(new Color(ORANGE));
            g.fillRect(0, 0, 128, 256);
            g.setColor(new Color(PURPLE));
            g.fillRect(180, 100, 5, 5);
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "halves.png", ClassReading.AUTO);
        assertThat(r.drawing()).isEqualTo(DrawingReader.fromImage(image, "halves.png", ClassReading.BINARY));
        assertThat(r.explanation()).startsWith("found 2 classes (");
    }

    @Test
    void read_slightlyNoisyPaperAndASmallInkOnTheBorder_everyShadeOfThePaperCountedAsIt() {
        // noise of 1 on white (8 shades, each channel 254 or 255); an orange square against the left edge has 20
        // border pixels, fewer than the commonest shade: the border's groups are white's, then orange's, and each
        // other shade of white counts with white
        BufferedImage image = noisy(onPaper(WHITE, g -> {
            g.setColor(new Color(ORANGE));
            g.fillRect(0, 5, 20, 20);
            g.setColor(new Color(PURPLE));
            g.fill(new Ellipse2D.Double(60.5, 60.5, 80, 80));
            g.setColor(new Color(TEAL));
            g.fillRect(160, 160, 60, 60);
        }), WHITE, 1);
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "corner.png", ClassReading.AUTO);
        assertThat(r.drawing().classes()).extracting(DrawingClass::rgb).containsExactly(WHITE, PURPLE, TEAL, ORANGE);
        assertThat(r.drawing().classOf(3, 10)).isEqualTo(3);
        assertThat(r.explanation()).startsWith("found 4 classes: background #f").doesNotContain("background #e69f00");
    }
}
