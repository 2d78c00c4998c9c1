package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The network diagram with hand-set weights: where its nodes are, which edges it draws with which
 * weight, and how the drawing shows them (read back from the SVG).
 */
final class NetworkDiagramTest {

    static final NetworkSpec NOTEBOOK = NetworkSpec.notebook();

    /** Weights of the notebook's 2-4-1 network: hidden unit o gets (o+1)/4 and -(o+1)/8, bias 0.1 o; output ±. */
    static Parameters notebookWeights() {
        LayerParameters hidden = LayerParameters.of(new float[][] {{0.25f, -0.125f}, {0.5f, -0.25f}, {0.75f, -0.375f},
            {1f, -0.5f}}, new float[] {0f, 0.1f, -0.2f, 0.3f});
        LayerParameters output = LayerParameters.of(new float[][] {{2f, -1f, 0.5f, -4f}}, new float[] {1.5f});
        return new Parameters(List.of(hidden, output));
    }

    static Parameters constant(NetworkSpec spec, float w) {
        List<LayerParameters> layers = new java.util.ArrayList<>();
        for (int l = 0; l < spec.layerCount(); l++) {
            int in = spec.layerInputs(l);
            int out = spec.layerOutputs(l);
            float[] ws = new float[in * out];
            java.util.Arrays.fill(ws, w);
            float[] bs = new float[out];
            java.util.Arrays.fill(bs, w);
            layers.add(new LayerParameters(in, out, ws, bs));
        }
        return new Parameters(layers);
    }

    /** Returns the notebook's diagram, made anew for each test (see {@link MapPanelTest#tanh()}). */
    static NetworkDiagram diagram() {
        return new NetworkDiagram(NOTEBOOK, notebookWeights(), 660, 420);
    }

    static Map<String, NetworkDiagram.Node> byName(NetworkDiagram d) {
        return d.nodes().stream().collect(Collectors.toMap(NetworkDiagram.Node::name, n -> n));
    }

    @Test
    void layout_fourColumns_evenlyFrom80ToWidthMinus80() {
        NetworkDiagram d = new NetworkDiagram(NOTEBOOK.withHidden(List.of(3, 2)), constant(
                NOTEBOOK.withHidden(List.of(3, 2)), 0.5f), 700, 420);
        assertThat(d.nodes().stream().filter(n -> n.column() == 0)).allSatisfy(n -> assertThat(n.x()).isEqualTo(80));
        assertThat(d.nodes().stream().filter(n -> n.column() == 1)).allSatisfy(n -> assertThat(n.x()).isEqualTo(260));
        assertThat(d.nodes().stream().filter(n -> n.column() == 2)).allSatisfy(n -> assertThat(n.x()).isEqualTo(440));
        assertThat(d.nodes().stream().filter(n -> n.column() == 3)).allSatisfy(n -> assertThat(n.x()).isEqualTo(620));
    }

    @Test
    void layout_everyColumnCentredVertically_tallestFillsTheDrawingArea_sameGapEverywhere() {
        NetworkDiagram diagram = diagram();
        // drawing area from y = 84 (below the title and legend) to height - 40; the hidden column (4 + bias) is
        // the tallest: its 5 nodes are spread over the area, half a gap from either end
        double gap = (380 - 84) / 5.0;
        double middle = (84 + 380) / 2.0;
        for (int c = 0; c <= 2; c++) {
            int column = c;
            List<NetworkDiagram.Node> nodes = diagram.nodes().stream().filter(n -> n.column() == column).toList();
            double mean = nodes.stream().mapToDouble(NetworkDiagram.Node::y).average().orElseThrow();
            assertThat(mean).as("column %d centred", c).isCloseTo(middle, within(1e-9));
            for (int i = 1; i < nodes.size(); i++) {
                assertThat(nodes.get(i).y() - nodes.get(i - 1).y()).isCloseTo(gap, within(1e-9));
            }
        }
        Map<String, NetworkDiagram.Node> n = byName(diagram);
        assertThat(n.get("h1").y()).isCloseTo(84 + gap / 2, within(1e-9));
        assertThat(n.get("hb").y()).isCloseTo(380 - gap / 2, within(1e-9));
        assertThat(n.get("o1").y()).isCloseTo(middle, within(1e-9));
    }

    @Test
    void nodes_notebookNames_biasLastInEachColumnButTheOutputs() {
        NetworkDiagram diagram = diagram();
        assertThat(diagram.nodes()).extracting(NetworkDiagram.Node::name)
                .containsExactly("x1", "x2", "xb", "h1", "h2", "h3", "h4", "hb", "o1");
        assertThat(diagram.nodes()).extracting(NetworkDiagram.Node::column).containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 2);
        assertThat(diagram.nodes()).filteredOn(NetworkDiagram.Node::bias).extracting(NetworkDiagram.Node::name)
                .containsExactly("xb", "hb");
    }

    @Test
    void nodes_deepNetworkAndOtherFeatures_namedByLayerAndFeatureLabel() {
        NetworkSpec spec = new NetworkSpec(List.of(Feature.X1, Feature.X1_SQUARED, Feature.SIN_X2), List.of(2, 1),
                Activation.TANH);
        NetworkDiagram d = new NetworkDiagram(spec, constant(spec, 0.1f), 800, 420);
        assertThat(d.nodes()).extracting(NetworkDiagram.Node::name)
                .containsExactly("x1", "x1²", "sin(x2)", "xb", "h1.1", "h1.2", "hb1", "h2.1", "hb2", "o1");
    }

    @Test
    void edges_everyWeightAndBias_fromItsNodeToItsUnit_withItsLayersLargest() {
        NetworkDiagram diagram = diagram();
        Map<String, NetworkDiagram.Node> n = byName(diagram);
        List<NetworkDiagram.Edge> edges = diagram.edges();
        assertThat(edges).hasSize(3 * 4 + 5);
        LayerParameters hidden = notebookWeights().layer(0);
        for (int o = 0; o < 4; o++) {
            NetworkDiagram.Node to = n.get("h" + (o + 1));
            String[] from = {"x1", "x2", "xb"};
            float[] w = {hidden.weight(o, 0), hidden.weight(o, 1), hidden.bias(o)};
            for (int i = 0; i < 3; i++) {
                NetworkDiagram.Node source = n.get(from[i]);
                NetworkDiagram.Edge e = edges.stream().filter(x -> x.from() == source && x.to() == to).findFirst()
                        .orElseThrow();
                assertThat(e.weight()).isEqualTo(w[i]);
                assertThat(e.layerMaxAbs()).isEqualTo(1.0); // the largest of the first layer, weights and biases
            }
        }
        NetworkDiagram.Edge bias = edges.stream().filter(x -> x.from() == n.get("hb")).findFirst().orElseThrow();
        assertThat(bias.weight()).isEqualTo(1.5);
        assertThat(bias.layerMaxAbs()).isEqualTo(4.0);
        NetworkDiagram.Edge h4 = edges.stream().filter(x -> x.from() == n.get("h4")).findFirst().orElseThrow();
        assertThat(h4.weight()).isEqualTo(-4.0);
    }

    @Test
    void wideLayers_first12UnitsDrawnAndANoteOfTheRest_16Drawn_largestNetworkStaysSmall() throws Exception {
        NetworkSpec sixteen = new NetworkSpec(Feature.NOTEBOOK, List.of(16), Activation.TANH);
        NetworkDiagram d16 = new NetworkDiagram(sixteen, constant(sixteen, 0.1f), 800, 420);
        assertThat(d16.more()).isEmpty();
        assertThat(d16.nodes()).hasSize(2 + 1 + 16 + 1 + 1);

        NetworkSpec wide = new NetworkSpec(Feature.NOTEBOOK, List.of(17, 3), Activation.TANH);
        NetworkDiagram d = new NetworkDiagram(wide, constant(wide, 0.1f), 800, 420);
        assertThat(d.nodes()).extracting(NetworkDiagram.Node::name).containsExactly("x1", "x2", "xb", "h1.1", "h1.2",
                "h1.3", "h1.4", "h1.5", "h1.6", "h1.7", "h1.8", "h1.9", "h1.10", "h1.11", "h1.12", "hb1", "h2.1", "h2.2",
                "h2.3", "hb2", "o1");
        assertThat(d.more()).singleElement().satisfies(m -> assertThat(m.hidden()).isEqualTo(5));
        // edges only between drawn nodes: 12 x (2 + bias), then 3 x (12 + bias), then 1 x (3 + bias)
        assertThat(d.edges()).hasSize(12 * 3 + 3 * 13 + 4);
        // the note sits in the column, between the last unit drawn and the bias node
        NetworkDiagram.Node last = d.nodes().get(14);
        NetworkDiagram.Node bias = d.nodes().get(15);
        assertThat(d.more().get(0).y()).isGreaterThan(last.y()).isLessThan(bias.y());
        assertThat(d.more().get(0).x()).isEqualTo(last.x());

        NetworkSpec largest = new NetworkSpec(Feature.NOTEBOOK, java.util.Collections.nCopies(8, 256), Activation.RELU);
        Parameters p = Parameters.initial(largest, 1);
        Figure f = new Figure("network", "largest", 1040, 640, g -> new NetworkDiagram(largest, p, 1040, 640).paint(g,
                "largest"), Map.of());
        byte[] svg = FigureWriter.toSvg(f);
        assertThat(svg.length).as("SVG bytes of the 8 x 256 network").isLessThan(2_000_000);
        assertThat(new String(svg, java.nio.charset.StandardCharsets.UTF_8)).contains("+244 more");
    }

    @Test
    void edges_largestBias_setsTheLayersScale() {
        Parameters p = new Parameters(List.of(LayerParameters.of(new float[][] {{0.5f, 0.25f}}, new float[] {-3f})));
        NetworkDiagram d = new NetworkDiagram(Results.LOGISTIC, p, 620, 420);
        assertThat(d.edges()).allSatisfy(e -> assertThat(e.layerMaxAbs()).isEqualTo(3.0));
    }

    @Test
    void labels_oneTarget_halfWay_severalTargets_staggeredSoTheyDoNotPileUp() {
        NetworkDiagram diagram = diagram();
        Map<String, NetworkDiagram.Node> n = byName(diagram);
        assertThat(diagram.edges()).filteredOn(e -> e.to() == n.get("o1"))
                .allSatisfy(e -> assertThat(e.labelAt()).isEqualTo(0.5));
        double[] expected = {0.22, 0.22 + 0.5 / 3, 0.22 + 1.0 / 3, 0.72};
        for (int o = 0; o < 4; o++) {
            NetworkDiagram.Node to = n.get("h" + (o + 1));
            double at = expected[o];
            assertThat(diagram.edges()).filteredOn(e -> e.to() == to)
                    .allSatisfy(e -> assertThat(e.labelAt()).isCloseTo(at, within(1e-12)));
        }
    }

    static Svg paint(NetworkDiagram d, int width, int height) {
        return Svg.of(new Figure("network", "n", width, height, g -> d.paint(g, "Network under test"), Map.of()));
    }

    @Test
    void paint_eachEdgeALineBetweenItsNodes_colourDashesAndWidthFromItsWeight() {
        NetworkDiagram diagram = diagram();
        Svg svg = paint(diagram, 660, 420);
        for (NetworkDiagram.Edge e : diagram.edges()) {
            Color colour = e.weight() >= 0 ? Palette.WEIGHT_POSITIVE : Palette.WEIGHT_NEGATIVE;
            double width = 0.6 + 5.4 * Math.abs(e.weight()) / e.layerMaxAbs();
            assertThat(svg.lines).as("edge %s -> %s", e.from().name(), e.to().name()).anySatisfy(l -> {
                assertThat(l.x1()).isEqualTo(e.from().x());
                assertThat(l.y1()).isCloseTo(e.from().y(), within(1e-9));
                assertThat(l.x2()).isEqualTo(e.to().x());
                assertThat(l.y2()).isCloseTo(e.to().y(), within(1e-9));
                assertThat(l.style().stroke()).isEqualTo(colour);
                assertThat(l.style().strokeWidth()).isCloseTo(width, within(1e-5));
                assertThat(l.style().dashed()).isEqualTo(e.weight() < 0);
            });
        }
    }

    @Test
    void weightColours_asTheStudioDrawsThem_bluePositiveOrangeNegative() {
        // studio.css: --pos: rgb(8, 119, 189); --neg: rgb(245, 147, 34) (TensorFlow Playground's)
        assertThat(Palette.WEIGHT_POSITIVE).isEqualTo(new Color(8, 119, 189));
        assertThat(Palette.WEIGHT_NEGATIVE).isEqualTo(new Color(245, 147, 34));
        float[] hsb = Color.RGBtoHSB(8, 119, 189, null);
        assertThat(hsb[0] * 360).as("positive hue").isBetween(190f, 220f);
        hsb = Color.RGBtoHSB(245, 147, 34, null);
        assertThat(hsb[0] * 360).as("negative hue").isBetween(25f, 40f);
    }

    @Test
    void paint_fewEdges_eachWeightWrittenOnItsEdge_onAWhiteBox() {
        NetworkDiagram diagram = diagram();
        Svg svg = paint(diagram, 660, 420);
        java.awt.Font font = Palette.TICK.deriveFont(10f);
        for (NetworkDiagram.Edge e : diagram.edges()) {
            String label = String.format(Locale.ROOT, "%.2f", e.weight());
            double x = e.from().x() + e.labelAt() * (e.to().x() - e.from().x());
            double y = e.from().y() + e.labelAt() * (e.to().y() - e.from().y());
            double w = Svg.width(label, font);
            assertThat(svg.texts(label)).as("weight %s", label).anySatisfy(t -> {
                assertThat(t.x()).isCloseTo(x - w / 2, within(1e-3));
                assertThat(t.y()).isCloseTo(y + 1, within(1e-3));
                assertThat(t.style().fill()).isEqualTo(Palette.INK);
                assertThat(t.style().fontSize()).isEqualTo(10);
            });
            assertThat(svg.rects).as("box behind %s", label).anySatisfy(r -> {
                assertThat(r.x()).isCloseTo(x - w / 2 - 1, within(1e-3));
                assertThat(r.y()).isCloseTo(y - 8, within(1e-3));
                assertThat(r.width()).isCloseTo(w + 2, within(1e-3));
                assertThat(r.height()).isEqualTo(11);
                assertThat(r.style().fill()).isEqualTo(Color.WHITE);
            });
        }
    }

    @Test
    void paint_30Edges_labelled_moreEdges_notLabelled() {
        // 2-3-4-1 has 9 + 16 + 5 = 30 edges; 2-3-5-1 has 35
        NetworkSpec thirty = NOTEBOOK.withHidden(List.of(3, 4));
        NetworkDiagram d30 = new NetworkDiagram(thirty, constant(thirty, 0.25f), 880, 420);
        assertThat(d30.edges()).hasSize(30);
        assertThat(paint(d30, 880, 420).texts("0.25")).hasSize(30);
        NetworkSpec more = NOTEBOOK.withHidden(List.of(3, 5));
        NetworkDiagram d35 = new NetworkDiagram(more, constant(more, 0.25f), 880, 420);
        assertThat(d35.edges()).hasSize(35);
        assertThat(paint(d35, 880, 420).texts("0.25")).isEmpty();
    }

    @Test
    void paint_nodesAsCirclesWithTheirNames_biasNodesGrey() {
        NetworkDiagram diagram = diagram();
        Svg svg = paint(diagram, 660, 420);
        double radius = (380 - 84) / 5.0 * 0.38;
        java.awt.Font font = Palette.AXIS.deriveFont(13f);
        for (NetworkDiagram.Node n : diagram.nodes()) {
            Color fill = n.bias() ? Palette.BIAS_NODE : Palette.NODE;
            assertThat(svg.ellipses).as("node %s", n.name()).anySatisfy(e -> {
                assertThat(e.cx()).isCloseTo(n.x(), within(1e-9));
                assertThat(e.cy()).isCloseTo(n.y(), within(1e-9));
                assertThat(e.rx()).isCloseTo(radius, within(1e-9));
                assertThat(e.style().fill()).isEqualTo(fill);
            });
            assertThat(svg.ellipses).as("outline of %s", n.name()).anySatisfy(e -> {
                assertThat(e.cx()).isCloseTo(n.x(), within(1e-9));
                assertThat(e.cy()).isCloseTo(n.y(), within(1e-9));
                assertThat(e.style().stroke()).isEqualTo(Palette.INK);
                assertThat(e.style().strokeWidth()).isCloseTo(1.2, within(1e-6));
            });
            Svg.Text name = svg.text(n.name());
            assertThat(Svg.centreX(name, font)).isCloseTo(n.x(), within(1e-3));
            assertThat(name.y()).isCloseTo(n.y() + 4, within(1e-3));
            assertThat(name.style().fontSize()).isEqualTo(13);
        }
    }

    @Test
    void paint_smallNodes_smallerNames_tinyNodes_noNames() {
        // 16 units in 420 px: gap 296 / 17 = 17.4, radius 6.6: too small for names
        NetworkSpec wide = NOTEBOOK.withHidden(List.of(16));
        Svg tiny = paint(new NetworkDiagram(wide, constant(wide, 0.1f), 660, 420), 660, 420);
        assertThat(tiny.texts("h1")).isEmpty();
        assertThat(tiny.ellipses).allSatisfy(e -> assertThat(e.rx()).isCloseTo(296 / 17.0 * 0.38, within(1e-9)));
        // 8 units in 420 px: gap 296 / 9 = 32.9, radius 12.5: names in 9 px type
        NetworkSpec eight = NOTEBOOK.withHidden(List.of(8));
        Svg small = paint(new NetworkDiagram(eight, constant(eight, 0.1f), 660, 420), 660, 420);
        assertThat(small.text("h8").style().fontSize()).isEqualTo(9);
    }

    @Test
    void paint_nodesNeverOverlap_radiusCappedAt24() {
        // a single hidden unit in a tall figure would give huge nodes: 24 px at most
        NetworkSpec one = NOTEBOOK.withHidden(List.of(1));
        NetworkDiagram d = new NetworkDiagram(one, constant(one, 0.1f), 620, 900);
        assertThat(paint(d, 620, 900).ellipses).allSatisfy(e -> assertThat(e.rx()).isEqualTo(24));
        // a wide layer squeezed into a small figure: at least 3 px
        NetworkSpec wide = NOTEBOOK.withHidden(List.of(16));
        NetworkDiagram squeezed = new NetworkDiagram(wide, constant(wide, 0.1f), 620, 150);
        Svg svg = paint(squeezed, 620, 150);
        assertThat(svg.ellipses).allSatisfy(e -> assertThat(e.rx()).isEqualTo(3));
    }

    @Test
    void paint_titleAndLegend_topLeft() {
        NetworkDiagram diagram = diagram();
        Svg svg = paint(diagram, 660, 420);
        Svg.Text title = svg.text("Network under test");
        assertThat(title.x()).isEqualTo(16);
        assertThat(title.y()).isEqualTo(24);
        assertThat(title.style().bold()).isTrue();
        assertThat(title.style().fontSize()).isEqualTo(15);
        assertThat(title.style().fill()).isEqualTo(Palette.INK);
        Svg.Text sign = svg.text("Edge colour and dashes: the weight's sign (blue solid +, orange dashed -).");
        assertThat(sign.y()).isEqualTo(42);
        assertThat(sign.style().fontSize()).isEqualTo(11);
        Svg.Text size = svg.text("Thickness: |weight| relative to its layer's largest. Grey nodes are bias nodes"
                + " (always 1).");
        assertThat(size.y()).isEqualTo(56);
        assertThat(size.x()).isEqualTo(16);
    }
}
