package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.knowm.xchart.XYChart;

/**
 * The notebook's figures for results made by hand: what each chart holds, what each map panel is
 * called and where it goes, the titles, and the threshold rule at exactly p = 0.5.
 */
final class NotebookFiguresTest {

    /** Test points on, above and below the line x2 = 0.5 of {@link Results#horizontalBoundary()}. */
    static final ExperimentResult ON_THE_LINE = Results.builder()
            .test(Results.points(new double[] {0.3, 0.5, 0}, new double[] {0.7, 0.5, 1}, new double[] {0.2, 0.9, 1},
                    new double[] {0.8, 0.1, 0}, new double[] {0.5, 0.2, 1}))
            .build();

    @Test
    void testPredictions_pExactlyHalf_predicted1_asTheEvaluationCountsIt() {
        assertThat(ON_THE_LINE.testPredictions()[0]).isEqualTo(0.5f);
        assertThat(ON_THE_LINE.testPredictions()[1]).isEqualTo(0.5f);
        List<XYChart> charts = NotebookVisualizer.testPredictionCharts(ON_THE_LINE);
        XYChart predicted = charts.get(0);
        // the two points at p = 0.5 and the one above the line are predicted 1; the two below, 0
        assertThat(predicted.getSeriesMap().keySet()).containsExactly("orange: predicted 0 (2)", "blue: predicted 1 (3)");
        assertThat(predicted.getSeriesMap().get("blue: predicted 1 (3)").getXData()).containsExactly(0.3, 0.7, 0.2);
        assertThat(predicted.getSeriesMap().get("orange: predicted 0 (2)").getXData()).containsExactly(0.8, 0.5);
        // the same rule as the accuracy in its title: 3 of 5 right (the negative point at 0.5 and the missed one wrong)
        assertThat(ON_THE_LINE.test().truePositives() + ON_THE_LINE.test().falsePositives()).isEqualTo(3);
        assertThat(predicted.getTitle()).isEqualTo("Predictions for test data (accuracy 0.6000)");
        XYChart actual = charts.get(1);
        assertThat(actual.getTitle()).isEqualTo("Actual test data");
        assertThat(actual.getSeriesMap().keySet()).containsExactly("orange: label 0 (2)", "blue: label 1 (3)");
        assertThat(actual.getSeriesMap().get("blue: label 1 (3)").getXData()).containsExactly(0.7, 0.2, 0.5);
    }

    @Test
    void decisionBoundary_pExactlyHalf_negativeMarkedAMistake_positiveNot() {
        Svg svg = Svg.of(NotebookVisualizer.decisionBoundary(ON_THE_LINE));
        svg.text("Output with its 0.5 boundary; 5 of 5 test points, all 2 mistakes (x)");
    }

    @Test
    void isMistake_atAndAroundHalf_followsTheEvaluationsRule() {
        assertThat(NotebookVisualizer.isMistake(0.5f, 1)).isFalse();
        assertThat(NotebookVisualizer.isMistake(0.5f, 0)).isTrue();
        assertThat(NotebookVisualizer.isMistake(0.49999997f, 1)).isTrue();
        assertThat(NotebookVisualizer.isMistake(0.49999997f, 0)).isFalse();
        // soft labels: a label of 0.5 is a positive point
        assertThat(NotebookVisualizer.isMistake(0.9f, 0.5)).isFalse();
        assertThat(NotebookVisualizer.isMistake(0.9f, 0.49)).isTrue();
    }

    static long dots(Svg svg, Color fill, double fromX, double toX) {
        return svg.ellipses.stream().filter(e -> fill.equals(e.style().fill()) && e.cx() >= fromX && e.cx() < toX)
                .count();
    }

    @Test
    void testPredictions_figure_predictionsLeft_truthRight() {
        Svg svg = Svg.of(NotebookVisualizer.testPredictions(ON_THE_LINE));
        // 3 predicted 1 on the left, 3 labelled 1 on the right, each plus its legend's marker
        assertThat(dots(svg, Palette.POSITIVE, 0, 540)).isEqualTo(3 + 1);
        assertThat(dots(svg, Palette.POSITIVE, 540, 1080)).isEqualTo(3 + 1);
        assertThat(dots(svg, Palette.NEGATIVE, 0, 540)).isEqualTo(2 + 1);
        assertThat(dots(svg, Palette.NEGATIVE, 540, 1080)).isEqualTo(2 + 1);
    }

    @Test
    void trainingData_figure_everyTrainingPointInItsClassColour() {
        ExperimentResult r = Results.builder().train(Results.points(new double[] {0.1, 0.9, 1},
                new double[] {0.2, 0.8, 1}, new double[] {0.3, 0.7, 0.5}, new double[] {0.6, 0.1, 0})).build();
        Figure f = NotebookVisualizer.trainingData(r);
        assertThat(f.width()).isEqualTo(560);
        Svg svg = Svg.of(f);
        assertThat(dots(svg, Palette.POSITIVE, 0, 560)).isEqualTo(3 + 1);
        assertThat(dots(svg, Palette.NEGATIVE, 0, 560)).isEqualTo(1 + 1);
    }

    @Test
    void curves_figure_accuracyLeft_lossRight_eachWithBothCurves() {
        Svg svg = Svg.of(NotebookVisualizer.curves(ON_THE_LINE));
        // 3 epochs: 3 markers per curve plus one in the legend
        assertThat(dots(svg, Palette.TRAIN, 0, 520)).isEqualTo(4);
        assertThat(dots(svg, Palette.VALIDATION, 0, 520)).isEqualTo(4);
        assertThat(dots(svg, Palette.TRAIN, 520, 1040)).isEqualTo(4);
        assertThat(dots(svg, Palette.VALIDATION, 520, 1040)).isEqualTo(4);
    }

    @Test
    void drawing_title_nameSizeAndShareDrawn() {
        Svg svg = Svg.of(NotebookVisualizer.drawing(ON_THE_LINE));
        svg.text("Drawing 'top-half' (4 x 4): 50.0% drawn");
        svg.text("coverage (alpha/255)");
    }

    @Test
    void network_title_shapeAndParameterCount() {
        ExperimentResult r = Results.builder().spec(NetworkSpec.notebook(), Parameters.initial(NetworkSpec.notebook(), 1))
                .build();
        Svg svg = Svg.of(NotebookVisualizer.network(r));
        svg.text("Network 2-4-1 with its learned weights (17 weights and biases)");
        assertThat(NotebookVisualizer.shape(r)).isEqualTo("2-4-1");
    }

    @Test
    void network_tallLayer_figureGrowsSoNodesKeepTheirNames() {
        NetworkSpec tall = NetworkSpec.notebook().withHidden(List.of(16));
        ExperimentResult r = Results.builder().spec(tall, Parameters.initial(tall, 1)).build();
        Svg svg = Svg.of(NotebookVisualizer.network(r));
        assertThat(svg.texts("h16")).hasSize(1);
    }

    @Test
    void network_deepNetwork_figureWidensSoColumnsStayApart() {
        // six columns of nodes: at least 200 px between neighbours, room for the weights written on the edges
        NetworkSpec deep = NetworkSpec.notebook().withHidden(List.of(3, 3, 3, 3));
        ExperimentResult r = Results.builder().spec(deep, Parameters.initial(deep, 1)).build();
        Figure f = NotebookVisualizer.network(r);
        NetworkDiagram d = new NetworkDiagram(deep, r.finalParameters(), f.width(), f.height());
        assertThat(d.nodes().stream().mapToDouble(NetworkDiagram.Node::x).distinct().sorted().toArray())
                .hasSize(6).satisfies(xs -> {
                    for (int i = 1; i < xs.length; i++) {
                        assertThat(xs[i] - xs[i - 1]).isGreaterThanOrEqualTo(200);
                    }
                });
        assertThat(Svg.of(f).ellipses.stream().filter(e -> e.cx() > f.width() - 100)).isNotEmpty();
    }

    @Test
    void network_wideLayer_figureAsTallAsTheUnitsDrawn() {
        // 60 units: 12 drawn, a row for the note, the bias node: 62 px a row and 110 around
        NetworkSpec wide = NetworkSpec.notebook().withHidden(List.of(60));
        ExperimentResult r = Results.builder().spec(wide, Parameters.initial(wide, 1)).build();
        assertThat(NotebookVisualizer.network(r).height()).isEqualTo(62 * 14 + 110);
        // 16 units, all drawn, and the bias node
        NetworkSpec sixteen = NetworkSpec.notebook().withHidden(List.of(16));
        ExperimentResult s = Results.builder().spec(sixteen, Parameters.initial(sixteen, 1)).build();
        assertThat(NotebookVisualizer.network(s).height()).isEqualTo(62 * 17 + 110);
    }

    /** A 2-3-1 network whose hidden units compute 2 x1 - 1, 4 x2 and -1 before the activation. */
    static ExperimentResult units(Activation a, int... hidden) {
        NetworkSpec spec = NetworkSpec.notebook().withHidden(java.util.Arrays.stream(hidden).boxed().toList())
                .withActivation(a);
        Parameters p = Parameters.initial(spec, 5);
        if (hidden.length == 1 && hidden[0] == 3) {
            p = new Parameters(List.of(LayerParameters.of(new float[][] {{2f, 0f}, {0f, 4f}, {0f, 0f}},
                    new float[] {-1f, 0f, -1f}), LayerParameters.of(new float[][] {{1f, 1f, 1f}}, new float[] {0f})));
        }
        return Results.builder().spec(spec, p).gridResolution(9).build();
    }

    @Test
    void unitMaps_oneHiddenLayer_panelPerUnitThenOutput_titledAndPlacedFivePerRow() {
        Figure f = NotebookVisualizer.unitMaps(units(Activation.TANH, 3));
        assertThat(f.panels().keySet()).containsExactlyInAnyOrder("hidden-1", "hidden-2", "hidden-3", "output");
        assertThat(f.width()).isEqualTo(4 * 340);
        assertThat(f.height()).isEqualTo(290 + 36);
        assertThat(f.panels().get("hidden-2")).isEqualTo(MapPanel.plotArea(new Rectangle2D.Double(340, 36, 340, 290),
                true));
        Svg svg = Svg.of(f);
        svg.text("Hidden unit 1");
        svg.text("Hidden unit 3");
        svg.text("Output layer");
        Svg.Text heading = svg.text("Each hidden unit's response over the plane, and the output (9 x 9 grid, one"
                + " forward pass)");
        assertThat(heading.x()).isEqualTo(12);
        assertThat(heading.y()).isEqualTo(22);
        assertThat(heading.style().fill()).isEqualTo(Palette.INK);
        assertThat(heading.style().bold()).isTrue();
        assertThat(heading.style().fontSize()).isEqualTo(15);
        assertThat(svg.texts("tanh activation")).hasSize(3);
        svg.text("probability of class 1");
        // each tanh bar reads -1 at the bottom; the output's reads 0
        assertThat(svg.texts("-1")).hasSize(3);
    }

    @Test
    void unitMaps_twoHiddenLayers_sixPanels_wrapToASecondRow() {
        Figure f = NotebookVisualizer.unitMaps(units(Activation.SIGMOID, 3, 2));
        assertThat(f.panels().keySet()).containsExactlyInAnyOrder("hidden-1-1", "hidden-1-2", "hidden-1-3", "hidden-2-1",
                "hidden-2-2", "output");
        assertThat(f.width()).isEqualTo(5 * 340);
        assertThat(f.height()).isEqualTo(2 * 290 + 36);
        assertThat(f.panels().get("output")).isEqualTo(MapPanel.plotArea(new Rectangle2D.Double(0, 36 + 290, 340, 290),
                true));
        assertThat(f.panels().get("hidden-2-2")).isEqualTo(MapPanel.plotArea(new Rectangle2D.Double(4 * 340, 36, 340,
                290), true));
        Svg svg = Svg.of(f);
        svg.text("Layer 1, unit 3");
        svg.text("Layer 2, unit 2");
    }

    @Test
    void unitMaps_wideLayer_first32Units() {
        Figure f = NotebookVisualizer.unitMaps(units(Activation.SIGMOID, 40));
        assertThat(f.panels()).hasSize(33).containsKey("hidden-32").doesNotContainKey("hidden-33");
    }

    @Test
    void unitMaps_reluUnitThatNeverFires_saidSo_andItsMapBlank() {
        ExperimentResult r = units(Activation.RELU, 3);
        // unit 3 is relu(-1) = 0 everywhere; unit 2 is relu(4 x2), up to 4
        Figure f = NotebookVisualizer.unitMaps(r);
        Svg svg = Svg.of(f);
        svg.text("Hidden unit 3 (never active)");
        svg.text("Hidden unit 2");
        svg.text("Hidden unit 1");
        svg.text("4");
        svg.text("2");
        java.awt.image.BufferedImage image = FigureWriter.toImage(f);
        java.awt.geom.Point2D p = f.pixel("hidden-3", 0.5, 0.5);
        // 0 is a rectifier's neutral value: white, not the orange of a negative value
        assertThat(new Color(image.getRGB((int) p.getX(), (int) p.getY()))).isEqualTo(Palette.NEUTRAL)
                .isEqualTo(Color.WHITE);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void unitMaps_colourBarOfEachHiddenUnit_namesItsActivation(Activation a) {
        Svg svg = Svg.of(NotebookVisualizer.unitMaps(units(a, 3)));
        assertThat(svg.texts(a.id() + " activation")).hasSize(3);
    }

    @Test
    void range_eachActivation_theValuesItsUnitsCanTake() {
        float[] v = {-0.5f, 0.25f, 3f};
        assertThat(NotebookVisualizer.range(Activation.SIGMOID, v)).containsExactly(0, 1);
        assertThat(NotebookVisualizer.range(Activation.TANH, v)).containsExactly(-1, 1);
        // a rectifier from 0 (white) to its largest value
        assertThat(NotebookVisualizer.range(Activation.RELU, new float[] {0f, 2f, 4f})).containsExactly(0, 4);
        assertThat(NotebookVisualizer.range(Activation.RELU, new float[] {0f, 0f})).containsExactly(0, 1);
        assertThat(NotebookVisualizer.range(Activation.RELU, new float[] {0f, 1e-6f})[1]).isCloseTo(1e-6, within(1e-12));
        // linear: from the smallest to the largest value; a constant map gets a unit range around it
        assertThat(NotebookVisualizer.range(Activation.LINEAR, v)).containsExactly(-0.5, 3);
        assertThat(NotebookVisualizer.range(Activation.LINEAR, new float[] {2f, 2f})).containsExactly(1.5, 2.5);
    }
}
