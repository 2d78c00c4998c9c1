package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One map panel, read back from its SVG: where the plot, its ticks and labels, its title and its
 * colour bar are, and what the colour bar says; and from its pixels, which way up the map is.
 */
final class MapPanelTest {

    static final Rectangle2D BOX = new Rectangle2D.Double(20, 10, 340, 290);
    static final double TICK_ASCENT = Svg.ascent(Palette.TICK);

    /** A panel of a tanh unit's map: values from -1 to 1, with its colour bar. */
    static Figure panel(String colourLabel, MapPanel.Overlay overlay) {
        float[] values = {-1f, 0f, 0f, 1f};
        return new Figure("panel", "a panel", 400, 320, g -> MapPanel.paint(g, BOX, "Hidden unit 1",
                MapPanel.gridImage(values, 2, -1, 1), -1, 1, colourLabel, overlay), Map.of());
    }

    // each test draws its own panel rather than sharing one drawn for the class: mutation testing
    // counts only the code a test runs itself as covered by it
    static Svg tanh() {
        return Svg.of(panel("tanh activation", null));
    }

    @Test
    void plotArea_squareInsideTheBox_leavingRoomForLabelsTitleAndColourBar() {
        Rectangle2D plot = MapPanel.plotArea(BOX, true);
        assertThat(plot.getWidth()).isEqualTo(plot.getHeight());
        // 44 px left for the x2 tick labels and title, 24 above for the title, 40 below for x1's
        assertThat(plot.getX()).isEqualTo(BOX.getX() + 44);
        assertThat(plot.getY()).isEqualTo(BOX.getY() + 24);
        // the colour bar (gap 12, bar 14) and its labels (62) and a margin (14) fit to the right
        assertThat(plot.getMaxX() + 12 + 14 + 62 + 14).isLessThanOrEqualTo(BOX.getMaxX());
        assertThat(plot.getMaxY() + 40).isLessThanOrEqualTo(BOX.getMaxY());
        // it is as large as the narrower of the two allows
        assertThat(plot.getWidth()).isEqualTo(Math.min(BOX.getWidth() - 44 - 102, BOX.getHeight() - 64));
    }

    @Test
    void plotArea_wideBox_centredBetweenTheMargins() {
        Rectangle2D wide = new Rectangle2D.Double(100, 0, 300, 200);
        Rectangle2D p = MapPanel.plotArea(wide, false);
        assertThat(p.getWidth()).isEqualTo(200 - 64);
        double leftGap = p.getX() - (wide.getX() + 44);
        double rightGap = (wide.getMaxX() - 16) - p.getMaxX();
        assertThat(leftGap).isPositive().isEqualTo(rightGap);
    }

    @Test
    void paint_returnsThePlotArea_withOrWithoutColourBar() {
        BufferedImage image = new BufferedImage(400, 320, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            BufferedImage raster = MapPanel.gridImage(new float[] {0, 1, 1, 0}, 2, 0, 1);
            assertThat(MapPanel.paint(g, BOX, "t", raster, 0, 1, "p", null)).isEqualTo(MapPanel.plotArea(BOX, true));
            assertThat(MapPanel.paint(g, BOX, "t", raster, 0, 1, null, null)).isEqualTo(MapPanel.plotArea(BOX, false));
        } finally {
            g.dispose();
        }
    }

    @Test
    void axes_anyPanel_frameAroundThePlot() {
        Svg tanh = tanh();
        Rectangle2D plot = MapPanel.plotArea(BOX, true);
        assertThat(tanh.rects).anySatisfy(r -> {
            assertThat(r.style().stroke()).isEqualTo(Palette.INK);
            assertThat(r.style().fill()).isNull();
            assertThat(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height())).isEqualTo(plot);
        });
    }

    @Test
    void axes_ticksAtEveryQuarter_labelledUnderAndLeftOfThem() {
        Svg tanh = tanh();
        Rectangle2D plot = MapPanel.plotArea(BOX, true);
        String[] labels = {"0", "0.25", "0.5", "0.75", "1"};
        for (int i = 0; i <= 4; i++) {
            double t = i / 4.0;
            double x = plot.getX() + t * plot.getWidth();
            double y = plot.getMaxY() - t * plot.getHeight();
            // x1: a 4 px tick down from the bottom edge, its label centred under it
            assertThat(tanh.lines).as("x1 tick %s", t).anySatisfy(l -> {
                assertThat(l.x1()).isEqualTo(x);
                assertThat(l.x2()).isEqualTo(x);
                assertThat(l.y1()).isEqualTo(plot.getMaxY());
                assertThat(l.y2()).isEqualTo(plot.getMaxY() + 4);
            });
            // x2: a 4 px tick left of the left edge, its label ending 6 px left of the axis
            assertThat(tanh.lines).as("x2 tick %s", t).anySatisfy(l -> {
                assertThat(l.y1()).isEqualTo(y);
                assertThat(l.y2()).isEqualTo(y);
                assertThat(l.x1()).isEqualTo(plot.getX() - 4);
                assertThat(l.x2()).isEqualTo(plot.getX());
            });
            List<Svg.Text> texts = tanh.texts(labels[i]).stream().filter(s -> s.x() < plot.getMaxX()).toList();
            assertThat(texts).as("label %s", labels[i]).hasSize(2);
            Svg.Text under = texts.stream().max(Comparator.comparingDouble(Svg.Text::y)).orElseThrow();
            assertThat(Svg.centreX(under, Palette.TICK)).isCloseTo(x, within(0.01));
            assertThat(under.y()).isCloseTo(plot.getMaxY() + 6 + TICK_ASCENT, within(0.01));
            Svg.Text left = texts.stream().min(Comparator.comparingDouble(Svg.Text::y)).orElseThrow();
            assertThat(left.x() + Svg.width(labels[i], Palette.TICK)).isCloseTo(plot.getX() - 6, within(0.01));
            assertThat(left.y()).isCloseTo(y + TICK_ASCENT / 2 - 1, within(0.01));
            assertThat(under.style().fontSize()).isEqualTo(11);
        }
    }

    @Test
    void axes_titles_x1CentredUnder_x2TurnedUpLeftOfThePlot() {
        Svg tanh = tanh();
        Rectangle2D plot = MapPanel.plotArea(BOX, true);
        Svg.Text x1 = tanh.text("x1");
        assertThat(x1.rotated()).isFalse();
        assertThat(Svg.centreX(x1, Palette.AXIS)).isCloseTo(plot.getCenterX(), within(0.01));
        assertThat(x1.y()).isEqualTo(plot.getMaxY() + 34);
        assertThat(x1.style().fontSize()).isEqualTo(13);
        Svg.Text x2 = tanh.text("x2");
        assertThat(x2.rotated()).isTrue();
        // read bottom to top: it starts half its width below the centre, 30 px left of the plot
        assertThat(x2.x()).isCloseTo(plot.getX() - 30, within(0.01));
        assertThat(x2.y()).isCloseTo(plot.getCenterY() + Svg.width("x2", Palette.AXIS) / 2, within(0.01));
    }

    @Test
    void title_anyPanel_boldCentredOverThePlot() {
        Svg tanh = tanh();
        Rectangle2D plot = MapPanel.plotArea(BOX, true);
        Svg.Text t = tanh.text("Hidden unit 1");
        assertThat(Svg.centreX(t, Palette.TITLE.deriveFont(13f))).isCloseTo(plot.getCenterX(), within(0.01));
        assertThat(t.y()).isEqualTo(BOX.getY() + 16);
        assertThat(t.style().bold()).isTrue();
        assertThat(t.style().fontSize()).isEqualTo(13);
        assertThat(t.style().fill()).isEqualTo(Palette.INK);
    }

    static List<Svg.Rect> barSteps(Svg svg, double x) {
        return svg.rects.stream().filter(r -> r.x() == x && r.width() == 14 && r.style().fill() != null)
                .sorted(Comparator.comparingDouble(Svg.Rect::y).reversed()).toList();
    }

    @Test
    void colourBar_64StepsFromBottomToTop_orangeThroughWhiteToBlue_spanningThePlotsHeight() {
        Svg tanh = tanh();
        Rectangle2D plot = MapPanel.plotArea(BOX, true);
        double x = plot.getMaxX() + 12;
        List<Svg.Rect> steps = barSteps(tanh, x);
        assertThat(steps).hasSize(64);
        double step = plot.getHeight() / 64;
        for (int i = 0; i < 64; i++) {
            Svg.Rect r = steps.get(i);
            // a tanh's bar: -1 at the bottom (orange), 0 in the middle (white), 1 at the top (blue)
            assertThat(r.style().fill()).as("step %d", i).isEqualTo(Palette.diverging((i + 0.5) / 64));
            assertThat(r.y()).isCloseTo(plot.getMaxY() - (i + 1) * step, within(1e-9));
            // each step overlaps the next a little, so no white seam shows between them
            assertThat(r.height()).isCloseTo(step + 0.6, within(1e-9));
        }
        assertThat(tanh.rects).anySatisfy(r -> {
            assertThat(r.style().stroke()).isEqualTo(Palette.INK);
            assertThat(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()))
                    .isEqualTo(new Rectangle2D.Double(x, plot.getY(), 14, plot.getHeight()));
        });
    }

    @Test
    void colourBar_tanh_readsMinus1AtBottom0Middle1Top() {
        Svg tanh = tanh();
        Rectangle2D plot = MapPanel.plotArea(BOX, true);
        double x = plot.getMaxX() + 12 + 14;
        String[] labels = {"-1", "0", "1"};
        for (int i = 0; i <= 2; i++) {
            double y = plot.getMaxY() - i / 2.0 * plot.getHeight();
            Svg.Text t = tanh.texts(labels[i]).stream().filter(s -> s.x() > plot.getMaxX()).findFirst().orElseThrow();
            assertThat(t.x()).isEqualTo(x + 5);
            assertThat(t.y()).isCloseTo(y + TICK_ASCENT / 2 - 1, within(0.01));
            assertThat(tanh.lines).as("bar tick %d", i).anySatisfy(l -> {
                assertThat(l.x1()).isEqualTo(x);
                assertThat(l.x2()).isEqualTo(x + 3);
                assertThat(l.y1()).isEqualTo(y);
                assertThat(l.y2()).isEqualTo(y);
            });
        }
        Svg.Text label = tanh.text("tanh activation");
        assertThat(label.rotated()).isTrue();
        // turned to read top to bottom, centred on the bar's middle
        assertThat(label.x()).isCloseTo(x + 62 - 6, within(0.01));
        assertThat(label.y()).isCloseTo(plot.getCenterY() - Svg.width("tanh activation", Palette.TICK) / 2,
                within(0.01));
    }

    @Test
    void colourBar_noLabel_noBar_andTheMapTakesTheRoom() {
        Svg bare = Svg.of(panel(null, null));
        Rectangle2D wider = MapPanel.plotArea(BOX, false);
        assertThat(wider.getWidth()).isGreaterThan(MapPanel.plotArea(BOX, true).getWidth());
        assertThat(bare.rects).noneMatch(r -> r.width() == 14);
        assertThat(bare.texts("-1")).isEmpty();
        assertThat(bare.rects).anySatisfy(r -> assertThat(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()))
                .isEqualTo(wider));
    }

    @Test
    void colourBarOnly_sharedBarAtTheBoxsLeftEdge_fromBelowTheTitleToAboveTheBottomMargin() {
        Rectangle2D box = new Rectangle2D.Double(300, 40, 100, 290);
        Svg svg = Svg.of(new Figure("bar", "bar", 420, 340, g -> MapPanel.colourBarOnly(g, box, 0, 1, "p"), Map.of()));
        List<Svg.Rect> steps = barSteps(svg, 300);
        assertThat(steps).hasSize(64);
        assertThat(steps.get(0).y() + steps.get(0).height() - 0.6).isCloseTo(40 + 290 - 40, within(1e-9));
        assertThat(steps.get(63).y()).isCloseTo(40 + 24, within(1e-9));
        assertThat(svg.text("0").y()).isGreaterThan(svg.text("0.50").y());
        assertThat(svg.text("0.50").y()).isGreaterThan(svg.text("1").y());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // whole numbers as they are, below a million
        "0, 0", "1, 1", "-1, -1", "250, 250", "100, 100",
        // two decimals from a hundredth up to a hundred
        "0.5, 0.50", "0.01, 0.01", "-0.25, -0.25", "99.5, 99.50",
        // two significant digits outside that
        "123.4, 1.2e+02", "0.005, 0.0050", "1000000, 1.0e+06"
    })
    void number_colourBarLabels_shortWhateverTheRange(double v, String label) {
        assertThat(MapPanel.number(v)).isEqualTo(label);
    }

    @Test
    void gridImage_row0AtTheBottom_colouredOverTheGivenRange() {
        // row 0: -1 then 0; row 1: 0.5 then 1; over [-1, 1]
        BufferedImage image = MapPanel.gridImage(new float[] {-1f, 0f, 0.5f, 1f}, 2, -1, 1);
        assertThat(new Color(image.getRGB(0, 1))).isEqualTo(Palette.NEGATIVE);
        assertThat(new Color(image.getRGB(1, 1))).isEqualTo(Color.WHITE);
        assertThat(new Color(image.getRGB(0, 0))).isEqualTo(Palette.diverging(0.75));
        assertThat(new Color(image.getRGB(1, 0))).isEqualTo(Palette.POSITIVE);
    }

    @Test
    void paint_mapStretchedSmoothly_betweenGridPointsTheColourIsBetweenTheirs() {
        // two columns, 0 on the left and 1 on the right: a third of the way across is neither end's colour
        float[] values = {0f, 1f, 0f, 1f};
        Figure f = new Figure("smooth", "smooth", 400, 320, g -> MapPanel.paint(g, BOX, "",
                MapPanel.gridImage(values, 2, 0, 1), 0, 1, null, null), Map.of());
        BufferedImage image = FigureWriter.toImage(f);
        Rectangle2D plot = MapPanel.plotArea(BOX, false);
        Color third = new Color(image.getRGB((int) (plot.getX() + plot.getWidth() / 3), (int) plot.getCenterY()));
        // the image is stretched smoothly: a third of the way from the orange pixel (0) to the blue one (1) is a
        // blend of the two, each channel between theirs and the colour far from both
        assertThat(Colours.distance(third, Palette.NEGATIVE)).isGreaterThan(20);
        assertThat(Colours.distance(third, Palette.POSITIVE)).isGreaterThan(20);
        Color o = Palette.NEGATIVE;
        Color bl = Palette.POSITIVE;
        assertThat(third.getRed()).isBetween(Math.min(o.getRed(), bl.getRed()), Math.max(o.getRed(), bl.getRed()));
        assertThat(third.getGreen()).isBetween(Math.min(o.getGreen(), bl.getGreen()), Math.max(o.getGreen(), bl.getGreen()));
        assertThat(third.getBlue()).isBetween(Math.min(o.getBlue(), bl.getBlue()), Math.max(o.getBlue(), bl.getBlue()));
        assertThat(third.getRed()).as("nearer the orange").isGreaterThan(third.getBlue());
    }
}
