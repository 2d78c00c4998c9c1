package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import io.github.drawnet.api.Backends;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The figures say what the notebook's say. Trained with the reference network (plain Java, fast),
 * since the figures depend on results, not on the engine.
 */
final class NotebookVisualizerTest {

    static ExperimentResult halfPlane;

    @BeforeAll
    static void train() {
        DataSplits data = Sampler.sample(Preset.HALF_PLANE.drawing(), SampleSizes.notebook(), 0);
        halfPlane = Experiments.run(Backends.discover().get("reference"), Preset.HALF_PLANE.drawing(), data, NetworkSpec.notebook(),
                TrainingConfig.notebook().withEpochs(30), TrainingListener.NONE);
    }

    static double luminanceAt(Figure f, BufferedImage image, String panel, double x1, double x2) {
        Point2D p = f.pixel(panel, x1, x2);
        return Palette.luminance(new Color(image.getRGB((int) p.getX(), (int) p.getY())));
    }

    @Test
    void outputMap_halfPlane_blueAboveTheDrawnLine_orangeBelow() {
        // the drawn region is everything above the line from (0, 170/255 from the top) to (1, 90/255 from the top)
        assertThat(halfPlane.test().accuracy()).isGreaterThan(0.97);
        for (Figure f : List.of(NotebookVisualizer.unitMaps(halfPlane), NotebookVisualizer.decisionBoundary(halfPlane))) {
            BufferedImage image = FigureWriter.toImage(f);
            for (double[] above : new double[][] {{0.1, 0.9}, {0.5, 0.85}, {0.9, 0.95}, {0.05, 0.5}}) {
                Color c = Colours.at(image, f.pixel("output", above[0], above[1]));
                assertThat(Colours.deepBlue(c)).as("%s above the line at %s,%s: %s", f.name(), above[0], above[1], c)
                        .isTrue();
            }
            for (double[] below : new double[][] {{0.9, 0.1}, {0.5, 0.2}, {0.1, 0.05}, {0.95, 0.5}}) {
                Color c = Colours.at(image, f.pixel("output", below[0], below[1]));
                assertThat(Colours.deepOrange(c)).as("%s below the line at %s,%s: %s", f.name(), below[0], below[1], c)
                        .isTrue();
            }
        }
    }

    @Test
    void drawingFigure_blueWhereDrawn_orangeElsewhere_asTheOutputMapColoursTheClasses() {
        Figure f = NotebookVisualizer.drawing(halfPlane);
        BufferedImage image = FigureWriter.toImage(f);
        // fully inside and fully outside the drawn region: the scheme's two ends, to the unit (2 of 255: rounding)
        assertThat(Colours.distance(Colours.at(image, f.pixel("drawing", 0.1, 0.9)), Palette.POSITIVE)).isLessThan(2);
        assertThat(Colours.distance(Colours.at(image, f.pixel("drawing", 0.9, 0.1)), Palette.NEGATIVE)).isLessThan(2);
    }

    @Test
    void network_2_4_1_hasNotebooksNineNodesIncludingTwoBias_and17Edges() throws IOException {
        NetworkDiagram d = new NetworkDiagram(NetworkSpec.notebook(), halfPlane.finalParameters(), 660, 420);
        assertThat(d.nodes()).hasSize(9);
        assertThat(d.nodes()).filteredOn(NetworkDiagram.Node::bias).extracting(NetworkDiagram.Node::name)
                .containsExactly("xb", "hb");
        assertThat(d.nodes()).extracting(NetworkDiagram.Node::name)
                .containsExactly("x1", "x2", "xb", "h1", "h2", "h3", "h4", "hb", "o1");
        assertThat(d.edges()).hasSize(17);
        // and the drawn figure has exactly those nine filled circles
        String svg = new String(FigureWriter.toSvg(NotebookVisualizer.network(halfPlane)), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<ellipse[^>]*style=\"fill:rgb").matcher(svg);
        int filled = 0;
        while (m.find()) {
            filled++;
        }
        assertThat(filled).isEqualTo(9);
    }

    @Test
    void network_edgeStyle_encodesSignAndSize() {
        NetworkDiagram d = new NetworkDiagram(NetworkSpec.notebook(), halfPlane.finalParameters(), 660, 420);
        NetworkDiagram.Edge strongest = d.edges().stream()
                .max((a, b) -> Double.compare(Math.abs(a.weight()), Math.abs(b.weight()))).orElseThrow();
        java.awt.BasicStroke s = (java.awt.BasicStroke) Palette.weightStroke(strongest.weight(), strongest.layerMaxAbs());
        assertThat(s.getLineWidth()).isEqualTo(6f);
        assertThat(((java.awt.BasicStroke) Palette.weightStroke(-1, 2)).getDashArray()).isNotNull();
        assertThat(((java.awt.BasicStroke) Palette.weightStroke(1, 2)).getDashArray()).isNull();
    }

    @Test
    void unitMaps_twoHiddenLayers_everyUnitOfEveryLayerPlusOutput() {
        NetworkSpec deep = NetworkSpec.notebook().withHidden(List.of(3, 2)).withActivation(Activation.RELU);
        DataSplits data = Sampler.sample(Preset.RING.drawing(), new SampleSizes(500, 100, 300), 1);
        ExperimentResult r = Experiments.run(Backends.discover().get("reference"), Preset.RING.drawing(), data, deep,
                TrainingConfig.notebook().withEpochs(2), TrainingListener.NONE);
        Figure f = NotebookVisualizer.unitMaps(r);
        assertThat(f.panels().keySet()).containsExactlyInAnyOrder("hidden-1-1", "hidden-1-2", "hidden-1-3",
                "hidden-2-1", "hidden-2-2", "output");
        assertThat(NotebookVisualizer.network(r).title()).contains("network");
    }

    @Test
    void palette_sequentialScale_darkensMonotonically_andTheClassesDifferInGreyscale() {
        double previous = 2;
        for (int i = 0; i <= 100; i++) {
            double l = Palette.luminance(Palette.sequential(i / 100.0));
            assertThat(l).isLessThanOrEqualTo(previous);
            previous = l;
        }
        // the scheme's blue (0.37) and orange (0.64) stay apart in a greyscale print
        assertThat(Palette.luminance(Palette.NEGATIVE) - Palette.luminance(Palette.POSITIVE)).isGreaterThan(0.2);
    }

    @Test
    void report_holdsEveryFigure_svgsParseAsXml(@TempDir Path dir) throws Exception {
        HtmlReport.Output out = HtmlReport.write(halfPlane, dir);
        List<String> names = List.of("drawing", "training-data", "network", "hidden-units", "training-curves",
                "test-predictions", "decision-boundary");
        assertThat(out.figures()).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(names.stream().map(n -> n + ".png").toList());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setNamespaceAware(true);
        for (String n : names) {
            Document svg = factory.newDocumentBuilder().parse(dir.resolve(n + ".svg").toFile());
            assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(ImageIO.read(dir.resolve(n + ".png").toFile())).isNotNull();
        }
        String html = Files.readString(out.report());
        Map<String, Integer> order = new java.util.LinkedHashMap<>();
        for (String n : names) {
            Matcher m = Pattern.compile("<figure id=\"" + n + "\"><img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
                    .matcher(html);
            assertThat(m.find()).as("figure %s embedded", n).isTrue();
            BufferedImage embedded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertThat(embedded.getWidth()).isEqualTo(ImageIO.read(dir.resolve(n + ".png").toFile()).getWidth());
            order.put(n, m.start());
        }
        // in the notebook's order
        assertThat(new java.util.ArrayList<>(order.values())).isSorted();
        assertThat(html).contains("Accuracy on the test set: <b>" + String.format(java.util.Locale.ROOT, "%.4f",
                halfPlane.test().accuracy()) + "</b>");
        assertThat(html).contains("<th class=\"l\">seed</th><td class=\"l\">0</td>");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("<script src");
    }

    @Test
    void warmUp_drawsItsThreeFigures_andNothingOnceInterrupted() throws Exception {
        assertThat(NotebookVisualizer.warmUpFigures()).isEqualTo(3);
        java.util.concurrent.atomic.AtomicInteger drawn = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            drawn.set(NotebookVisualizer.warmUpFigures());
        });
        t.start();
        t.join();
        assertThat(drawn.get()).isZero();
        // through the interface, on the calling thread, without throwing
        new NotebookVisualizer().warmUp();
    }
}
