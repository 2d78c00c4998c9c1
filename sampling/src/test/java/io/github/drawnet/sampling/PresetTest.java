package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class PresetTest {

    @ParameterizedTest
    @EnumSource(Preset.class)
    void drawing_everyPreset_is256SquareWithBothClasses(Preset preset) {
        Drawing d = preset.drawing();
        assertThat(d.width()).isEqualTo(256);
        assertThat(d.height()).isEqualTo(256);
        assertThat(d.positiveShare()).isBetween(0.05, 0.95);
        assertThat(d.name()).isEqualTo(preset.id());
    }

    @Test
    void threeBlobs_fourClassesInTheirColours_byArea() {
        Drawing d = Preset.THREE_BLOBS.drawing();
        assertThat(d.classes()).extracting(DrawingClass::name)
                .containsExactly("background", "#d55e00", "#0072b2", "#009e73");
        long[] pixels = d.classPixels();
        assertThat(pixels[1]).isGreaterThan(pixels[2]);
        assertThat(pixels[2]).isGreaterThan(pixels[3]);
        assertThat(d.classOf(60, 80)).isEqualTo(1); // the first ellipse, left of the second
        assertThat(d.classOf(200, 100)).isEqualTo(2);
        assertThat(d.classOf(120, 190)).isEqualTo(3);
        assertThat(d.classOf(250, 250)).isZero();
        assertThat(Preset.THREE_BLOBS.image().getRGB(60, 80)).isEqualTo(0xFFd55e00);
    }

    @Test
    void quadrants_fiveClasses_eachQuarterOfTheDiscOneColour() {
        Drawing d = Preset.QUADRANTS.drawing();
        assertThat(d.classCount()).isEqualTo(5);
        // quarters: top-left 0xe69f00, top-right 0x56b4e9, bottom-right 0x009e73, bottom-left 0xcc79a7
        int[][] inside = {{80, 70, 0xe69f00}, {190, 70, 0x56b4e9}, {190, 170, 0x009e73}, {80, 170, 0xcc79a7}};
        for (int[] p : inside) {
            assertThat(d.classes().get(d.classOf(p[0], p[1])).rgb()).as("(%d, %d)", p[0], p[1]).isEqualTo(p[2]);
        }
        assertThat(d.classOf(5, 5)).isZero();
        assertThat(d.classOf(128, 128)).isNotZero();
        long[] pixels = d.classPixels();
        for (int k = 2; k < 5; k++) {
            assertThat(pixels[k - 1]).isGreaterThan(pixels[k]);
        }
    }

    @Test
    void ring_centreAndCornersNegative_bandPositive() {
        Drawing ring = Preset.RING.drawing();
        assertThat(ring.coverageAt(0.5, 0.5)).isZero();
        assertThat(ring.coverageAt(0.0, 0.0)).isZero();
        assertThat(ring.coverageAt(0.5, 0.5 + 60 / 255.0)).isEqualTo(1f);
    }

    @Test
    void halfPlane_topLeftPositive_bottomRightNegative() {
        Drawing h = Preset.HALF_PLANE.drawing();
        assertThat(h.coverageAt(0.05, 0.95)).isEqualTo(1f);
        assertThat(h.coverageAt(0.95, 0.05)).isZero();
    }

    @Test
    void xor_oppositeQuadrants() {
        Drawing x = Preset.XOR.drawing();
        assertThat(x.coverageAt(0.25, 0.75)).isEqualTo(1f); // top-left
        assertThat(x.coverageAt(0.75, 0.25)).isEqualTo(1f); // bottom-right
        assertThat(x.coverageAt(0.75, 0.75)).isZero();
        assertThat(x.coverageAt(0.25, 0.25)).isZero();
    }

    @Test
    void fromId_acceptsHyphenatedHalfPlane_rejectsUnknownListingValid() {
        assertThat(Preset.fromId("half-plane")).isEqualTo(Preset.HALF_PLANE);
        assertThat(Preset.fromId("RING")).isEqualTo(Preset.RING);
        assertThatThrownBy(() -> Preset.fromId("circle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown preset 'circle'; valid: blob, ring, xor, halfplane, spiral, moons, three-blobs,"
                        + " quadrants");
    }
}
