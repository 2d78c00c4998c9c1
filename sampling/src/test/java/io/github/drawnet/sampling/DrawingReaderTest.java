package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.SampleSizes;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class DrawingReaderTest {

    /** A canvas of the given size and type with ink filling its top-left quarter (width/4 x height/4). */
    static byte[] topLeftInk(int width, int height, int type, boolean transparentBackground) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        if (!transparentBackground) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        }
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static Stream<Arguments> topLeftCanvases() {
        return Stream.of(
                Arguments.of("256x256 RGBA, transparent background (the notebook's canvas)", 256, 256,
                        BufferedImage.TYPE_INT_ARGB, true),
                Arguments.of("300x120 RGBA, non-square", 300, 120, BufferedImage.TYPE_INT_ARGB, true),
                Arguments.of("256x256 RGB, opaque, no alpha", 256, 256, BufferedImage.TYPE_INT_RGB, false),
                Arguments.of("200x160 greyscale, no alpha", 200, 160, BufferedImage.TYPE_BYTE_GRAY, false),
                Arguments.of("256x256 RGBA but fully opaque: read as ink", 256, 256, BufferedImage.TYPE_INT_ARGB, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topLeftCanvases")
    void sample_inkInTopLeftCorner_positiveOnlyWhereX1SmallAndX2Large(String name, int width, int height, int type,
            boolean transparent) throws IOException {
        Drawing drawing = DrawingReader.read(new ByteArrayInputStream(topLeftInk(width, height, type, transparent)),
                "corner.png");
        assertThat(drawing.width()).isEqualTo(width);
        assertThat(drawing.height()).isEqualTo(height);
        assertThat(drawing.coverage(0, 0)).isEqualTo(1f);
        assertThat(drawing.coverage(width - 1, height - 1)).isEqualTo(0f);

        DataSplits data = Sampler.sample(drawing, new SampleSizes(4000, 500, 500), 3);
        Dataset train = data.train();
        int positives = 0;
        for (int i = 0; i < train.size(); i++) {
            boolean inCorner = train.x1(i) < 0.25 && train.x2(i) > 0.75;
            assertThat(train.label(i) == 1.0).as("point (%s, %s)", train.x1(i), train.x2(i)).isEqualTo(inCorner);
            positives += train.label(i) == 1.0 ? 1 : 0;
        }
        // a quarter by a quarter of the canvas: about 1/16 of the points
        assertThat(positives / (double) train.size()).isBetween(0.04, 0.085);
    }

    @Test
    void coordinates_cornersOfCanvas_mapToUnitSquareAsInNotebook() {
        Drawing d = Drawing.of("t", 256, 128, new float[256 * 128]);
        assertThat(d.x1OfColumn(0)).isEqualTo(0.0);
        assertThat(d.x1OfColumn(255)).isEqualTo(1.0);
        assertThat(d.x2OfRow(127)).isEqualTo(0.0); // bottom row
        assertThat(d.x2OfRow(0)).isEqualTo(1.0); // top row
        assertThat(d.x1OfColumn(51)).isEqualTo(51 / 255.0); // the notebook's X/255.0
    }

    @Test
    void read_antialiasedEdge_keepsAlphaAsCoverage() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(1, 1, new Color(0, 0, 0, 100).getRGB());
        image.setRGB(2, 1, new Color(0, 0, 0, 255).getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        Drawing d = DrawingReader.read(new ByteArrayInputStream(out.toByteArray()), "edge.png");
        assertThat(d.coverage(1, 1)).isEqualTo(100 / 255f);
        assertThat(d.coverage(2, 1)).isEqualTo(1f);
        assertThat(d.coverage(0, 0)).isEqualTo(0f);
    }

    @Test
    void read_missingFile_namesIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.png");
        assertThatThrownBy(() -> DrawingReader.read(missing)).isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing file " + missing + " does not exist");
    }

    @Test
    void read_directoryOrFifo_saysSo_aFifoIsNotOpened(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DrawingReader.read(dir)).isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing file " + dir + " is a folder; give a PNG file");
        Path fifo = dir.resolve("drawing.png");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.assertj.core.api.Assertions.assertThat(mk.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // opening a FIFO would wait for a writer forever: refused before it is opened
        assertThatThrownBy(() -> DrawingReader.read(fifo)).isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing file " + fifo + " is not a regular file (a FIFO, a device or a socket); give a PNG"
                        + " file");
    }

    @Test
    void read_textFile_isNotAnImage(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "hello, I am not a picture");
        assertThatThrownBy(() -> DrawingReader.read(text)).isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing notes.png is not an image (expected a PNG file)");
    }

    @Test
    void read_truncatedPng_isRefused(@TempDir Path dir) throws IOException {
        byte[] png = topLeftInk(256, 256, BufferedImage.TYPE_INT_ARGB, true);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertThatThrownBy(() -> DrawingReader.read(cut)).isInstanceOf(InvalidDrawingException.class)
                .hasMessageStartingWith("drawing cut.png is not a readable image");
    }

    @Test
    void read_emptyFile_isRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertThatThrownBy(() -> DrawingReader.read(empty)).isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing empty.png is not an image (expected a PNG file)");
    }
}
