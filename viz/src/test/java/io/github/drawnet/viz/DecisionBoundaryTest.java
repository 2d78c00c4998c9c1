package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.ExperimentResult;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision-boundary figure of a network whose boundary is known: {@code p = sigmoid(20 x2 -
 * 10)} is positive above the line {@code x2 = 0.5} and exactly 0.5 on it. Checked through the
 * figure's SVG (where each dot, segment and cross is) and its PNG (what colour lands where).
 */
final class DecisionBoundaryTest {

    static final double[][] POINTS = {
        {0.25, 0.8, 1}, // above, positive: correct
        {0.75, 0.2, 0}, // below, negative: correct
        {0.6, 0.9, 0}, // above, negative: a mistake
        {0.4, 0.1, 1}, // below, positive: a mistake
        {0.3, 0.5, 1}, // on the line (p = 0.5 counts positive), positive: correct
        {0.7, 0.5, 0}, // on the line, negative: a mistake
        {0.2, 0.53, 1}, // just above (p = 0.65, a mid-blue ground), positive: correct
        {0.8, 0.47, 0}, // just below (p = 0.35), negative: correct
    };

    static final ExperimentResult RESULT = Results.builder().test(Results.points(POINTS)).gridResolution(32).build();

    Figure figure;
    Rectangle2D plot;
    Svg svg;

    /** Draws the figure for each test: mutation testing counts only the code a test runs itself as covered by it. */
    @BeforeEach
    void draw() {
        figure = NotebookVisualizer.decisionBoundary(RESULT);
        plot = figure.panels().get("output");
        svg = Svg.of(figure);
    }

    double px(double x1) {
        return plot.getX() + x1 * plot.getWidth();
    }

    double py(double x2) {
        return plot.getMaxY() - x2 * plot.getHeight();
    }

    @Test
    void fixture_pointsOnTheLine_predictedExactlyHalf() {
        assertThat(RESULT.testPredictions()[4]).isEqualTo(0.5f);
        assertThat(RESULT.testPredictions()[5]).isEqualTo(0.5f);
        assertThat(RESULT.test().accuracy()).isEqualTo(5 / 8.0);
    }

    @Test
    void contour_modelWithBoundaryAtHalfHeight_segmentsOnX2Half_acrossTheSquare() {
        List<Line2D> s = Contour.segments(RESULT.grid().output(), RESULT.gridResolution(), 0.5);
        assertThat(s).hasSize(31);
        for (Line2D seg : s) {
            assertThat(seg.getY1()).isCloseTo(0.5, within(1e-6));
            assertThat(seg.getY2()).isCloseTo(0.5, within(1e-6));
        }
        assertThat(s.stream().mapToDouble(seg -> Math.abs(seg.getX2() - seg.getX1())).sum()).isCloseTo(1,
                within(1e-9));
    }

    @Test
    void boundary_drawnAsThickRedSegmentsAtX2Half_spanningThePlot() {
        List<Svg.Line> boundary = svg.lines(Palette.BOUNDARY).stream().filter(l -> l.style().strokeWidth() > 2)
                .toList();
        assertThat(boundary).hasSize(31);
        for (Svg.Line l : boundary) {
            assertThat(l.y1()).isCloseTo(py(0.5), within(1e-3));
            assertThat(l.y2()).isCloseTo(py(0.5), within(1e-3));
        }
        assertThat(boundary.stream().mapToDouble(l -> Math.min(l.x1(), l.x2())).min().orElseThrow())
                .isCloseTo(plot.getX(), within(1e-6));
        assertThat(boundary.stream().mapToDouble(l -> Math.max(l.x1(), l.x2())).max().orElseThrow())
                .isCloseTo(plot.getMaxX(), within(1e-6));
        assertThat(boundary.stream().mapToDouble(Svg.Line::length).sum()).isCloseTo(plot.getWidth(), within(1e-3));
    }

    @Test
    void dots_everyTestPointAtItsPlace_blueForLabel1_orangeForLabel0() {
        assertThat(svg.ellipses).hasSize(POINTS.length * 2); // each dot is filled, then outlined
        for (double[] p : POINTS) {
            List<Svg.Ellipse> at = svg.ellipses.stream()
                    .filter(e -> Math.abs(e.cx() - px(p[0])) < 1e-6 && Math.abs(e.cy() - py(p[1])) < 1e-6).toList();
            assertThat(at).as("dot at %s, %s", p[0], p[1]).hasSize(2);
            assertThat(at).allSatisfy(e -> assertThat(e.rx()).isEqualTo(1.6));
            Color fill = at.stream().map(e -> e.style().fill()).filter(c -> c != null).findFirst().orElseThrow();
            assertThat(fill).isEqualTo(p[2] == 1 ? Palette.POSITIVE : Palette.NEGATIVE);
            assertThat(at).anySatisfy(e -> assertThat(e.style().stroke()).isEqualTo(Color.DARK_GRAY));
        }
    }

    @Test
    void mistakes_crossAtEachMisclassifiedPoint_includingTheNegativePointAtExactlyHalf() {
        List<Svg.Line> crosses = svg.lines(Palette.MISTAKE).stream().filter(l -> l.style().strokeWidth() < 2).toList();
        // (0.6, 0.9) false alarm, (0.4, 0.1) missed, (0.7, 0.5) negative at p = 0.5: predicted positive
        double[][] mistakes = {{0.6, 0.9}, {0.4, 0.1}, {0.7, 0.5}};
        assertThat(crosses).hasSize(2 * mistakes.length);
        double c = 3.2;
        for (double[] m : mistakes) {
            double x = px(m[0]);
            double y = py(m[1]);
            assertThat(crosses).as("cross at %s, %s", m[0], m[1])
                    .anySatisfy(l -> assertSegment(l, x - c, y - c, x + c, y + c))
                    .anySatisfy(l -> assertSegment(l, x - c, y + c, x + c, y - c));
        }
    }

    static void assertSegment(Svg.Line l, double x1, double y1, double x2, double y2) {
        assertThat(l.x1()).isCloseTo(x1, within(1e-3));
        assertThat(l.y1()).isCloseTo(y1, within(1e-3));
        assertThat(l.x2()).isCloseTo(x2, within(1e-3));
        assertThat(l.y2()).isCloseTo(y2, within(1e-3));
    }

    @Test
    void title_smallTestSet_countsPointsShownAndMistakes() {
        Svg.Text t = svg.text("Output with its 0.5 boundary; 8 of 8 test points, all 3 mistakes (x)");
        assertThat(t.x()).isEqualTo(10);
        assertThat(t.y()).isEqualTo(20);
        assertThat(t.style().fill()).isEqualTo(Palette.INK);
        assertThat(t.style().fontSize()).isEqualTo(13);
    }

    static boolean red(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 170 && c.getGreen() < 90 && c.getBlue() < 90;
    }

    @Test
    void png_knownPlanePoints_overlayPixelsWhereThePlaneMapsThem() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(FigureWriter.toPng(figure)));
        assertThat(image.getWidth()).isEqualTo(620);
        assertThat(image.getHeight()).isEqualTo(640);
        // the boundary, at x2 = 0.5 and clear of any point
        assertThat(red(image.getRGB((int) px(0.9), (int) Math.floor(py(0.5))))).as("boundary").isTrue();
        assertThat(red(image.getRGB((int) px(0.9), (int) py(0.6)))).as("above the boundary").isFalse();
        // an arm of the cross at (0.4, 0.1), 2 px from its centre, on light ground
        assertThat(red(image.getRGB((int) Math.round(px(0.4) + 2.5), (int) Math.round(py(0.1) + 2.5))))
                .as("cross arm").isTrue();
        // no cross at a correct point
        assertThat(red(image.getRGB((int) Math.round(px(0.75) + 2.5), (int) Math.round(py(0.2) + 2.5))))
                .as("no cross at a correct point").isFalse();
        // near the line the ground is near white (p near 0.5, undecided): the positive point's dot is the scheme's
        // blue and the negative one's its orange, both darker than the ground beside them
        assertThat(Colours.distance(new Color(image.getRGB((int) px(0.2), (int) py(0.53))), Palette.POSITIVE))
                .isLessThan(10);
        assertThat(Colours.distance(new Color(image.getRGB((int) px(0.8), (int) py(0.47))), Palette.NEGATIVE))
                .isLessThan(10);
        assertThat(luminance(image, px(0.2) + 6, py(0.53))).isGreaterThan(0.8);
        assertThat(luminance(image, px(0.2), py(0.53))).isLessThan(luminance(image, px(0.2) + 6, py(0.53)) - 0.2);
        assertThat(luminance(image, px(0.8), py(0.47))).isLessThan(luminance(image, px(0.8) + 6, py(0.47)) - 0.2);
    }

    static double luminance(BufferedImage image, double x, double y) {
        return Palette.luminance(new Color(image.getRGB((int) x, (int) y)));
    }

    @Test
    void png_markNearTheCorner_clippedToThePlot() throws Exception {
        // a mistake at the top-right corner: its cross is cut at the plot's edge
        ExperimentResult corner = Results.builder().test(Results.points(new double[] {1, 1, 0}, new double[] {0, 0, 0}))
                .gridResolution(8).build();
        Figure f = NotebookVisualizer.decisionBoundary(corner);
        Rectangle2D area = f.panels().get("output");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(FigureWriter.toPng(f)));
        // pixels whose centres lie on the arm from (x - 3.2, y + 3.2) to (x + 3.2, y - 3.2), x = maxX, y = minY
        int x = (int) area.getMaxX();
        int y = (int) area.getY();
        assertThat(red(image.getRGB(x - 3, y + 2))).as("inside").isTrue();
        assertThat(red(image.getRGB(x + 2, y - 3))).as("outside").isFalse();
    }

    @Test
    void dots_softLabelOfHalf_drawnAsAPositivePoint() {
        ExperimentResult soft = Results.builder().test(Results.points(new double[] {0.5, 0.9, 0.5},
                new double[] {0.5, 0.1, 0.49})).gridResolution(8).build();
        Svg s = Svg.of(NotebookVisualizer.decisionBoundary(soft));
        assertThat(s.ellipses.stream().filter(e -> Palette.POSITIVE.equals(e.style().fill()))).hasSize(1)
                .allSatisfy(e -> assertThat(e.cy()).isLessThan(300));
        assertThat(s.ellipses.stream().filter(e -> Palette.NEGATIVE.equals(e.style().fill()))).hasSize(1);
    }

    static Dataset grid(int n) {
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) {
            double x1 = (i % 71) / 70.0;
            double x2 = (i / 71) / 70.0;
            pts[i] = new double[] {x1, x2, x2 >= 0.5 ? 1 : 0};
        }
        return Results.points(pts);
    }

    @Test
    void manyPoints_upTo2500_everyOneDrawn_2501_everySecond_butEveryMistakeMarked() {
        Svg all = Svg.of(NotebookVisualizer.decisionBoundary(Results.builder().test(grid(2500)).gridResolution(8)
                .build()));
        assertThat(all.ellipses).hasSize(2 * 2500);
        all.text("Output with its 0.5 boundary; 2500 of 2500 test points, all 0 mistakes (x)");
        // two mistakes at points not drawn as dots (1 and 3: every second point is, from 0)
        double[] labels = grid(2501).labels();
        labels[1] = 1;
        labels[3] = 1;
        Dataset test = grid(2501).withLabels(labels);
        Svg half = Svg.of(NotebookVisualizer.decisionBoundary(Results.builder().test(test).gridResolution(8).build()));
        assertThat(half.ellipses).hasSize(2 * 1251);
        half.text("Output with its 0.5 boundary; 1251 of 2501 test points, all 2 mistakes (x)");
        assertThat(half.lines(Palette.MISTAKE).stream().filter(l -> l.style().strokeWidth() < 2)).hasSize(4);
    }

    @Test
    void moreThan5000Mistakes_everyKthMarked_titleSaysHowMany() {
        // every label flipped: all 10001 points are mistakes, every 3rd is marked (3334 of them)
        double[][] pts = new double[10001][];
        for (int i = 0; i < pts.length; i++) {
            double x1 = (i % 71) / 70.0;
            double x2 = ((i / 71) % 71) / 70.0;
            pts[i] = new double[] {x1, x2, x2 >= 0.5 ? 0 : 1}; // the wrong side of the half plane
        }
        Dataset test = Results.points(pts);
        Svg svg = Svg.of(NotebookVisualizer.decisionBoundary(Results.builder().test(test).gridResolution(8).build()));
        svg.text("Output with its 0.5 boundary; 2001 of 10001 test points, 3334 of 10001 mistakes (x)");
        assertThat(svg.lines(Palette.MISTAKE).stream().filter(l -> l.style().strokeWidth() < 2)).hasSize(2 * 3334);
        // 5000 mistakes: all marked
        double[] five = grid(5000).labels();
        for (int i = 0; i < five.length; i++) {
            five[i] = 1 - five[i];
        }
        Svg all = Svg.of(NotebookVisualizer.decisionBoundary(Results.builder().test(grid(5000).withLabels(five))
                .gridResolution(8).build()));
        all.text("Output with its 0.5 boundary; 2500 of 5000 test points, all 5000 mistakes (x)");
        assertThat(all.lines(Palette.MISTAKE).stream().filter(l -> l.style().strokeWidth() < 2)).hasSize(2 * 5000);
    }

    @Test
    void svg_axesAfterTheOverlay_areNotClippedToThePlot() throws Exception {
        // VectorGraphics2D does not undo a copy's clip on dispose: the tick labels drawn after the overlay
        // once sat inside a clip group of the plot square, and SVG viewers hid them
        String svg = new String(FigureWriter.toSvg(NotebookVisualizer.decisionBoundary(RESULT)),
                java.nio.charset.StandardCharsets.UTF_8);
        int label = svg.indexOf(">0.25<");
        assertThat(label).isPositive();
        int open = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<g[^>]*clip-path[^>]*>|<g[\\s>]|</g>")
                .matcher(svg.substring(0, label));
        java.util.Deque<Boolean> stack = new java.util.ArrayDeque<>();
        while (m.find()) {
            String tag = m.group();
            if (tag.equals("</g>")) {
                if (Boolean.TRUE.equals(stack.poll())) {
                    open--;
                }
            } else {
                boolean clipped = tag.contains("clip-path");
                stack.push(clipped);
                open += clipped ? 1 : 0;
            }
        }
        assertThat(open).as("clip groups around the first tick label").isZero();
    }
}
