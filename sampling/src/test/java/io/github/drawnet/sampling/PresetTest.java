package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Drawing;
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
                .hasMessage("unknown preset 'circle'; valid: blob, ring, xor, halfplane, spiral, moons");
    }
}
