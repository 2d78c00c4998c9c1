package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Drawing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Damaged PNGs give a {@link Drawing} or an {@link InvalidDrawingException}, never anything else. */
final class DrawingReaderFuzzTest {

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(Preset.BLOB.image(), "png", out);
        return out.toByteArray();
    }

    @Test
    void read_flippedBitsAndTruncations_onlyDocumentedOutcomes() throws IOException {
        byte[] good = png();
        SplittableRandom random = new SplittableRandom(20261129);
        int refused = 0;
        for (int k = 0; k < 300; k++) {
            byte[] bad;
            if (k % 3 == 0) {
                bad = Arrays.copyOf(good, random.nextInt(good.length));
            } else {
                bad = good.clone();
                int flips = 1 + random.nextInt(12);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(bad.length);
                    bad[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            try {
                Drawing d = DrawingReader.read(new ByteArrayInputStream(bad), "fuzz-" + k + ".png");
                assertThat(d.width() * (long) d.height()).isLessThanOrEqualTo(Drawing.MAX_PIXELS);
            } catch (InvalidDrawingException e) {
                refused++;
                assertThat(e.getMessage()).startsWith("drawing fuzz-" + k + ".png ").doesNotContain("\n");
            }
        }
        // truncations alone are a third of the cases and must all be refused
        assertThat(refused).isGreaterThanOrEqualTo(100);
    }

    /** Returns the PNG with its IHDR width and height replaced (and its CRC fixed). */
    static byte[] withSize(byte[] png, int width, int height) {
        byte[] b = png.clone();
        ByteBuffer buf = ByteBuffer.wrap(b);
        // signature (8) + length (4) + "IHDR" (4): width at 16, height at 20, CRC at 29
        buf.putInt(16, width);
        buf.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        buf.putInt(29, (int) crc.getValue());
        return b;
    }

    @Test
    void read_headerClaimsHugeImage_refusedBeforeDecoding() throws IOException {
        byte[] huge = withSize(png(), 50_000, 40_000);
        assertThatThrownBy(() -> DrawingReader.read(new ByteArrayInputStream(huge), "huge.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing huge.png is 50000 x 40000 = 2000000000 pixels; at most 16777216 (4096 x 4096)"
                        + " are allowed");
    }

    @Test
    void read_oneByOnePixel_tooSmallToSample() throws IOException {
        byte[] tiny = withSize(png(), 1, 1);
        assertThatThrownBy(() -> DrawingReader.read(new ByteArrayInputStream(tiny), "tiny.png"))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing tiny.png is 1 x 1 pixels; each side must be at least 2");
    }
}
