package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.ConfusionMatrix;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ForwardPass;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The figures of results of three and four classes whose regions are known (the cells of set
 * centres, {@link ClassResults}): each class's colour where its region is, the borders where the
 * nearest centre changes, the mistakes where the test labels were changed, the confusion matrix's
 * numbers the evaluation's, and one probability map per class.
 */
final class ClassFiguresTest {

    /** Three classes; test points 0, 5 and 17 carry a wrong label. */
    static final ExperimentResult THREE = ClassResults.result(ClassResults.THREE, 600, 0, 5, 17);
    /** Four classes, one per quadrant; test points 1 and 2 carry a wrong label. */
    static final ExperimentResult FOUR = ClassResults.result(ClassResults.FOUR, 400, 1, 2);

    static Stream<Arguments> results() {
        return Stream.of(Arguments.of(THREE, ClassResults.THREE, new int[] {0, 5, 17}),
                Arguments.of(FOUR, ClassResults.FOUR, new int[] {1, 2}));
    }

    static Color classColour(int k) {
        return k == 0 ? Palette.CLASS_BACKGROUND : new Color(ClassResults.RGB[k - 1]);
    }

    static Color at(BufferedImage image, Figure f, String panel, double x1, double x2) {
        Point2D p = f.pixel(panel, x1, x2);
        return new Color(image.getRGB((int) p.getX(), (int) p.getY()));
    }

    static float hue(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[0];
    }

    static float saturation(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[1];
    }

    /** Returns the distance of two hues on the circle of hues, in turns (0 to 0.5). */
    static double hueDistance(Color a, Color b) {
        double d = Math.abs(hue(a) - hue(b));
        return Math.min(d, 1 - d);
    }

    /** Asserts that {@code seen} shows class {@code k}: its hue, strongly; the background a clear grey. */
    static void showsClass(Color seen, int k) {
        if (k == 0) {
            assertThat(saturation(seen)).as("background grey, saw %s", seen).isLessThan(0.05f);
            assertThat(Palette.luminance(seen)).as("background, not white: %s", seen).isLessThan(0.85);
        } else {
            assertThat(hueDistance(seen, classColour(k))).as("hue of class %d, saw %s", k, seen).isLessThan(0.02);
            assertThat(saturation(seen)).as("class %d saturated, saw %s", k, seen)
                    .isGreaterThan(0.75f * saturation(classColour(k)));
        }
    }

    @Test
    void referenceBackend_gridPass_isTheSoftmaxOfTheCentres() {
        ForwardPass byHand = ClassResults.forward(ClassResults.parameters(ClassResults.THREE), Dataset.grid(65));
        float[] reference = THREE.grid().output();
        assertThat(THREE.grid().width()).isEqualTo(3);
        for (int i = 0; i < reference.length; i++) {
            assertThat(reference[i]).as("output %d", i).isCloseTo(byHand.output()[i], within(1e-5f));
        }
    }

    @ParameterizedTest
    @MethodSource("results")
    void figures_ofKClasses_theClassFiguresInTheReportsOrder(ExperimentResult r, double[][] centres, int[] flipped) {
        assertThat(new NotebookVisualizer().figures(r)).extracting(Figure::name)
                .containsExactlyElementsOf(NotebookVisualizer.CLASS_FIGURE_NAMES);
        assertThat(NotebookVisualizer.figureNames(centres.length)).isEqualTo(NotebookVisualizer.CLASS_FIGURE_NAMES);
        assertThat(NotebookVisualizer.figureNames(2)).isEqualTo(NotebookVisualizer.FIGURE_NAMES);
        // the studio's boundary picture of a K-class result is its class map
        assertThat(NotebookVisualizer.decisionBoundary(r).name()).isEqualTo("class-map");
    }

    @ParameterizedTest
    @MethodSource("results")
    void classMap_atEachCentre_thatClassesColour_paleAtTheBorders(ExperimentResult r, double[][] centres,
            int[] flipped) {
        Figure f = ClassFigures.classMap(r);
        BufferedImage image = FigureWriter.toImage(f);
        for (int k = 0; k < centres.length; k++) {
            // a little off the centre, so that no test point's dot covers the pixel
            Color deep = nearestFree(image, f, r, centres[k][0], centres[k][1]);
            showsClass(deep, k);
        }
        // near the border of classes 1 and 2 (a tenth of the way from the middle towards 1's centre) class 1
        // is barely the likelier: the same hue, far paler than at its centre
        double mx = 0.6 * centres[1][0] + 0.4 * centres[2][0];
        double my = 0.6 * centres[1][1] + 0.4 * centres[2][1];
        assertThat(ClassResults.nearest(centres, mx, my)).isEqualTo(1);
        Color border = nearestFree(image, f, r, mx, my);
        Color inside = nearestFree(image, f, r, centres[1][0], centres[1][1]);
        assertThat(hueDistance(border, inside)).isLessThan(0.02);
        assertThat(Palette.luminance(border)).as("pale near the border: %s", border)
                .isGreaterThan(Palette.luminance(inside) + 0.2);
    }

    /** Returns the colour of the map at the pixel nearest {@code (x1, x2)} not covered by a test point's dot or a line. */
    static Color nearestFree(BufferedImage image, Figure f, ExperimentResult r, double x1, double x2) {
        Rectangle2D plot = f.panels().get("output");
        Dataset t = r.data().test();
        for (int radius = 0; radius < 40; radius++) {
            for (int dx = -radius; dx <= radius; dx++) {
                for (int dy = -radius; dy <= radius; dy++) {
                    Point2D p = f.pixel("output", x1, x2);
                    double px = p.getX() + dx;
                    double py = p.getY() + dy;
                    boolean covered = false;
                    for (int i = 0; i < t.size() && !covered; i++) {
                        double tx = MapPanel.px(plot, t.x1(i));
                        double ty = MapPanel.py(plot, t.x2(i));
                        covered = Math.abs(tx - px) < 6 && Math.abs(ty - py) < 6;
                    }
                    if (!covered) {
                        return new Color(image.getRGB((int) px, (int) py));
                    }
                }
            }
        }
        throw new AssertionError("no free pixel near " + x1 + ", " + x2);
    }

    @ParameterizedTest
    @MethodSource("results")
    void classMap_borders_whereTheNearestCentreChanges(ExperimentResult r, double[][] centres, int[] flipped) {
        Figure f = ClassFigures.classMap(r);
        Rectangle2D plot = f.panels().get("output");
        List<Svg.Line> borders = Svg.of(f).lines(Palette.CLASS_BOUNDARY).stream()
                .filter(l -> Math.abs(l.style().strokeWidth() - 1.8) < 1e-6).toList();
        assertThat(borders).hasSizeGreaterThan(50);
        double step = 1.0 / (r.gridResolution() - 1);
        for (Svg.Line l : borders) {
            double x1 = ((l.x1() + l.x2()) / 2 - plot.getX()) / plot.getWidth();
            double x2 = (plot.getMaxY() - (l.y1() + l.y2()) / 2) / plot.getHeight();
            // on the border the two nearest centres are (about) as near as each other
            double[] d = new double[centres.length];
            for (int k = 0; k < centres.length; k++) {
                d[k] = Math.hypot(x1 - centres[k][0], x2 - centres[k][1]);
            }
            java.util.Arrays.sort(d);
            assertThat(d[1] - d[0]).as("border at (%.3f, %.3f)", x1, x2).isLessThan(step);
        }
        if (centres.length == 4) {
            // the quadrants' borders: the lines x1 = 0.5 and x2 = 0.5, all along
            for (double at : new double[] {0.05, 0.3, 0.7, 0.95}) {
                assertThat(borders).as("vertical border at x2 = %s", at).anySatisfy(l -> {
                    assertThat((l.x1() - plot.getX()) / plot.getWidth()).isCloseTo(0.5, within(step));
                    assertThat((plot.getMaxY() - l.y1()) / plot.getHeight()).isCloseTo(at, within(2 * step));
                });
                assertThat(borders).as("horizontal border at x1 = %s", at).anySatisfy(l -> {
                    assertThat((plot.getMaxY() - l.y1()) / plot.getHeight()).isCloseTo(0.5, within(step));
                    assertThat((l.x1() - plot.getX()) / plot.getWidth()).isCloseTo(at, within(2 * step));
                });
            }
        }
    }

    @ParameterizedTest
    @MethodSource("results")
    void classMap_mistakes_crossedAtThePointsWithAWrongLabel(ExperimentResult r, double[][] centres, int[] flipped) {
        Figure f = ClassFigures.classMap(r);
        Rectangle2D plot = f.panels().get("output");
        Svg svg = Svg.of(f);
        svg.text(String.format(Locale.ROOT, "Most likely class (paler: less sure), its borders; %d of %d test points,"
                + " all %d mistakes (x)", r.data().test().size(), r.data().test().size(), flipped.length));
        List<Svg.Line> arms = svg.lines(Palette.CLASS_BOUNDARY).stream()
                .filter(l -> Math.abs(l.style().strokeWidth() - 1.4) < 1e-6).toList();
        assertThat(arms).hasSize(2 * flipped.length);
        Dataset t = r.data().test();
        for (int i : flipped) {
            double x = MapPanel.px(plot, t.x1(i));
            double y = MapPanel.py(plot, t.x2(i));
            assertThat(arms).as("a cross on test point %d", i).anySatisfy(l -> {
                assertThat((l.x1() + l.x2()) / 2).isCloseTo(x, within(1e-6));
                assertThat((l.y1() + l.y2()) / 2).isCloseTo(y, within(1e-6));
            });
        }
        // each test point's dot in its actual class's colour
        int[] actual = ClassView.classes(t);
        for (int k = 0; k < centres.length; k++) {
            int kk = k;
            long expected = java.util.Arrays.stream(actual).filter(c -> c == kk).count();
            assertThat(svg.ellipses.stream().filter(e -> classColour(kk).equals(e.style().fill())).count())
                    .as("dots of class %d", k).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("results")
    void probabilities_onePanelPerClass_eachInItsColourWhereItIsLikely(ExperimentResult r, double[][] centres,
            int[] flipped) {
        Figure f = ClassFigures.probabilities(r);
        assertThat(f.panels()).hasSize(centres.length);
        BufferedImage image = FigureWriter.toImage(f);
        for (int k = 0; k < centres.length; k++) {
            for (int j = 0; j < centres.length; j++) {
                Color seen = at(image, f, "class-" + k, centres[j][0], centres[j][1]);
                if (j == k) {
                    showsClass(seen, k);
                } else {
                    assertThat(Math.min(seen.getRed(), Math.min(seen.getGreen(), seen.getBlue())))
                            .as("class %d's map at centre %d, near white: %s", k, j, seen).isGreaterThan(225);
                }
            }
        }
        Svg svg = Svg.of(f);
        for (int k = 0; k < centres.length; k++) {
            svg.text("Class " + k + ": " + (k == 0 ? "background" : String.format("#%06x", ClassResults.RGB[k - 1])));
        }
    }

    @ParameterizedTest
    @MethodSource("results")
    void confusion_eachCellTheEvaluationsCountAndRowShare(ExperimentResult r, double[][] centres, int[] flipped) {
        ConfusionMatrix m = r.test().confusion();
        assertThat(m.classes()).isEqualTo(centres.length);
        assertThat(m.total() - m.correct()).isEqualTo(flipped.length);
        Figure f = ClassFigures.confusion(r);
        Svg svg = Svg.of(f);
        BufferedImage image = FigureWriter.toImage(f);
        Rectangle2D matrix = f.panels().get("matrix");
        int k = m.classes();
        double cell = matrix.getWidth() / k;
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                double cx = matrix.getX() + (p + 0.5) * cell;
                double cy = matrix.getY() + (a + 0.5) * cell;
                String count = Long.toString(m.count(a, p));
                String share = ClassView.percent(m.count(a, p), m.actual(a));
                assertThat(svg.texts).as("cell %d, %d", a, p).anySatisfy(t -> {
                    assertThat(t.text()).isEqualTo(count);
                    assertThat(t.y()).isBetween(cy - cell / 2, cy);
                    assertThat(Math.abs(Svg.centreX(t, Palette.TITLE.deriveFont((float) t.style().fontSize())) - cx))
                            .isLessThan(1.0);
                });
                assertThat(svg.texts).as("share of cell %d, %d", a, p).anySatisfy(t -> {
                    assertThat(t.text()).isEqualTo(share);
                    assertThat(t.y()).isBetween(cy, cy + cell / 2);
                });
                // the cell shaded by its share of the row, read off a corner clear of the text
                Color fill = new Color(image.getRGB((int) (cx - cell / 2 + 5), (int) (cy - cell / 2 + 5)));
                Color expected = Palette.sequential(m.count(a, p) / (double) m.actual(a));
                assertThat(fill).as("fill of cell %d, %d", a, p).isEqualTo(expected);
            }
            svg.text(m.actual(a) + " points");
        }
        svg.text(String.format(Locale.ROOT, "accuracy %.4f, balanced accuracy %.4f; each cell: count and share of its"
                + " row", r.test().accuracy(), r.test().balancedAccuracy()));
    }

    @ParameterizedTest
    @MethodSource("results")
    void confusion_labelledBothWays_swatchesInClassColours_countsLegibleOnDarkCells(ExperimentResult r,
            double[][] centres, int[] flipped) {
        ConfusionMatrix m = r.test().confusion();
        ClassView v = ClassView.of(r);
        Figure f = ClassFigures.confusion(r);
        Svg svg = Svg.of(f);
        Rectangle2D matrix = f.panels().get("matrix");
        int k = m.classes();
        double cell = matrix.getWidth() / k;
        svg.text("Confusion matrix of the test set (" + m.total() + " points)");
        assertThat(Math.abs(Svg.centreX(svg.text("predicted class"), Palette.AXIS) - matrix.getCenterX())).isLessThan(1.0);
        assertThat(svg.text("actual class").rotated()).isTrue();
        for (int c = 0; c < k; c++) {
            double centre = matrix.getX() + (c + 0.5) * cell;
            double middle = matrix.getY() + (c + 0.5) * cell;
            // each class named twice: above its column (centred) and left of its row
            List<Svg.Text> names = svg.texts(v.name(c));
            assertThat(names).as("class %d's labels", c).hasSize(2);
            assertThat(names).anySatisfy(t -> {
                assertThat(Math.abs(Svg.centreX(t, Palette.TICK) - centre)).isLessThan(1.0);
                assertThat(t.y()).isBetween(matrix.getY() - 20, matrix.getY());
            });
            assertThat(names).anySatisfy(t -> {
                assertThat(t.x()).isEqualTo(58.0);
                assertThat(t.y()).isCloseTo(middle + 4, org.assertj.core.data.Offset.offset(1e-6));
            });
            // a swatch of the class's colour over its column and before its row
            Color colour = classColour(c);
            assertThat(svg.rects).as("swatch over column %d", c).anySatisfy(rect -> {
                assertThat(rect.style().fill()).isEqualTo(colour);
                assertThat(rect.width()).isEqualTo(14.0);
                assertThat(rect.x()).isCloseTo(centre - 7, org.assertj.core.data.Offset.offset(1e-6));
                assertThat(rect.y()).isCloseTo(matrix.getY() - 36, org.assertj.core.data.Offset.offset(1e-6));
            });
            assertThat(svg.rects).as("swatch before row %d", c).anySatisfy(rect -> {
                assertThat(rect.style().fill()).isEqualTo(colour);
                assertThat(rect.x()).isEqualTo(38.0);
                assertThat(rect.y()).isCloseTo(middle - 7, org.assertj.core.data.Offset.offset(1e-6));
            });
            // the row's total right of the matrix, level with the row
            Svg.Text total = svg.text(m.actual(c) + " points");
            assertThat(total.x()).isCloseTo(matrix.getMaxX() + 10, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(total.y()).isCloseTo(middle + 4, org.assertj.core.data.Offset.offset(1e-6));
            // the diagonal cell is the darkest of its row: its count is white, an empty cell's ink
            String diagonal = Long.toString(m.count(c, c));
            double dx = centre;
            Color diagonalFill = Palette.sequential(m.count(c, c) / (double) m.actual(c));
            assertThat(svg.texts(diagonal)).as("count of cell %d, %d", c, c).anySatisfy(t -> {
                assertThat(Math.abs(Svg.centreX(t, Palette.TITLE.deriveFont((float) t.style().fontSize())) - dx))
                        .isLessThan(1.0);
                assertThat(t.y()).isBetween(middle - cell / 2, middle);
                assertThat(t.style().fill())
                        .isEqualTo(Palette.luminance(diagonalFill) < 0.5 ? Color.WHITE : Palette.INK);
                assertThat(t.style().fontSize()).isEqualTo(k <= 4 ? 16.0 : 14.0);
            });
        }
        // cells bordered in grey, the matrix framed in ink
        assertThat(svg.rects.stream().filter(rect -> new Color(0xbbbbbb).equals(rect.style().stroke()))).hasSize(k * k);
        assertThat(svg.rects).anySatisfy(rect -> {
            assertThat(rect.style().stroke()).isEqualTo(Palette.INK);
            assertThat(rect.width()).isCloseTo(matrix.getWidth(), org.assertj.core.data.Offset.offset(1e-6));
        });
    }

    @ParameterizedTest
    @MethodSource("results")
    void testPredictions_byClass_mistakesCrossedOnThePredictions(ExperimentResult r, double[][] centres,
            int[] flipped) {
        List<XYChart> charts = ClassFigures.testPredictionCharts(r);
        ConfusionMatrix m = r.test().confusion();
        ClassView v = ClassView.of(r);
        Map<String, XYSeries> predicted = charts.get(0).getSeriesMap();
        Map<String, XYSeries> actual = charts.get(1).getSeriesMap();
        List<String> predictedNames = new ArrayList<>();
        List<String> actualNames = new ArrayList<>();
        for (int k = 0; k < m.classes(); k++) {
            String p = v.name(k) + " (" + m.predicted(k) + ")";
            String a = v.name(k) + " (" + m.actual(k) + ")";
            predictedNames.add(p);
            actualNames.add(a);
            assertThat(predicted.get(p).getMarkerColor()).isEqualTo(classColour(k));
            assertThat(actual.get(a).getMarkerColor()).isEqualTo(classColour(k));
        }
        predictedNames.add("mistakes (" + flipped.length + ")");
        assertThat(predicted.keySet()).containsExactlyElementsOf(predictedNames);
        assertThat(actual.keySet()).containsExactlyElementsOf(actualNames);
        Dataset t = r.data().test();
        double[] xs = new double[flipped.length];
        for (int i = 0; i < flipped.length; i++) {
            xs[i] = t.x1(flipped[i]);
        }
        XYSeries mistakes = predicted.get("mistakes (" + flipped.length + ")");
        assertThat(mistakes.getXData()).containsExactly(xs);
        assertThat(mistakes.getMarkerColor()).isEqualTo(Palette.CLASS_BOUNDARY);
        assertThat(charts.get(0).getTitle()).isEqualTo(String.format(Locale.ROOT,
                "Predictions for test data (accuracy %.4f)", r.test().accuracy()));
    }

    @ParameterizedTest
    @MethodSource("results")
    void data_trainingValidationTest_eachPointInItsClassColour(ExperimentResult r, double[][] centres,
            int[] flipped) {
        List<XYChart> charts = ClassFigures.dataCharts(r);
        Dataset[] sets = {r.data().train(), r.data().validation(), r.data().test()};
        assertThat(charts).extracting(XYChart::getTitle).containsExactly("Training data (" + sets[0].size()
                + " points)", "Validation data (" + sets[1].size() + " points)", "Test data (" + sets[2].size()
                + " points)");
        ClassView v = ClassView.of(r);
        for (int s = 0; s < 3; s++) {
            long[] counts = sets[s].classCounts();
            Map<String, XYSeries> series = charts.get(s).getSeriesMap();
            assertThat(series).hasSize(centres.length);
            for (int k = 0; k < centres.length; k++) {
                XYSeries one = series.get(v.name(k) + " (" + counts[k] + ")");
                assertThat(one).as("set %d class %d", s, k).isNotNull();
                assertThat(one.getMarkerColor()).isEqualTo(classColour(k));
                // every point of the series lies in its class's cell
                double[] x = one.getXData();
                double[] y = one.getYData();
                assertThat(x).hasSize((int) counts[k]);
                for (int i = 0; i < x.length && s < 2; i++) { // the test set has labels changed on purpose
                    assertThat(ClassResults.nearest(centres, x[i], y[i])).isEqualTo(k);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("results")
    void drawing_eachClassInItsColour_legendNamesAndCounts(ExperimentResult r, double[][] centres, int[] flipped) {
        Figure f = ClassFigures.drawing(r);
        BufferedImage image = FigureWriter.toImage(f);
        for (int k = 0; k < centres.length; k++) {
            assertThat(at(image, f, "drawing", centres[k][0], centres[k][1])).as("class %d", k)
                    .isEqualTo(classColour(k));
        }
        Svg svg = Svg.of(f);
        long[] pixels = r.drawing().classPixels();
        long total = (long) r.drawing().width() * r.drawing().height();
        List<String> legend = new ArrayList<>();
        for (int k = 0; k < centres.length; k++) {
            legend.add(k == 0 ? "background" : String.format("#%06x", ClassResults.RGB[k - 1]));
            legend.add(String.format(Locale.ROOT, "%d px, %s", pixels[k], ClassView.percent(pixels[k], total)));
        }
        List<String> texts = svg.texts.stream().map(Svg.Text::text).toList();
        assertThat(texts.subList(texts.size() - legend.size(), texts.size())).containsExactlyElementsOf(legend);
        assertThat(java.util.Arrays.stream(pixels).sum()).isEqualTo(total);
        assertThat(svg.rects.stream().filter(x -> x.width() == 14 && x.height() == 14 && x.style().fill() != null)
                .map(x -> x.style().fill())).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, centres.length).mapToObj(ClassFiguresTest::classColour)
                                .toList());
    }

    @ParameterizedTest
    @MethodSource("results")
    void network_outputUnits_oneNodePerClassInItsColourNamedBesideIt(ExperimentResult r, double[][] centres,
            int[] flipped) {
        Figure f = NotebookVisualizer.network(r);
        Svg svg = Svg.of(f);
        for (int k = 0; k < centres.length; k++) {
            Color c = classColour(k);
            List<Svg.Ellipse> nodes = svg.ellipses.stream().filter(e -> c.equals(e.style().fill())).toList();
            assertThat(nodes).as("node of class %d", k).hasSize(1);
            Svg.Ellipse node = nodes.get(0);
            Svg.Text name = svg.text(ClassView.of(r).name(k));
            assertThat(name.x()).isGreaterThan(node.cx() + node.rx());
            assertThat(name.y()).isCloseTo(node.cy() + 4, within(1e-4));
        }
        assertThat(svg.texts("o1")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("results")
    void hiddenUnits_outputPanel_isTheClassMap(ExperimentResult r, double[][] centres, int[] flipped) {
        Figure f = NotebookVisualizer.unitMaps(r);
        BufferedImage image = FigureWriter.toImage(f);
        assertThat(f.panels()).containsKeys("hidden-1", "hidden-2", "output");
        assertThat(f.panels().get("output").getWidth()).isEqualTo(f.panels().get("hidden-1").getWidth());
        for (int k = 0; k < centres.length; k++) {
            showsClass(at(image, f, "output", centres[k][0], centres[k][1]), k);
        }
        Svg.of(f).text("Output: the most likely class");
    }

    @Test
    void trainingCurves_ofKClasses_lossIsTheCrossEntropy() {
        assertThat(NotebookVisualizer.lossChart(THREE).getYAxisTitle()).isEqualTo("Cross-entropy");
        assertThat(NotebookVisualizer.lossChart(Results.builder().build()).getYAxisTitle())
                .isEqualTo("Binary cross-entropy");
    }

    @ParameterizedTest
    @MethodSource("results")
    void report_perClassTableAndTheClassFigures(ExperimentResult r, double[][] centres, int[] flipped) {
        List<Figure> figures = new NotebookVisualizer().figures(r);
        Map<String, byte[]> png = new HashMap<>();
        figures.forEach(fig -> png.put(fig.name(), new byte[] {1}));
        String html = HtmlReport.html(r, figures, png);
        for (String name : NotebookVisualizer.CLASS_FIGURE_NAMES) {
            assertThat(html).contains("<figure id=\"" + name + "\">");
        }
        assertThat(html).doesNotContain("decision-boundary").doesNotContain("predicted 1");
        ConfusionMatrix m = r.test().confusion();
        double[] accuracies = r.test().classAccuracies();
        ClassView v = ClassView.of(r);
        for (int k = 0; k < m.classes(); k++) {
            assertThat(html).contains(String.format(Locale.ROOT, "</span>%s</td><td>%d</td><td>%d</td><td>%d</td>"
                    + "<td>%.4f</td><td>%.4f</td></tr>", v.name(k), m.actual(k), m.predicted(k), m.count(k, k),
                    accuracies[k], m.precision(k)));
        }
        assertThat(html).contains(String.format(Locale.ROOT, "balanced accuracy <b>%.4f</b>",
                r.test().balancedAccuracy()));
        assertThat(html).contains("(output: softmax over " + m.classes() + " classes)");
    }

    @Test
    void classMapColour_chanceIsWhite_certaintyIsTheColour() {
        Color red = new Color(0xe41a1c);
        assertThat(Palette.classMapColour(red, 1.0 / 3, 3)).isEqualTo(Color.WHITE);
        assertThat(Palette.classMapColour(red, 1, 3)).isEqualTo(red);
        // half way: 255 + (228 - 255) / 2 = 241.5, 140.5, 141.5, rounded half up
        assertThat(Palette.classMapColour(red, 2.0 / 3, 3)).isEqualTo(new Color(242, 141, 142));
        assertThat(Palette.towards(red, 0.5)).isEqualTo(new Color(242, 141, 142));
        assertThat(Palette.classColour(0, 0xffffff)).isEqualTo(Palette.CLASS_BACKGROUND);
        assertThat(Palette.classColour(2, 0x377eb8)).isEqualTo(new Color(0x377eb8));
    }

    @Test
    void classView_drawingWithoutColours_backgroundAndNumberedClasses() {
        ClassView v = ClassView.of(3, List.of());
        assertThat(List.of(v.name(0), v.name(1), v.name(2))).containsExactly("background", "class 1", "class 2");
        assertThat(v.colour(0)).isEqualTo(Palette.CLASS_BACKGROUND);
        assertThat(v.colour(1)).isNotEqualTo(v.colour(2));
    }

    @Test
    void liveClassMapPng_eachPixelItsLikeliestClassesColour() throws Exception {
        int n = THREE.gridResolution();
        byte[] png = new NotebookVisualizer().classMapPng(THREE.grid().output(), n,
                ClassResults.classes(3));
        BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(n);
        assertThat(image.getHeight()).isEqualTo(n);
        int[] best = ClassView.argmax(THREE.grid().output(), 3);
        for (int row = 0; row < n; row += 8) {
            for (int col = 0; col < n; col += 8) {
                int i = row * n + col;
                Color expected = Palette.classMapColour(classColour(best[i]), THREE.grid().output()[i * 3 + best[i]], 3);
                assertThat(new Color(image.getRGB(col, n - 1 - row))).as("grid point %d, %d", col, row)
                        .isEqualTo(expected);
            }
        }
        for (int k = 0; k < 3; k++) {
            int col = (int) Math.round(ClassResults.THREE[k][0] * (n - 1));
            int row = (int) Math.round(ClassResults.THREE[k][1] * (n - 1));
            showsClass(new Color(image.getRGB(col, n - 1 - row)), k);
        }
    }

    @Test
    void liveClassMapPng_wrongLength_refusedNamingTheSizes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiveFigures.classMapPng(new float[10], 4,
                ClassResults.classes(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a class map of a 4 x 4 grid needs 4 x 4 rows of 3 to 8 class probabilities (here 3), got"
                        + " 10 values");
    }

    @Test
    void liveNetwork_withClasses_outputNodesInTheirColours() {
        Svg svg = Svg.of(LiveFigures.network(THREE.spec(), THREE.finalParameters(), ClassResults.classes(3)));
        for (int k = 0; k < 3; k++) {
            Color c = classColour(k);
            assertThat(svg.ellipses.stream().filter(e -> c.equals(e.style().fill())).count()).isEqualTo(1);
        }
        svg.text("#e41a1c");
        // without classes the output units are numbered, as a binary network's is
        Svg plain = Svg.of(LiveFigures.network(THREE.spec(), THREE.finalParameters()));
        assertThat(plain.texts("o3")).hasSize(1);
    }

    @Test
    void comparisonMaps_runsOfClasses_eachCellItsClassMap_aLegendOfTheClasses() {
        Figure f = ComparisonFigures.maps("sweep", "Three", List.of(new ComparisonFigures.Run("a", THREE),
                new ComparisonFigures.Run("b", THREE)));
        BufferedImage image = FigureWriter.toImage(f);
        for (String cell : List.of("cell-1", "cell-2")) {
            for (int k = 0; k < 3; k++) {
                showsClass(at(image, f, cell, ClassResults.THREE[k][0], ClassResults.THREE[k][1]), k);
            }
        }
        Svg svg = Svg.of(f);
        svg.text("background");
        svg.text("#377eb8");
        assertThat(svg.texts("probability of class 1")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("results")
    void reportFileNames_ofKClasses_areExactlyTheFilesReportWrites(ExperimentResult r, double[][] centres,
            int[] flipped, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        io.github.drawnet.viz.ReportFiles files = io.github.drawnet.viz.ReportFiles.all();
        NotebookVisualizer v = new NotebookVisualizer();
        v.report(r, dir, files);
        try (Stream<java.nio.file.Path> written = java.nio.file.Files.list(dir)) {
            assertThat(written.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(v.reportFileNames(files, centres.length).stream().sorted().toList());
        }
        assertThat(v.reportFileNames(files, centres.length)).hasSize(2 * 9 + 1).contains("class-map.png",
                "confusion-matrix.svg", "class-probabilities.png");
        assertThat(v.reportFileNames(files, 2)).isEqualTo(v.reportFileNames(files));
        // the report shows the hidden layer's view with each training point in its class's colour
        String html = java.nio.file.Files.readString(dir.resolve("report.html"));
        long reds = java.util.Arrays.stream(ClassView.classes(r.data().train())).limit(HiddenView.MOST)
                .filter(c -> c == 1).count();
        assertThat(html.split("r=\"2.4\" fill=\"#e41a1c\"", -1)).hasSize((int) reds + 1);
    }

    @Test
    void figures_ofEightClasses_everyTextWithinTheFigure() {
        ExperimentResult eight = ClassResults.result(ClassResults.EIGHT, 300, 3);
        for (Figure f : new NotebookVisualizer().figures(eight)) {
            Svg svg = Svg.of(f);
            for (Svg.Text t : svg.texts) {
                if (t.rotated() || t.text().isBlank()) {
                    continue;
                }
                java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, t.style().bold() ? java.awt.Font.BOLD
                        : java.awt.Font.PLAIN, (int) Math.round(t.style().values().containsKey("font-size")
                                ? t.style().fontSize() : 12));
                assertThat(t.x()).as("%s: '%s' starts inside", f.name(), t.text()).isGreaterThanOrEqualTo(0);
                assertThat(t.x() + Svg.width(t.text(), font)).as("%s: '%s' ends inside", f.name(), t.text())
                        .isLessThanOrEqualTo(f.width());
                assertThat(t.y()).as("%s: '%s' inside", f.name(), t.text()).isBetween(0.0, (double) f.height());
            }
        }
    }
}
