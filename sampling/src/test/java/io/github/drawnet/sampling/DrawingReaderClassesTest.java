package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Drawings in several colours read as classes: which colours are classes, and where each pixel goes. */
final class DrawingReaderClassesTest {

    static final int RED = 0xd55e00;
    static final int BLUE = 0x0072b2;
    static final int GREEN = 0x009e73;

    /** A 256 × 256 transparent canvas painted anti-aliased by {@code painter}. */
    static BufferedImage canvas(Consumer<Graphics2D> painter) {
        return canvas(256, 256, BufferedImage.TYPE_INT_ARGB, painter);
    }

    static BufferedImage canvas(int w, int h, int type, Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Three overlapping discs: red the largest, then blue, then green, each painted over the one before. */
    static void threeDiscs(Graphics2D g) {
        g.setColor(new Color(RED));
        g.fill(new Ellipse2D.Double(10.3, 20.3, 150, 150)); // about 17,700 pixels
        g.setColor(new Color(GREEN));
        g.fill(new Ellipse2D.Double(60.6, 150.6, 80, 80)); // about 5,000, over red's bottom
        g.setColor(new Color(BLUE));
        g.fill(new Ellipse2D.Double(140.4, 60.4, 110, 110)); // about 9,500, over red's right side
    }

    /** Returns a 60 x 60 canvas with red (60 x 20), blue (40 x 14) and magenta (20 x 20) regions: classes 1, 2, 3. */
    static BufferedImage redBlueMagenta() {
        BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_ARGB);
        fill(image, 0, 60, 0, 20, 0xFFFF0000);
        fill(image, 0, 40, 22, 36, 0xFF0000FF);
        fill(image, 0, 20, 40, 60, 0xFFC000C0);
        return image;
    }

    /** Paints columns {@code [col0, col1)} of rows {@code [row0, row1)} in {@code argb}. */
    static void fill(BufferedImage image, int col0, int col1, int row0, int row1, int argb) {
        for (int col = col0; col < col1; col++) {
            for (int row = row0; row < row1; row++) {
                image.setRGB(col, row, argb);
            }
        }
    }

    static InputStream png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new ByteArrayInputStream(out.toByteArray());
    }

    @Test
    void read_threeColoursAntiAliased_fourClassesByAreaNamedByColour() throws IOException {
        BufferedImage image = canvas(DrawingReaderClassesTest::threeDiscs);
        Drawing d = DrawingReader.read(png(image), "discs.png");
        assertThat(d.classCount()).isEqualTo(4);
        assertThat(d.classes()).containsExactly(DrawingClass.background(), DrawingClass.ofColour(RED),
                DrawingClass.ofColour(BLUE), DrawingClass.ofColour(GREEN));
        assertThat(d.classes()).extracting(DrawingClass::name)
                .containsExactly("background", "#d55e00", "#0072b2", "#009e73");
        long[] pixels = d.classPixels();
        assertThat(pixels[1]).isGreaterThan(pixels[2]);
        assertThat(pixels[2]).isGreaterThan(pixels[3]);
        // well inside each disc and outside them all
        assertThat(d.classOf(40, 90)).isEqualTo(1);
        assertThat(d.classOf(200, 115)).isEqualTo(2);
        assertThat(d.classOf(100, 200)).isEqualTo(3);
        assertThat(d.classOf(5, 250)).isZero();
        // every pixel with alpha of at least one half is drawn, and goes to a colour's class
        for (int row = 0; row < 256; row++) {
            for (int col = 0; col < 256; col++) {
                int alpha = image.getRGB(col, row) >>> 24;
                assertThat(d.classOf(col, row) > 0).as("(%d, %d), alpha %d", col, row, alpha)
                        .isEqualTo(alpha >= 128);
            }
        }
    }

    @Test
    void read_orderIsByArea_notByPaintingOrderOrColour() {
        // blue painted first but largest, then a smaller red: blue is class 1
        Drawing d = DrawingReader.fromImage(canvas(g -> {
            g.setColor(new Color(BLUE));
            g.fill(new Rectangle2D.Double(0, 0, 200, 100));
            g.setColor(new Color(RED));
            g.fill(new Rectangle2D.Double(0, 150, 100, 100));
        }), "order.png");
        assertThat(d.classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, BLUE, RED);
        assertThat(d.classPixels()).containsExactly(256L * 256 - 30_000, 20_000, 10_000);
    }

    @Test
    void readExplained_threeColours_saysWhatItFoundWithShares() {
        DrawingReader.Reading r = DrawingReader.fromImageExplained(canvas(DrawingReaderClassesTest::threeDiscs),
                "discs.png", ClassReading.AUTO);
        long[] px = r.drawing().classPixels();
        String shares = String.format(java.util.Locale.ROOT,
                "found 4 classes: background %.1f%%, #d55e00 %.1f%%, #0072b2 %.1f%%, #009e73 %.1f%%",
                px[0] / 655.36, px[1] / 655.36, px[2] / 655.36, px[3] / 655.36);
        assertThat(r.explanation()).startsWith(shares + " (edge pixels in blended colours (")
                .endsWith("%) given to the nearest class)");
    }

    @Test
    void read_edgeBetweenTwoColours_goesToOneOfThem_evenWhereAThirdIsNearer() {
        // red and blue meet along a column of their half-and-half blend, #800080; that purple is nearest
        // (in any space) to the magenta of a third region, yet it lies between red and blue
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        for (int row = 0; row < 100; row++) {
            for (int col = 0; col < 100; col++) {
                int rgb = row >= 70 ? 0 : col < 40 ? 0xFFFF0000 : col == 40 ? 0xFF800080 : col < 70 ? 0xFF0000FF
                        : col < 90 ? 0xFFC000C0 : 0;
                image.setRGB(col, row, rgb);
            }
        }
        // and one lone pixel of the blend, away from every class's colour, goes to the nearest colour: magenta
        image.setRGB(95, 85, 0xFF800080);
        Drawing d = DrawingReader.fromImage(image, "edge.png");
        assertThat(d.classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, 0xFF0000, 0x0000FF, 0xC000C0);
        for (int row = 0; row < 70; row++) {
            assertThat(d.classOf(40, row)).as("blend at row %d", row).isIn(1, 2);
        }
        assertThat(d.classOf(95, 85)).isEqualTo(3);
    }

    @Test
    void read_blendedColourNearestInCielab_notInRgb() {
        // #006e96 is nearer to blue than to green in RGB (152 against 158) but nearer to green in CIELAB
        // (ΔE 102 against 120); a small square of it, alone on the canvas, goes to green
        Drawing d = DrawingReader.fromImage(canvas(g -> {
            g.setColor(new Color(0x0000ff));
            g.fillRect(0, 0, 128, 100);
            g.setColor(new Color(0x00a000));
            g.fillRect(128, 0, 128, 80);
            g.setColor(new Color(0x006e96));
            g.fillRect(100, 200, 3, 3);
        }), "lab.png");
        assertThat(d.classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, 0x0000ff, 0x00a000);
        assertThat(d.classOf(101, 201)).isEqualTo(2);
        assertThat(d.classOf(100, 200)).isEqualTo(2);
    }

    @Test
    void read_antiAliasedStraightEdgeOnSmallCanvas_blendIsNoClass() {
        // on 64 x 64 the column of blended pixels along an edge at x = 31.5 is 40 pixels, 1% of the
        // drawing, all of one opaque colour: not a class, for no pixel of it has its colour all around.
        // Red fills the canvas and its border, and both colours are dark: the blue is the one ink on a red
        // background (before issue 24, three classes by darkness, the background without a pixel)
        BufferedImage image = canvas(64, 64, BufferedImage.TYPE_INT_ARGB, g -> {
            g.setColor(new Color(RED));
            g.fill(new Rectangle2D.Double(0, 0, 64, 64));
            g.setColor(new Color(BLUE));
            g.fill(new Rectangle2D.Double(31.5, 0, 32.5, 40));
        });
        assertThat(image.getRGB(31, 10) & 0xFFFFFF).isNotIn(RED, BLUE);
        assertThat(image.getRGB(31, 10) >>> 24).isEqualTo(255);
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "small.png", ClassReading.AUTO);
        assertThat(r.drawing().classCount()).isEqualTo(2);
        assertThat(r.explanation()).startsWith("found 2 classes (one ink colour, #0072b2, on a background as dark");
        assertThat(r.drawing().classOf(31, 10)).isIn(0, 1);
        assertThat(r.drawing().classOf(40, 10)).isEqualTo(1);
        assertThat(r.drawing().classOf(20, 10)).isZero();
    }

    @Test
    void read_thinLineOfAColour_isNoClass_evenOverHalfAPercent() {
        // lines of green two pixels wide, across the canvas and crossing (1.6% in all): no region
        Drawing d = DrawingReader.fromImage(canvas(g -> {
            g.setColor(new Color(RED));
            g.fillRect(0, 0, 110, 110);
            g.setColor(new Color(BLUE));
            g.fillRect(150, 150, 100, 100);
            g.setColor(new Color(GREEN));
            g.fillRect(0, 120, 256, 2);
            g.fillRect(120, 0, 2, 256);
        }), "lines.png");
        assertThat(d.classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, RED, BLUE);
    }

    @ParameterizedTest(name = "{0} pixels of 10000")
    @CsvSource({"49, false", "50, true"})
    void read_colourCoveringUnderHalfAPercent_mergedIntoNearest_atHalfAPercentAClass(int pixels, boolean aClass) {
        // 100 x 100 without anti-aliasing: red and blue regions, and a block of dark orange of 'pixels' pixels
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        for (int col = 0; col < 100; col++) {
            for (int row = 0; row < 40; row++) {
                image.setRGB(col, row, 0xFF000000 | (col < 55 ? RED : BLUE));
            }
        }
        for (int i = 0; i < pixels; i++) {
            image.setRGB(10 + i % 10, 60 + i / 10, 0xFFb04a00);
        }
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "small.png", ClassReading.AUTO);
        if (aClass) {
            assertThat(r.drawing().classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, RED, BLUE,
                    0xb04a00);
            assertThat(r.explanation()).isEqualTo("found 4 classes: background 59.5%, #d55e00 22.0%, #0072b2 18.0%,"
                    + " #b04a00 0.5%");
        } else {
            assertThat(r.drawing().classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, RED, BLUE);
            assertThat(r.drawing().classOf(10, 60)).isEqualTo(1);
            assertThat(r.drawing().classPixels()).containsExactly(10_000 - 4000 - pixels, 2200 + pixels, 1800);
            assertThat(r.explanation()).isEqualTo("found 3 classes: background 59.5%, #d55e00 22.5%, #0072b2 18.0%"
                    + " (edge pixels in blended colours (0.5%) given to the nearest class;"
                    + " 1 colour under 0.5% merged: #b04a00 0.5% into #d55e00)");
        }
    }

    @Test
    void readExplained_manySmallColours_namesThreeAndCountsTheRest() {
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        for (int col = 0; col < 100; col++) {
            for (int row = 0; row < 40; row++) {
                image.setRGB(col, row, 0xFF000000 | (col < 50 ? RED : BLUE));
            }
        }
        int[] small = {0x101010, 0x202020, 0x303030, 0x404040, 0x505050};
        int[] sizes = {12, 9, 13, 10, 11}; // listed largest first: #303030, #101010, #505050
        for (int k = 0; k < small.length; k++) {
            for (int i = 0; i < sizes[k]; i++) {
                image.setRGB(5 + k * 15 + i % 3, 60 + i / 3, 0xFF000000 | small[k]);
            }
        }
        String s = DrawingReader.fromImageExplained(image, "s.png", ClassReading.AUTO).explanation();
        assertThat(s).endsWith("5 colours under 0.5% merged: #303030 0.1% into #0072b2, #101010 0.1% into #0072b2,"
                + " #505050 0.1% into #0072b2 and 2 more)");
        // three are all named, with nothing more
        for (int i = 0; i < sizes[3]; i++) {
            image.setRGB(5 + 3 * 15 + i % 3, 60 + i / 3, 0);
        }
        for (int i = 0; i < sizes[4]; i++) {
            image.setRGB(5 + 4 * 15 + i % 3, 60 + i / 3, 0);
        }
        assertThat(DrawingReader.fromImageExplained(image, "s.png", ClassReading.AUTO).explanation())
                .endsWith("3 colours under 0.5% merged: #303030 0.1% into #0072b2, #101010 0.1% into #0072b2,"
                        + " #202020 0.1% into #0072b2)");
    }

    @Test
    void read_orderIsByAreaOnceEdgesAreAssigned() {
        // red has more pixels of its very colour (1200 against 1050), but blue gains 200 pixels of lines in a
        // blue that fills no region: blue ends larger, and is class 1
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        fill(image, 0, 40, 0, 30, 0xFF000000 | RED);
        fill(image, 50, 85, 0, 30, 0xFF000000 | BLUE);
        for (int col = 0; col < 100; col++) {
            image.setRGB(col, 60, 0xFF1080c0);
            image.setRGB(col, 80, 0xFF1080c0);
        }
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "o.png", ClassReading.AUTO);
        assertThat(r.drawing().classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, BLUE, RED);
        assertThat(r.drawing().classPixels()).containsExactly(10_000 - 2450, 1250, 1200);
        assertThat(r.drawing().classOf(10, 10)).isEqualTo(2);
        assertThat(r.drawing().classOf(60, 10)).isEqualTo(1);
        assertThat(r.drawing().classOf(30, 60)).isEqualTo(1);
        assertThat(r.explanation()).isEqualTo("found 3 classes: background 75.5%, #0072b2 12.5%, #d55e00 12.0%"
                + " (edge pixels in blended colours (2.0%) given to the nearest class)");
    }

    @ParameterizedTest(name = "neighbour at ({0}, {1})")
    @CsvSource({"-1, -1", "0, -1", "1, -1", "-1, 0", "1, 0", "-1, 1", "0, 1", "1, 1"})
    void read_blendedPixel_goesToTheClassBesideIt_inEachOfEightDirections(int dc, int dr) {
        // red, blue and magenta regions (classes 1, 2, 3 by area); a lone purple pixel is nearest to magenta,
        // but with one blue pixel beside it, in any of the eight directions, it goes to blue
        BufferedImage image = redBlueMagenta();
        image.setRGB(50, 50, 0xFF800080);
        assertThat(DrawingReader.fromImage(image, "lone.png").classOf(50, 50)).isEqualTo(3);
        image.setRGB(50 + dc, 50 + dr, 0xFF0000FF);
        Drawing d = DrawingReader.fromImage(image, "beside.png");
        assertThat(d.classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, 0xFF0000, 0x0000FF, 0xC000C0);
        assertThat(d.classOf(50, 50)).isEqualTo(2);
    }

    @Test
    void read_blendedPixelOnTheRightEdge_looksNoFurther() {
        // a lone purple pixel on the right edge, with blue at the start of the next rows: those are not beside it
        BufferedImage image = redBlueMagenta();
        image.setRGB(59, 25, 0xFF800080);
        assertThat(DrawingReader.fromImage(image, "edge.png").classOf(59, 25)).isEqualTo(3);
    }

    @Test
    void read_twoLonePixelsOfDifferentBlends_eachToItsOwnNearestClass() {
        // #800000 and #8000ff differ in blue only: one goes to red, the other to blue
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        for (int col = 0; col < 100; col++) {
            for (int row = 0; row < 40; row++) {
                image.setRGB(col, row, col < 55 ? 0xFFFF0000 : 0xFF0000FF);
            }
        }
        image.setRGB(20, 70, 0xFF800000);
        image.setRGB(60, 70, 0xFF8000FF);
        image.setRGB(80, 90, 0xFF800000);
        Drawing d = DrawingReader.fromImage(image, "lone.png");
        assertThat(d.classOf(20, 70)).isEqualTo(1);
        assertThat(d.classOf(60, 70)).isEqualTo(2);
        assertThat(d.classOf(80, 90)).isEqualTo(1);
    }

    @Test
    void read_opaqueColoursWhateverTheirDarkness_classes_aLonePixelToTheNearestColourPaperIncluded() {
        // #fe521e has luminance 127.5: coverage exactly 0.5, drawn by the notebook's rule (at least one half),
        // which the binary reading keeps; in colours, the paper's colour decides what is drawn, not darkness,
        // and a lone pixel of #0bcd22 (also 127.5) on the paper goes to the colour nearest to it: the paper's
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        for (int col = 0; col < 100; col++) {
            for (int row = 0; row < 100; row++) {
                image.setRGB(col, row, row < 30 ? (col < 55 ? 0xfe521e : BLUE) : 0xFFFFFF);
            }
        }
        image.setRGB(50, 70, 0x0bcd22);
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "half.png", ClassReading.AUTO);
        assertThat(DrawingReader.fromImage(image, "half.png", ClassReading.BINARY).coverage(10, 10)).isEqualTo(0.5f);
        assertThat(r.drawing().classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, 0xfe521e, BLUE);
        assertThat(r.drawing().classOf(50, 70)).isZero();
        assertThat(r.explanation()).isEqualTo("found 3 classes: background #ffffff 70.0%, #fe521e 16.5%, #0072b2 13.5%"
                + " (edge pixels in blended colours (<0.1%) given to the nearest class)");
    }

    @Test
    void read_blackInkWithColouredButTransparentPixels_stillGrey() {
        // what a transparent pixel's colour channels hold is not ink
        BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        for (int col = 0; col < 50; col++) {
            for (int row = 0; row < 50; row++) {
                image.setRGB(col, row, col < 20 ? 0xFF000000 : 0x00FF0000);
            }
        }
        assertThat(DrawingReader.fromImageExplained(image, "b.png", ClassReading.AUTO).explanation())
                .isEqualTo("found 2 classes (ink in black or greys): read as the notebook does, background 60.0%, ink"
                        + " 40.0%");
    }

    @Test
    void read_eightColoursWithTheBackgroundRead_nineRefusedSayingHowMany() {
        assertThat(DrawingReader.fromImage(stripes(7), "seven.png").classCount()).isEqualTo(8);
        assertThatThrownBy(() -> DrawingReader.fromImage(stripes(8), "many.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing many.png has 9 classes (8 colours that each cover at least 0.5% of it, and the"
                        + " background); at most 8 are allowed: draw with fewer colours, or read any ink as one class"
                        + " (--classes binary)");
        // read as one region, it is a drawing like any other
        assertThat(DrawingReader.fromImage(stripes(8), "many.png", ClassReading.BINARY).classCount()).isEqualTo(2);
    }

    /** {@code n} vertical stripes in {@code n} colours over the top half of a transparent canvas. */
    static BufferedImage stripes(int n) {
        return canvas(g -> {
            for (int i = 0; i < n; i++) {
                g.setColor(Color.getHSBColor(i / (float) n, 0.8f, 0.8f));
                g.fillRect(i * 256 / n, 0, 256 / n, 128);
            }
        });
    }

    @Test
    void read_binaryReading_anyInkIsPositive_sameAsTheDrawingInBlack() {
        Drawing colours = DrawingReader.fromImage(canvas(DrawingReaderClassesTest::threeDiscs), "c.png",
                ClassReading.BINARY);
        assertThat(colours.classCount()).isEqualTo(2);
        assertThat(colours.classes()).isEmpty();
        // the same shapes in black: Java2D's coverage (alpha) does not depend on the colour
        Drawing inBlack = DrawingReader.fromImage(canvas(g -> {
            g.setColor(Color.BLACK);
            g.fill(new Ellipse2D.Double(10.3, 20.3, 150, 150));
            g.fill(new Ellipse2D.Double(60.6, 150.6, 80, 80));
            g.fill(new Ellipse2D.Double(140.4, 60.4, 110, 110));
        }), "c.png");
        assertThat(inBlack.classCount()).isEqualTo(2);
        assertThat(colours).isEqualTo(inBlack);
        float[] coverage = colours.coverage();
        assertThat(java.util.stream.IntStream.range(0, coverage.length).filter(i -> coverage[i] > 0 && coverage[i] < 1))
                .as("anti-aliased edges keep their coverage").isNotEmpty();
    }

    @Test
    void readExplained_binaryReading_saysSo() {
        DrawingReader.Reading r = DrawingReader.fromImageExplained(canvas(g -> {
            g.setColor(new Color(RED));
            g.fillRect(0, 0, 64, 256);
            g.setColor(new Color(BLUE));
            g.fillRect(64, 0, 64, 256);
        }), "b.png", ClassReading.BINARY);
        assertThat(r.explanation()).isEqualTo("read 2 classes, as asked (binary): any ink is the positive class,"
                + " background 50.0%, ink 50.0%");
    }

    @Test
    void read_oneColour_isTodaysBinaryDrawing_coverageFromAlpha() {
        BufferedImage image = canvas(g -> {
            g.setColor(new Color(RED));
            g.fill(new Ellipse2D.Double(30.5, 40.5, 120, 100));
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "red.png", ClassReading.AUTO);
        assertThat(r.drawing().classCount()).isEqualTo(2);
        float[] alpha = new float[256 * 256];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = (image.getRGB(i % 256, i / 256) >>> 24) / 255f;
        }
        assertThat(r.drawing()).isEqualTo(Drawing.of("red.png", 256, 256, alpha));
        assertThat(r.explanation()).isEqualTo(String.format(java.util.Locale.ROOT,
                "found 2 classes (one ink colour, #d55e00): read as the notebook does, background %.1f%%, ink %.1f%%",
                100 - 100 * r.drawing().positiveShare(), 100 * r.drawing().positiveShare()));
    }

    @Test
    void read_oneColourAndASmallOne_binary_namesTheMerge() {
        DrawingReader.Reading r = DrawingReader.fromImageExplained(canvas(g -> {
            g.setColor(new Color(RED));
            g.fillRect(0, 0, 128, 128);
            g.setColor(new Color(BLUE));
            g.fillRect(200, 200, 10, 10);
        }), "one.png", ClassReading.AUTO);
        assertThat(r.drawing().classCount()).isEqualTo(2);
        assertThat(r.explanation()).isEqualTo("found 2 classes (one ink colour, #d55e00): read as the notebook does,"
                + " background 74.8%, ink 25.2% (1 colour under 0.5% merged: #0072b2 0.2% into #d55e00)");
    }

    @Test
    void read_onlySmallColours_binary_saysNoneCoversHalfAPercent() {
        DrawingReader.Reading r = DrawingReader.fromImageExplained(canvas(g -> {
            g.setColor(new Color(RED));
            g.fillRect(0, 0, 10, 10);
            g.setColor(new Color(BLUE));
            g.fillRect(200, 200, 10, 15);
        }), "dots.png", ClassReading.AUTO);
        assertThat(r.drawing().classCount()).isEqualTo(2);
        assertThat(r.drawing().positiveShare()).isEqualTo(250 / 65536.0);
        assertThat(r.explanation()).isEqualTo("found 2 classes (no ink colour covers 0.5% of the drawing): read as"
                + " the notebook does, background 99.6%, ink 0.4% (2 colours under 0.5%: #0072b2 0.2%, #d55e00 0.2%)");
    }

    @Test
    void read_blackAndGreyInk_isOneRegionAsBefore() {
        BufferedImage image = canvas(g -> {
            g.setColor(Color.BLACK);
            g.fill(new Ellipse2D.Double(10.5, 10.5, 100, 100));
            g.setColor(Color.GRAY);
            g.fill(new Ellipse2D.Double(130.5, 130.5, 100, 100));
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "grey.png", ClassReading.AUTO);
        assertThat(r.drawing().classCount()).isEqualTo(2);
        assertThat(r.drawing()).isEqualTo(DrawingReader.fromImage(image, "grey.png", ClassReading.BINARY));
        assertThat(r.explanation()).startsWith("found 2 classes (ink in black or greys): read as the notebook does,");
    }

    @Test
    void read_greyscaleImage_binaryWithItsSamplesAsCoverage() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < 100; row++) {
            for (int col = 0; col < 200; col++) {
                // black and a mid grey, on white
                image.getRaster().setSample(col, row, 0, row >= 50 || col >= 150 ? 255 : col < 50 ? 0 : col >= 100 ? 100 : 255);
            }
        }
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "g.png", ClassReading.AUTO);
        assertThat(r.drawing().classCount()).isEqualTo(2);
        assertThat(r.drawing().coverage(120, 20)).isEqualTo(1 - 100 / 255f);
        assertThat(r.explanation()).isEqualTo("found 2 classes (a greyscale image): read as the notebook does,"
                + " background 75.0%, ink 25.0%");
    }

    @Test
    void read_opaqueColoursOnWhite_lightColoursToo_eachEdgeToItsColourOrThePaper() {
        BufferedImage image = canvas(256, 256, BufferedImage.TYPE_INT_RGB, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 256, 256);
            g.setColor(new Color(RED));
            g.fill(new Ellipse2D.Double(10.5, 10.5, 110, 110));
            g.setColor(new Color(BLUE));
            g.fill(new Ellipse2D.Double(130.5, 130.5, 100, 100));
            g.setColor(new Color(0xffee88)); // pale yellow: ink darkness 0.1, yet ink on white paper
            g.fillRect(150, 0, 100, 100);
        });
        Drawing d = DrawingReader.fromImage(image, "opaque.png");
        assertThat(d.classes()).extracting(DrawingClass::rgb).containsExactly(0xFFFFFF, 0xffee88, RED, BLUE);
        assertThat(d.classOf(200, 50)).isEqualTo(1);
        assertThat(d.classOf(60, 60)).isEqualTo(2);
        assertThat(d.classOf(180, 180)).isEqualTo(3);
        assertThat(d.classPixels()[1]).isEqualTo(100 * 100);
        // the edges blended with white: each to its own colour's class or to the paper
        for (int row = 0; row < 256; row++) {
            for (int col = 0; col < 256; col++) {
                int k = d.classOf(col, row);
                int own = row < 128 && col < 128 ? 2 : row >= 128 && col >= 128 ? 3 : 1;
                assertThat(k).as("(%d, %d)", col, row).isIn(0, own);
            }
        }
    }

    @Test
    void read_wholeCanvasInColours_backgroundClassEmpty() {
        Drawing d = DrawingReader.fromImage(canvas(g -> {
            g.setColor(new Color(RED));
            g.fillRect(0, 0, 256, 160);
            g.setColor(new Color(BLUE));
            g.fillRect(0, 160, 256, 96);
        }), "full.png");
        assertThat(d.classPixels()).containsExactly(0, 256 * 160, 256 * 96);
    }

    @Test
    void read_committedColourDrawing_threeClassesInItsColours() throws IOException {
        try (InputStream in = DrawingReaderClassesTest.class.getResourceAsStream("/moons2.png")) {
            DrawingReader.Reading r = DrawingReader.readExplained(in, "moons2.png", 256 * 256, ClassReading.AUTO);
            assertThat(r.drawing().classes()).extracting(DrawingClass::name)
                    .containsExactlyInAnyOrder("background", "#c0392b", "#2980b9");
            assertThat(r.drawing().classes().get(0)).isEqualTo(DrawingClass.background());
            assertThat(r.explanation()).startsWith("found 3 classes: background 83.4%, ");
        }
    }

    @Test
    void read_pathAndModes_agree(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("discs.png");
        ImageIO.write(canvas(DrawingReaderClassesTest::threeDiscs), "png", file.toFile());
        assertThat(DrawingReader.read(file).classCount()).isEqualTo(4);
        assertThat(DrawingReader.read(file, ClassReading.BINARY).classCount()).isEqualTo(2);
        assertThat(DrawingReader.readExplained(file, ClassReading.AUTO).drawing()).isEqualTo(DrawingReader.read(file));
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(DrawingReader.read(in, "discs.png", ClassReading.BINARY))
                    .isEqualTo(DrawingReader.read(file, ClassReading.BINARY));
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(DrawingReader.read(in, "discs.png", 256 * 256)).isEqualTo(DrawingReader.read(file));
        }
    }

    @Test
    void classReading_parsedByIdIgnoringCase_unknownListsValid() {
        assertThat(ClassReading.fromId("auto")).isEqualTo(ClassReading.AUTO);
        assertThat(ClassReading.fromId(" BINARY ")).isEqualTo(ClassReading.BINARY);
        assertThat(ClassReading.DEFAULT).isEqualTo(ClassReading.AUTO);
        assertThat(ClassReading.BINARY).hasToString("binary");
        assertThatThrownBy(() -> ClassReading.fromId("colours")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown class reading 'colours'; valid: auto, binary");
    }

    @Test
    void reading_refusesMissingParts() {
        Drawing d = Drawing.of("x", 2, 2, new float[4]);
        assertThatThrownBy(() -> new DrawingReader.Reading(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DrawingReader.Reading(d, null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({"0, 10000, 0.0%", "4, 10000, <0.1%", "5, 10000, 0.1%", "10000, 10000, 100.0%", "1, 3, 33.3%"})
    void percent_oneDecimal_tinySharesNotShownAsZero(long part, long whole, String shown) {
        assertThat(ColourClasses.percent(part, whole)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "#{0}")
    @CsvSource({
        "ffffff, 100, 0, 0",
        "000000, 0, 0, 0",
        "ff0000, 53.2408, 80.0925, 67.2032",
        "0000ff, 32.2970, 79.1875, -107.8602",
        "808080, 53.5850, 0, 0",
        "010101, 0.2742, 0, 0"})
    void cielab_knownColours(String hex, double l, double a, double b) {
        double[] lab = Cielab.of(Integer.parseInt(hex, 16));
        assertThat(lab[0]).isCloseTo(l, within(1e-3));
        assertThat(lab[1]).isCloseTo(a, within(1e-3));
        assertThat(lab[2]).isCloseTo(b, within(1e-3));
    }

    @Test
    void cielab_distanceIsSquaredEuclidean() {
        assertThat(Cielab.distanceSquared(new double[] {1, 2, 3}, new double[] {3, 5, 7})).isEqualTo(29.0);
    }
}
