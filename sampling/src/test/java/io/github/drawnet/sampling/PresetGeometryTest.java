package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Drawing;
import java.awt.image.BufferedImage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each preset's shape, checked at pixels worked out from its geometry (image coordinates: column
 * left to right, row top to bottom, on the 256 × 256 canvas), well away from any edge.
 */
final class PresetGeometryTest {

    static int[][] pixels(int... colRow) {
        int[][] out = new int[colRow.length / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[] {colRow[2 * i], colRow[2 * i + 1]};
        }
        return out;
    }

    static Stream<Arguments> geometry() {
        return Stream.of(
                // ellipse (40, 60, 110 x 130), and the circle of radius 50 around (170, 80)
                Arguments.of(Preset.BLOB,
                        pixels(60, 150, // first ellipse only
                                200, 60), // second ellipse only
                        pixels(20, 230, 240, 200)),
                // annulus around (128, 128), radii 40 and 80
                Arguments.of(Preset.RING, pixels(128, 68, 188, 128, 80, 180),
                        pixels(128, 128, // the hole
                                128, 30, 10, 10)),
                // top-left and bottom-right quadrants
                Arguments.of(Preset.XOR, pixels(64, 64, 192, 192), pixels(192, 64, 64, 192)),
                // above the line from (0, 170) to (256, 90)
                Arguments.of(Preset.HALF_PLANE, pixels(250, 10, 250, 60, 10, 160, 128, 100),
                        pixels(10, 250, 250, 120, 128, 160)),
                // an arm of half-width 10 along r = 8 + 105 t / 4pi around (128, 128), counter-clockwise
                Arguments.of(Preset.SPIRAL,
                        pixels(128, 107, // t = pi/2, r = 21.1, straight up
                                93, 128, // t = pi, r = 34.3, to the left
                                188, 128, // t = 2 pi, r = 60.5, to the right
                                241, 128), // t = 4 pi, r = 113: the outer end
                        pixels(162, 128, // between the turns at r = 8 and r = 60.5
                                67, 128, // between the turns at r = 34.3 and r = 86.8
                                5, 5)),
                // upper half of the annulus around (105, 125), radii 45 and 75
                Arguments.of(Preset.MOONS, pixels(105, 65, 45, 110),
                        pixels(105, 110, // inside the inner circle
                                105, 185, // the lower half, cut away
                                200, 60)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometry")
    void drawing_pixelsKnownInsideAndOutside_coverageOneAndZero(Preset preset, int[][] inside, int[][] outside) {
        Drawing d = preset.drawing();
        BufferedImage image = preset.image();
        for (int[] p : inside) {
            assertThat(d.coverage(p[0], p[1])).as("coverage at (%d, %d)", p[0], p[1]).isEqualTo(1f);
            // opaque black ink
            assertThat(image.getRGB(p[0], p[1])).as("colour at (%d, %d)", p[0], p[1]).isEqualTo(0xFF000000);
        }
        for (int[] p : outside) {
            assertThat(d.coverage(p[0], p[1])).as("coverage at (%d, %d)", p[0], p[1]).isZero();
            // a transparent background
            assertThat(image.getRGB(p[0], p[1]) >>> 24).as("alpha at (%d, %d)", p[0], p[1]).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Preset.class, names = "XOR", mode = EnumSource.Mode.EXCLUDE)
    void drawing_curvedOrSlantedEdges_antiAliased(Preset preset) {
        long partial = 0;
        BufferedImage image = preset.image();
        for (int row = 0; row < image.getHeight(); row++) {
            for (int col = 0; col < image.getWidth(); col++) {
                int alpha = image.getRGB(col, row) >>> 24;
                partial += alpha > 0 && alpha < 255 ? 1 : 0;
            }
        }
        assertThat(partial).as("edge pixels partly covered").isGreaterThan(100);
        if (preset.drawing().classCount() == 2) {
            // the drawing keeps that coverage
            long covered = 0;
            for (float c : preset.drawing().coverage()) {
                covered += c > 0 && c < 1 ? 1 : 0;
            }
            assertThat(covered).isEqualTo(partial);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "BLOB, blob, two overlapping ellipses",
        "RING, ring, an annulus centred on the canvas",
        "XOR, xor, two opposite quadrants",
        "HALF_PLANE, halfplane, one straight boundary",
        "SPIRAL, spiral, a thick spiral arm",
        "MOONS, moons, a crescent (one of two moons)",
        "THREE_BLOBS, three-blobs, three coloured blobs (4 classes)",
        "QUADRANTS, quadrants, a disc in four coloured quarters (5 classes)"})
    void idAndDescription_toStringIsTheId(Preset preset, String id, String description) {
        assertThat(preset.id()).isEqualTo(id);
        assertThat(preset).hasToString(id);
        assertThat(preset.description()).isEqualTo(description);
        assertThat(Preset.fromId(id)).isEqualTo(preset);
    }
}
