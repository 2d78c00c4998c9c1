package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The studio's live figures: bare maps one pixel per grid point, and the network with its current weights. */
final class LiveFiguresTest {

    static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void mapPng_onePixelPerGridPoint_row0AtTheBottom_colouredOverTheRange() throws IOException {
        // a 3 x 3 map of 0..8 over [0, 8]
        float[] values = new float[9];
        for (int i = 0; i < 9; i++) {
            values[i] = i;
        }
        BufferedImage image = decode(LiveFigures.mapPng(values, 3, 0, 8));
        assertThat(image.getWidth()).isEqualTo(3);
        assertThat(image.getHeight()).isEqualTo(3);
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                assertThat(new Color(image.getRGB(col, 2 - row))).as("row %d col %d", row, col)
                        .isEqualTo(Palette.diverging((row * 3 + col) / 8.0));
            }
        }
        // white at the range's middle, 4: the centre
        assertThat(new Color(image.getRGB(1, 1))).isEqualTo(Color.WHITE);
    }

    @Test
    void mapPng_neutralAtTheRangesFloor_whiteToBlueOnly() throws IOException {
        // a rectifier's map: [0, 8] white at 0, so nothing is orange; 4 is half way to the blue
        BufferedImage image = decode(LiveFigures.mapPng(new float[] {0f, 4f, 8f, 2f}, 2, 0, 0, 8));
        assertThat(new Color(image.getRGB(0, 1))).isEqualTo(Color.WHITE);
        assertThat(new Color(image.getRGB(1, 1))).isEqualTo(new Color(0x84bbde)).isEqualTo(Palette.diverging(0.75));
        assertThat(new Color(image.getRGB(0, 0))).isEqualTo(Palette.POSITIVE);
        assertThat(new Color(image.getRGB(1, 0))).isEqualTo(Palette.diverging(0.625));
    }

    @Test
    void range_everyActivation_sameAsTheNotebooksMaps() {
        float[] v = {0f, 3f};
        for (Activation a : Activation.values()) {
            assertThat(LiveFigures.range(a, v)).containsExactly(NotebookVisualizer.range(a, v));
        }
        assertThat(LiveFigures.range(Activation.RELU, v)).containsExactly(0, 3);
    }

    @Test
    void network_titledWithShapeAndCount_drawsTheGivenWeights() {
        Parameters p = NetworkDiagramTest.notebookWeights();
        Figure f = LiveFigures.network(NetworkSpec.notebook(), p);
        assertThat(f.name()).isEqualTo("network");
        assertThat(f.title()).isEqualTo("Network 2-4-1 (17 weights and biases)");
        Svg svg = Svg.of(f);
        svg.text("Network 2-4-1 (17 weights and biases)");
        // the output layer's weights, written on their edges
        assertThat(svg.texts("-4.00")).hasSize(1);
        assertThat(svg.texts("1.50")).hasSize(1);
        assertThat(svg.ellipses.stream().filter(e -> Palette.BIAS_NODE.equals(e.style().fill()))).hasSize(2);
    }

    @Test
    void network_deepNetwork_figureWidensSoColumnsStayApart() {
        NetworkSpec deep = NetworkSpec.notebook().withHidden(List.of(3, 3, 3, 3));
        Parameters p = NetworkDiagramTest.constant(deep, 0.1f);
        Figure f = LiveFigures.network(deep, p);
        NetworkDiagram d = new NetworkDiagram(deep, p, f.width(), f.height());
        double[] xs = d.nodes().stream().mapToDouble(NetworkDiagram.Node::x).distinct().sorted().toArray();
        assertThat(xs).hasSize(6);
        for (int i = 1; i < xs.length; i++) {
            assertThat(xs[i] - xs[i - 1]).isGreaterThanOrEqualTo(180);
        }
    }

    @Test
    void network_veryTallLayer_figureHeightCapped() {
        NetworkSpec tall = NetworkSpec.notebook().withHidden(List.of(60));
        assertThat(LiveFigures.network(tall, NetworkDiagramTest.constant(tall, 0.1f)).height()).isEqualTo(1200);
    }

    @Test
    void network_tallLayer_figureGrowsSoNodesKeepTheirNames() {
        NetworkSpec tall = NetworkSpec.notebook().withHidden(List.of(16));
        Svg svg = Svg.of(LiveFigures.network(tall, NetworkDiagramTest.constant(tall, 0.1f)));
        assertThat(svg.texts("h16")).hasSize(1);
    }
}
