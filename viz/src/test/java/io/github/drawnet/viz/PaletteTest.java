package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The colour scale at known values, and the strokes that carry a weight's sign and size. */
final class PaletteTest {

    @ParameterizedTest(name = "{0} -> #{1}")
    @CsvSource({
        // the ends and the middle of ColorBrewer's Blues
        "0.0, f7fbff",
        "0.5, 6baed6",
        "1.0, 08306b",
        // an eighth is the second colour; half way to it is half way between the first two
        "0.125, deebf7",
        "0.0625, ebf3fb",
        // three eighths and a bit: 0.4 of the way from 9ecae1 to 6baed6
        "0.425, 8abfdd",
        // outside [0, 1] the scale is clamped
        "-3.0, f7fbff",
        "7.0, 08306b"
    })
    void sequential_knownValues_colourOfTheScale(double t, String hex) {
        assertThat(Palette.sequential(t)).isEqualTo(new Color(Integer.parseInt(hex, 16)));
    }

    @ParameterizedTest(name = "{0} -> #{1}")
    @CsvSource({
        // the studio's orange, white, the studio's blue
        "0.0, f59322",
        "0.5, ffffff",
        "1.0, 0877bd",
        // half way from the middle to each end: half way from white to the end's colour
        "0.25, fac991",
        "0.75, 84bbde",
        "0.1, f7a94e",
        "0.9, 3992ca",
        // clamped
        "-1.0, f59322",
        "2.0, 0877bd"
    })
    void diverging_knownValues_orangeWhiteBlue(double t, String hex) {
        assertThat(Palette.diverging(t)).isEqualTo(new Color(Integer.parseInt(hex, 16)));
    }

    @ParameterizedTest(name = "{0} in [{1}, {3}], neutral {2} -> #{4}")
    @CsvSource({
        // a weight against the largest of its layer: -max the negative end, 0 neutral, +max the positive end
        "-2.5, -2.5, 0, 2.5, f59322",
        "0.0, -2.5, 0, 2.5, ffffff",
        "2.5, -2.5, 0, 2.5, 0877bd",
        "1.25, -2.5, 0, 2.5, 84bbde",
        // a probability: white where undecided
        "0.5, 0, 0.5, 1, ffffff",
        "0.0, 0, 0.5, 1, f59322",
        "1.0, 0, 0.5, 1, 0877bd",
        // a rectifier's map: its floor is neutral, so nothing is orange
        "0.0, 0, 0, 4, ffffff",
        "2.0, 0, 0, 4, 84bbde",
        // a linear unit over [-3, 1]: the same depth for the same distance from 0 on either side
        "-1.0, -3, 0, 1, fcdbb5",
        "1.0, -3, 0, 1, add2e9"
    })
    void map_valueOfRangeAroundNeutral_knownColour(double v, double lo, double neutral, double hi, String hex) {
        assertThat(Palette.map(v, lo, neutral, hi)).isEqualTo(new Color(Integer.parseInt(hex, 16)));
    }

    @Test
    void map_nanGrey_emptyRangeBySign() {
        assertThat(Palette.map(Double.NaN, 0, 0.5, 1)).isEqualTo(Color.GRAY);
        assertThat(Palette.diverging(Double.NaN)).isEqualTo(Color.GRAY);
        // a layer whose weights are all 0: nothing to scale by, the sign alone
        assertThat(Palette.map(0, 0, 0, 0)).isEqualTo(Palette.NEUTRAL);
        assertThat(Palette.map(1e-9, 0, 0, 0)).isEqualTo(Palette.WEIGHT_POSITIVE);
        assertThat(Palette.map(-1e-9, 0, 0, 0)).isEqualTo(Palette.WEIGHT_NEGATIVE);
    }

    @Test
    void sequential_nan_grey() {
        assertThat(Palette.sequential(Double.NaN)).isEqualTo(Color.GRAY);
    }

    @Test
    void luminance_blackAndWhite_zeroAndOne() {
        assertThat(Palette.luminance(Color.BLACK)).isZero();
        assertThat(Palette.luminance(Color.WHITE)).isCloseTo(1, within(1e-12));
        assertThat(Palette.luminance(new Color(0, 255, 0))).isCloseTo(0.587, within(1e-12));
    }

    @ParameterizedTest(name = "w = {0} of {1}: width {2}")
    @CsvSource({
        "2.0, 2.0, 6.0",
        "-2.0, 2.0, 6.0",
        "1.0, 2.0, 3.3",
        "-0.5, 2.0, 1.95",
        "0.0, 2.0, 0.6",
        "0.0, 0.0, 0.6"
    })
    void weightStroke_weightOfLayerMax_widthGrowsWithItsShare(double w, double max, float width) {
        assertThat(((BasicStroke) Palette.weightStroke(w, max)).getLineWidth()).isCloseTo(width, within(1e-5f));
    }

    @Test
    void weightStroke_zeroWeight_solidAsPositive() {
        assertThat(((BasicStroke) Palette.weightStroke(0, 1)).getDashArray()).isNull();
        assertThat(((BasicStroke) Palette.weightStroke(-1e-9, 1)).getDashArray()).isNotNull();
    }

    @Test
    void weightStroke_negative_dashesScaleWithThickness_neverShorterThan4On3Off() {
        // a thick edge gets long dashes so it still reads as dashed; a thin one keeps a visible minimum
        assertThat(((BasicStroke) Palette.weightStroke(-2, 2)).getDashArray()).containsExactly(15f, 9f);
        assertThat(((BasicStroke) Palette.weightStroke(-0.1, 2)).getDashArray()).containsExactly(4f, 3f);
    }
}
