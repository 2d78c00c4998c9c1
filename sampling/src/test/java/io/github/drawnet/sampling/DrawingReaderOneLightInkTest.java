package io.github.drawnet.sampling;

import static io.github.drawnet.sampling.DrawingReaderBackgroundTest.LIGHT_YELLOW;
import static io.github.drawnet.sampling.DrawingReaderBackgroundTest.NAVY;
import static io.github.drawnet.sampling.DrawingReaderBackgroundTest.ORANGE;
import static io.github.drawnet.sampling.DrawingReaderBackgroundTest.WHITE;
import static io.github.drawnet.sampling.DrawingReaderBackgroundTest.onPaper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.SampleSizes;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opaque drawings in one ink colour that darkness leaves in one class (issue 24, item 3): an orange
 * or pale yellow ink on white (no pixel half dark), a dark red on a navy board (every pixel half
 * dark). Before, they were read with nothing drawn (or everything) and refused when sampled; now the
 * ink is read against the border's colour. Every drawing that could be learned before reads as it did.
 */
final class DrawingReaderOneLightInkTest {

    /** The disc of {@link #orangeDisc}: centre (110.5, 120.5), radius 60. */
    static final double DISC_AREA = Math.PI * 60 * 60;

    static void orangeDisc(Graphics2D g) {
        g.setColor(new Color(ORANGE));
        g.fill(new Ellipse2D.Double(50.5, 60.5, 120, 120));
    }

    @Test
    void read_orangeDiscOnWhitePngFile_twoClasses_theDiscsShare(@TempDir Path dir) throws IOException {
        BufferedImage drawn = onPaper(WHITE, DrawingReaderOneLightInkTest::orangeDisc);
        Path file = dir.resolve("orange.png");
        assertThat(ImageIO.write(drawn, "png", file.toFile())).isTrue();
        DrawingReader.Reading r = DrawingReader.readExplained(file, ClassReading.AUTO);
        Drawing d = r.drawing();
        assertThat(d.classCount()).isEqualTo(2);
        // the disc's 11,310 pixels (17.3%), give or take half its anti-aliased edge (377 pixels around)
        long ink = d.classPixels()[1];
        assertThat(ink).isBetween((long) DISC_AREA - 190, (long) DISC_AREA + 190);
        assertThat(d.coverage(110, 120)).isEqualTo(1f);
        assertThat(d.coverage(52, 120)).isEqualTo(1f);
        assertThat(d.coverage(0, 0)).isZero();
        assertThat(d.coverage(110, 58)).isZero();
        assertThat(r.explanation()).isEqualTo(String.format(Locale.ROOT, "found 2 classes (one ink colour, #e69f00,"
                + " lighter than the darkness threshold (0.36 < 0.5)): read as ink against the background #ffffff,"
                + " background %.1f%%, ink %.1f%%", 100 - ink / 655.36, ink / 655.36));
        // it can be learned now: sampled, each split with its share of the disc
        DataSplits s = Sampler.sample(d, SampleSizes.notebook(), 0);
        assertThat(s.test().positiveShare()).isCloseTo(DISC_AREA / 65536, within(0.01));
        // read as asked, the notebook's way, it still has nothing drawn
        assertThat(DrawingReader.read(file, ClassReading.BINARY).positiveShare()).isZero();
    }

    @Test
    void read_orangeDiscOnWhite_coverageIsTheAlphaOfTheSameDiscOnTransparentPaper_andSoAreSoftLabels() {
        Drawing opaque = DrawingReader.fromImage(onPaper(WHITE, DrawingReaderOneLightInkTest::orangeDisc), "o.png");
        Drawing transparent = DrawingReader.fromImage(
                DrawingReaderClassesTest.canvas(DrawingReaderOneLightInkTest::orangeDisc), "t.png");
        float[] o = opaque.coverage();
        float[] t = transparent.coverage();
        int edge = 0;
        for (int i = 0; i < o.length; i++) {
            // the blend is rounded to whole sRGB steps (about 0.003 along orange's 274 steps from white)
            assertThat(o[i]).as("pixel %d", i).isCloseTo(t[i], within(0.01f));
            edge += t[i] > 0 && t[i] < 1 ? 1 : 0;
        }
        assertThat(edge).isGreaterThan(300);
        // the same pixels from the same seed: soft labels point by point as the transparent drawing's
        Dataset a = Sampler.sample(opaque, SampleSizes.notebook(), 3, LabelMode.SOFT, 0).train();
        Dataset b = Sampler.sample(transparent, SampleSizes.notebook(), 3, LabelMode.SOFT, 0).train();
        int soft = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.x1(i)).isEqualTo(b.x1(i));
            assertThat(a.label(i)).as("point %d", i).isCloseTo(b.label(i), within(0.01));
            soft += a.label(i) > 0 && a.label(i) < 1 ? 1 : 0;
        }
        assertThat(soft).isPositive();
    }

    @Test
    void read_paleYellowRectangleOnWhite_twoClasses_exactlyItsPixels() {
        BufferedImage image = onPaper(WHITE, g -> {
            g.setColor(new Color(LIGHT_YELLOW));
            g.fillRect(40, 50, 100, 80);
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "pale.png", ClassReading.AUTO);
        assertThat(r.drawing().classPixels()).containsExactly(65536 - 8000, 8000);
        assertThat(r.drawing().classOf(40, 50)).isEqualTo(1);
        assertThat(r.drawing().classOf(139, 129)).isEqualTo(1);
        assertThat(r.drawing().classOf(39, 50)).isZero();
        assertThat(r.drawing().classOf(140, 129)).isZero();
        assertThat(r.explanation()).isEqualTo("found 2 classes (one ink colour, #fff3b0, lighter than the darkness"
                + " threshold (0.06 < 0.5)): read as ink against the background #ffffff, background 87.8%, ink 12.2%");
    }

    @Test
    void read_darkRedOnANavyBoard_everyPixelDarkBefore_nowTheRedIsTheInk() {
        BufferedImage image = onPaper(NAVY, g -> {
            g.setColor(new Color(0x8b0000));
            g.fillRect(40, 50, 100, 80);
        });
        // both dark by the notebook's rule: the whole canvas drawn, a problem of one class (and before, read in
        // colours, three classes of which the background had no pixel)
        assertThat(DrawingReader.fromImage(image, "board.png", ClassReading.BINARY).positiveShare()).isEqualTo(1);
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "board.png", ClassReading.AUTO);
        assertThat(r.drawing().classPixels()).containsExactly(65536 - 8000, 8000);
        assertThat(r.drawing().classOf(40, 50)).isEqualTo(1);
        assertThat(r.drawing().classOf(0, 0)).isZero();
        assertThat(r.drawing().coverage(0, 0)).isZero();
        assertThat(r.explanation()).isEqualTo("found 2 classes (one ink colour, #8b0000, on a background as dark"
                + " (darkness 0.84 and 0.84, both >= 0.5)): read as ink against the background #1f2a44, background"
                + " 87.8%, ink 12.2%");
    }

    @Test
    void read_lightInkAndASmallColourInIt_theSmallOneReadBetweenBackgroundAndInk() {
        // an orange disc, and a pale yellow 10 x 10 square (0.15%) on the white: 0.28 of the way to orange
        BufferedImage image = onPaper(WHITE, g -> {
            orangeDisc(g);
            g.setColor(new Color(LIGHT_YELLOW));
            g.fillRect(200, 20, 10, 10);
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "dot.png", ClassReading.AUTO);
        assertThat(r.drawing().coverage(205, 25)).isCloseTo(0.284f, within(0.001f));
        assertThat(r.explanation()).startsWith("found 2 classes (one ink colour, #e69f00, ")
                .endsWith(" (1 colour under 0.5%: #fff3b0 0.2%, each read by where it lies between the background"
                        + " and the ink)");
    }

    /** Drawings that could be learned before read as they did, bit for bit. */
    @Test
    void read_lightInkOutlinedInBlack_theOutlineIsTheRegionAsBefore() {
        // an orange disc in a thin black outline (no black pixel has black all around): one ink colour by the
        // border's rule, and the darkness rule finds the outline, so it is read as it always was, a ring
        Consumer<Graphics2D> painter = g -> {
            orangeDisc(g);
            g.setColor(Color.BLACK);
            g.setStroke(new java.awt.BasicStroke(1.5f));
            g.draw(new Ellipse2D.Double(50.5, 60.5, 120, 120));
        };
        BufferedImage image = onPaper(WHITE, painter);
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "ring.png", ClassReading.AUTO);
        assertThat(r.drawing()).isEqualTo(DrawingReader.fromImage(image, "ring.png", ClassReading.BINARY));
        assertThat(r.drawing().classOf(110, 120)).isZero();
        assertThat(r.drawing().positiveShare()).isBetween(0.005, 0.02);
        assertThat(r.explanation()).startsWith("found 2 classes (no ink colour covers 0.5% of the drawing): read as the"
                + " notebook does, ");
    }

    @Test
    void read_lightInkWithNoBackgroundOnTheBorder_stillNothingDrawn_refusedWhenSampled() {
        // orange fills the left half to the border, white the right: neither is the background
        BufferedImage image = onPaper(WHITE, g -> {
            g.setColor(new Color(ORANGE));
            g.fillRect(0, 0, 128, 256);
        });
        DrawingReader.Reading r = DrawingReader.fromImageExplained(image, "halves.png", ClassReading.AUTO);
        assertThat(r.drawing().positiveShare()).isZero();
        assertThat(r.explanation()).isEqualTo("found 2 classes (no ink colour covers 0.5% of the drawing): read as the"
                + " notebook does, background 100.0%, ink 0.0%");
        assertThatThrownBy(() -> Sampler.sample(r.drawing(), SampleSizes.notebook(), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessageContaining("has no positive pixels (nothing drawn)");
    }

    @Test
    void read_orangeOnlyInSpecksUnderThreePixelsAcross_noRegion_stillNothingDrawn() {
        // a checkerboard of orange and white: no orange pixel has orange all around it
        BufferedImage image = onPaper(WHITE, g -> {});
        for (int y = 0; y < 256; y++) {
            for (int x = (y % 2) + 64; x < 192; x += 2) {
                image.setRGB(x, y, ORANGE);
            }
        }
        assertThat(DrawingReader.fromImage(image, "specks.png").positiveShare()).isZero();
    }
}
