package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Drawing;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader's limits and failures: a smaller pixel limit for uploads, files, broken streams. */
final class DrawingReaderLimitsTest {

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF000000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "10 x 20 with at most {0} pixels")
    @CsvSource({"200", "201", "16777216"})
    void read_withPixelLimit_imageWithinIt_read(long maxPixels) throws IOException {
        Drawing d = DrawingReader.read(new ByteArrayInputStream(png(10, 20)), "upload.png", maxPixels);
        assertThat(d.name()).isEqualTo("upload.png");
        assertThat(d.width()).isEqualTo(10);
        assertThat(d.height()).isEqualTo(20);
        assertThat(d.coverage(0, 0)).isEqualTo(1f);
    }

    @ParameterizedTest(name = "10 x 20 with at most {0} pixels")
    @CsvSource({"199", "100", "2"})
    void read_withPixelLimit_largerImage_refusedNamingSizeAndLimit(long maxPixels) throws IOException {
        byte[] png = png(10, 20);
        assertThatThrownBy(() -> DrawingReader.read(new ByteArrayInputStream(png), "upload.png", maxPixels))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing upload.png is 10 x 20 = 200 pixels; at most " + maxPixels + " are allowed here");
    }

    @Test
    void read_file_namedByItsFileName(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("mine.png"), png(3, 2));
        Drawing d = DrawingReader.read(file);
        assertThat(d.name()).isEqualTo("mine.png");
        assertThat(d.width()).isEqualTo(3);
        assertThat(d.coverage(0, 0)).isEqualTo(1f);
        assertThat(d.coverage(2, 1)).isZero();
    }

    @Test
    void read_truncatedInItsHeader_messageCarriesTheDecodersReason() throws IOException {
        byte[] cut = Arrays.copyOf(png(10, 20), 20);
        assertThatThrownBy(() -> DrawingReader.read(new ByteArrayInputStream(cut), "cut.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .satisfies(e -> assertThat(e).hasMessage(
                        "drawing cut.png is not a readable image (truncated or corrupt?): " + e.getCause().getMessage()))
                .cause().hasMessageNotContaining("\n");
    }

    @Test
    void read_streamFailingWithoutAMessage_oneLineNamingTheFailure() {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException();
            }
        };
        assertThatThrownBy(() -> DrawingReader.read(failing, "broken.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing broken.png is not a readable image (truncated or corrupt?): IllegalStateException");
    }
}
