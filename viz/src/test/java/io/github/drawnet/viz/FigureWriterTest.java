package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both outputs of a figure: a white canvas of the figure's size, smooth edges, files side by side. */
final class FigureWriterTest {

    static Figure blank() {
        return new Figure("blank", "nothing drawn", 40, 30, g -> {}, Map.of());
    }

    static Figure diagonal() {
        return new Figure("diagonal", "a line and a word", 120, 60, g -> {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(2, 3, 58, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            g.drawString("Ag", 70, 40);
        }, Map.of());
    }

    @Test
    void toImage_nothingDrawn_whiteCanvasOfTheFiguresSize() {
        BufferedImage image = FigureWriter.toImage(blank());
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                assertThat(image.getRGB(x, y)).isEqualTo(Color.WHITE.getRGB());
            }
        }
    }

    @Test
    void toSvg_nothingDrawn_whiteBackgroundOfTheFiguresSize() {
        Svg svg = Svg.of(blank());
        assertThat(svg.rects).hasSize(1);
        Svg.Rect r = svg.rects.get(0);
        assertThat(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()))
                .isEqualTo(new Rectangle2D.Double(0, 0, 40, 30));
        assertThat(r.style().fill()).isEqualTo(Color.WHITE);
    }

    static Set<Integer> greys(BufferedImage image, int fromX, int toX) {
        Set<Integer> levels = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                levels.add(image.getRGB(x, y) & 0xff);
            }
        }
        return levels;
    }

    @Test
    void toPng_linesAndText_antialiased() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(FigureWriter.toPng(diagonal())));
        // a slanted one-pixel line and a word in black on white: smoothed edges give many levels of grey
        assertThat(greys(image, 0, 60)).hasSizeGreaterThan(8);
        assertThat(greys(image, 65, 120)).hasSizeGreaterThan(8);
    }

    @Test
    void write_pngAndSvgSideBySide_returnsThePng(@TempDir Path dir) throws IOException {
        Path png = FigureWriter.write(diagonal(), dir);
        assertThat(png).isEqualTo(dir.resolve("diagonal.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(120);
        assertThat(Files.readAllBytes(dir.resolve("diagonal.svg"))).isEqualTo(FigureWriter.toSvg(diagonal()));
    }

    @Test
    void pixel_planePointInAPanel_mappedWithX2Upwards_unknownPanelNamed() {
        Figure f = new Figure("f", "f", 300, 300, g -> {}, Map.of("map", new Rectangle2D.Double(10, 20, 200, 100)));
        assertThat(f.pixel("map", 0, 1)).isEqualTo(new java.awt.geom.Point2D.Double(10, 20));
        assertThat(f.pixel("map", 1, 0)).isEqualTo(new java.awt.geom.Point2D.Double(210, 120));
        assertThat(f.pixel("map", 0.25, 0.5)).isEqualTo(new java.awt.geom.Point2D.Double(60, 70));
        assertThatThrownBy(() -> f.pixel("other", 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("figure f has no panel 'other'; it has [map]");
    }

    @Test
    void encodeAll_inParallel_sameBytesAsOneByOne_inTheOrderGiven() throws IOException {
        ExperimentResultHolder.check();
    }

    @Test
    void encodeAll_withASink_handsEachFiguresEncodingsOverOnceOnTheThreadThatDrewIt_itsFailureThrown()
            throws IOException {
        java.util.List<Figure> figures = java.util.List.of(blank(), diagonal(), blank(), diagonal());
        Map<String, String> threads = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.List<FigureWriter.Encoded> handed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<FigureWriter.Encoded> all = FigureWriter.encodeAll(figures, true, false, e -> {
            handed.add(e);
            threads.put(Thread.currentThread().getName(), "");
        });
        assertThat(handed).containsExactlyInAnyOrderElementsOf(all).hasSize(4);
        assertThat(all).allSatisfy(e -> assertThat(e.png()).isNotEmpty());
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertThat(threads.keySet()).containsOnly("drawnet-figures");
        }
        assertThatThrownBy(() -> FigureWriter.encodeAll(figures, true, false, e -> {
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage("No space left on device");
    }

    /** Keeps the parallel check beside the figures it draws. */
    static final class ExperimentResultHolder {
        static void check() throws IOException {
            java.util.List<Figure> figures = new NotebookVisualizer().figures(Results.builder().gridResolution(8).build());
            java.util.List<FigureWriter.Encoded> all = FigureWriter.encodeAll(figures, true, true);
            assertThat(all).extracting(e -> e.figure().name()).containsExactlyElementsOf(NotebookVisualizer.FIGURE_NAMES);
            for (FigureWriter.Encoded e : all) {
                assertThat(e.svg()).as(e.figure().name()).isEqualTo(FigureWriter.toSvg(e.figure()));
                BufferedImage parallel = ImageIO.read(new ByteArrayInputStream(e.png()));
                BufferedImage alone = FigureWriter.toImage(e.figure());
                assertThat(parallel.getWidth()).isEqualTo(alone.getWidth());
                for (int y = 0; y < alone.getHeight(); y += 7) {
                    for (int x = 0; x < alone.getWidth(); x += 7) {
                        assertThat(parallel.getRGB(x, y)).as("%s at %d,%d", e.figure().name(), x, y)
                                .isEqualTo(alone.getRGB(x, y));
                    }
                }
            }
            java.util.List<FigureWriter.Encoded> svgOnly = FigureWriter.encodeAll(figures, false, true);
            assertThat(svgOnly).allSatisfy(e -> {
                assertThat(e.png()).isNull();
                assertThat(e.svg()).isNotEmpty();
            });
        }
    }
}
