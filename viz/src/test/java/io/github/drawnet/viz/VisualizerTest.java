package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.NetworkSpec;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NotebookVisualizer} through the {@link Visualizer} interface the command line and the
 * studio use: the colour of a unit's map at known values for each activation, and the files and
 * pictures it hands back.
 */
final class VisualizerTest {

    static final Visualizer VISUALIZER = new NotebookVisualizer();

    static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    static Stream<Arguments> maps() {
        // the last column: each value's place on the scheme's diverging scale (0 orange, 0.5 white, 1 blue)
        return Stream.of(
                // sigmoid and tanh: the whole range the activation can take, whatever the values; white at the
                // middle (a sigmoid's 0.5, a tanh's 0)
                Arguments.of(Activation.SIGMOID, new float[] {0.25f, 0.5f, 0.75f, 1f}, 0.0, 1.0,
                        new double[] {0.25, 0.5, 0.75, 1}),
                Arguments.of(Activation.TANH, new float[] {-1f, 0f, 0.5f, -0.5f}, -1.0, 1.0,
                        new double[] {0, 0.5, 0.75, 0.25}),
                // relu: from 0 (white) to the largest value (blue): only the blue half
                Arguments.of(Activation.RELU, new float[] {0f, 1f, 2f, 4f}, 0.0, 4.0,
                        new double[] {0.5, 0.625, 0.75, 1}),
                // linear: from the smallest to the largest value, white at 0, the same depth for the same
                // distance from 0 (-3 full orange, 1 a third of the way to blue)
                Arguments.of(Activation.LINEAR, new float[] {-3f, -1f, 0f, 1f}, -3.0, 1.0,
                        new double[] {0, 1 / 3.0, 0.5, 2 / 3.0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maps")
    void mapPng_eachActivation_rangeAndColourAtKnownValues(Activation a, float[] values, double lo, double hi,
            double[] shares) throws IOException {
        Visualizer.MapImage map = VISUALIZER.mapPng(values, 2, a);
        assertThat(map.lo()).isEqualTo(lo);
        assertThat(map.hi()).isEqualTo(hi);
        BufferedImage image = decode(map.png());
        assertThat(image.getWidth()).isEqualTo(2);
        // grid point row * 2 + col, row 0 at the bottom of the picture
        int[][] pixel = {{0, 1}, {1, 1}, {0, 0}, {1, 0}};
        for (int i = 0; i < 4; i++) {
            Color seen = new Color(image.getRGB(pixel[i][0], pixel[i][1]));
            assertThat(seen).as("value %s", values[i]).isEqualTo(Palette.diverging(shares[i]));
            if (shares[i] == 0.5) {
                assertThat(seen).as("value %s, the neutral one", values[i]).isEqualTo(Color.WHITE);
            }
        }
    }

    @Test
    void decisionBoundaryPng_result_theDecisionBoundaryFigure() throws IOException {
        ExperimentResult r = Results.builder().gridResolution(16).build();
        BufferedImage image = decode(VISUALIZER.decisionBoundaryPng(r));
        Figure f = NotebookVisualizer.decisionBoundary(r);
        assertThat(image.getWidth()).isEqualTo(f.width());
        assertThat(image.getHeight()).isEqualTo(f.height());
        Point2D top = f.pixel("output", 0.5, 0.95);
        Point2D bottom = f.pixel("output", 0.5, 0.05);
        assertThat(Colours.deepBlue(Colours.at(image, top))).as("top: class 1, blue").isTrue();
        assertThat(Colours.deepOrange(Colours.at(image, bottom))).as("bottom: class 0, orange").isTrue();
    }

    @Test
    void networkPng_weights_theLiveNetworkFigure() throws IOException {
        Figure f = LiveFigures.network(NetworkSpec.notebook(), NetworkDiagramTest.notebookWeights());
        BufferedImage image = decode(VISUALIZER.networkPng(NetworkSpec.notebook(), NetworkDiagramTest.notebookWeights()));
        assertThat(image.getWidth()).isEqualTo(f.width());
        assertThat(image.getHeight()).isEqualTo(f.height());
        // the centre of the first input node is filled with the node colour
        NetworkDiagram.Node x1 = new NetworkDiagram(NetworkSpec.notebook(), NetworkDiagramTest.notebookWeights(),
                f.width(), f.height()).nodes().get(0);
        assertThat(new Color(image.getRGB((int) x1.x(), (int) x1.y() + 8))).isEqualTo(Palette.NODE);
    }

    static final List<String> NAMES = List.of("drawing", "training-data", "network", "hidden-units", "training-curves",
            "test-predictions", "decision-boundary");

    @Test
    void render_everyFigureAsPngAndSvg_inTheNotebooksOrder(@TempDir Path dir) throws IOException {
        ExperimentResult r = Results.builder().gridResolution(8).build();
        List<Path> written = VISUALIZER.render(r, dir);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(NAMES.stream().map(n -> n + ".png").toList());
        for (String n : NAMES) {
            assertThat(decode(Files.readAllBytes(dir.resolve(n + ".png")))).isNotNull();
            assertThat(Files.readString(dir.resolve(n + ".svg"))).contains("<svg");
        }
    }

    @Test
    void report_result_figuresAndReportFile(@TempDir Path dir) throws IOException {
        ExperimentResult r = Results.builder().gridResolution(8).build();
        Visualizer.Report report = VISUALIZER.report(r, dir);
        assertThat(report.report()).isEqualTo(dir.resolve("report.html"));
        assertThat(Files.readString(report.report())).startsWith("<!DOCTYPE html>").contains("Drawnet report");
        assertThat(report.figures()).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(NAMES.stream().map(n -> n + ".png").toList());
        assertThat(report.figures()).allSatisfy(p -> assertThat(p).exists());
    }

    @Test
    void reportFileNames_areExactlyTheFilesReportWrites(@TempDir Path dir) throws IOException {
        VISUALIZER.report(Results.builder().gridResolution(8).build(), dir);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(VISUALIZER.reportFileNames().stream().sorted().toList());
        }
        assertThat(VISUALIZER.reportFileNames()).hasSize(15).contains("drawing.png", "decision-boundary.svg", "report.html");
    }

    static Stream<io.github.drawnet.viz.ReportFiles> choices() {
        java.util.EnumSet<io.github.drawnet.viz.ReportFiles.Format> png =
                java.util.EnumSet.of(io.github.drawnet.viz.ReportFiles.Format.PNG);
        java.util.EnumSet<io.github.drawnet.viz.ReportFiles.Format> svg =
                java.util.EnumSet.of(io.github.drawnet.viz.ReportFiles.Format.SVG);
        return Stream.of(new io.github.drawnet.viz.ReportFiles(png, true), new io.github.drawnet.viz.ReportFiles(png, false),
                new io.github.drawnet.viz.ReportFiles(svg, false), new io.github.drawnet.viz.ReportFiles(svg, true),
                new io.github.drawnet.viz.ReportFiles(java.util.Set.of(), true),
                new io.github.drawnet.viz.ReportFiles(java.util.Set.of(), false));
    }

    @ParameterizedTest
    @MethodSource("choices")
    void reportFileNames_ofAChoice_areExactlyTheFilesReportWrites(io.github.drawnet.viz.ReportFiles files,
            @TempDir Path dir) throws IOException {
        Visualizer.Report report = VISUALIZER.report(Results.builder().gridResolution(8).build(), dir, files);
        try (java.util.stream.Stream<Path> written = Files.list(dir)) {
            assertThat(written.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(VISUALIZER.reportFileNames(files).stream().sorted().toList());
        }
        assertThat(VISUALIZER.reportFileNames(files)).hasSize(7 * files.formats().size() + (files.html() ? 1 : 0));
        assertThat(report.figures()).hasSize(files.formats().isEmpty() ? 0 : 7);
        assertThat(report.report() != null).isEqualTo(files.html());
        if (files.html()) {
            // the report embeds every figure as PNG, whichever files were asked for
            String html = Files.readString(report.report());
            assertThat(html.split("data:image/png;base64,", -1)).hasSizeGreaterThanOrEqualTo(8);
        }
    }
}
