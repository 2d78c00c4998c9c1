package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class DrawingTest {

    /** A 4 × 3 drawing whose pixel (col, row) has coverage (row * 4 + col) / 11: every pixel different. */
    static Drawing ramp() {
        float[] c = new float[12];
        for (int i = 0; i < 12; i++) {
            c[i] = i / 11f;
        }
        return Drawing.of("ramp", 4, 3, c);
    }

    static Stream<Arguments> badDrawings() {
        return Stream.of(
                Arguments.of((Runnable) () -> Drawing.of("thin.png", 1, 3, new float[3]),
                        "drawing thin.png is 1 x 3 pixels; each side must be at least 2"),
                Arguments.of((Runnable) () -> Drawing.of("flat.png", 3, 1, new float[3]),
                        "drawing flat.png is 3 x 1 pixels; each side must be at least 2"),
                Arguments.of((Runnable) () -> Drawing.of("short.png", 2, 3, new float[5]),
                        "a 2 x 3 drawing needs 6 coverage values, got 5"),
                Arguments.of((Runnable) () -> Drawing.of("over.png", 2, 2, new float[] {0, 0, 1.5f, 0}),
                        "coverage[2] must be in [0, 1], got 1.5"),
                Arguments.of((Runnable) () -> Drawing.of("nan.png", 2, 2, new float[] {0, 0, 0, Float.NaN}),
                        "coverage[3] must be in [0, 1], got NaN"),
                Arguments.of((Runnable) () -> Drawing.of("under.png", 2, 2, new float[] {-0.5f, 0, 0, 0}),
                        "coverage[0] must be in [0, 1], got -0.5"),
                Arguments.of((Runnable) () -> Drawing.checkSize("big.png", 4096, 4097),
                        "drawing big.png is 4096 x 4097 = 16781312 pixels; at most 16777216 (4096 x 4096) are allowed"),
                Arguments.of((Runnable) () -> Drawing.checkSize("wide.png", 100_000, 200),
                        "drawing wide.png is 100000 x 200 = 20000000 pixels; at most 16777216 (4096 x 4096) are allowed"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDrawings")
    void of_badSizeOrCoverage_refusedNamingTheValues(Runnable make, String message) {
        assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"2, 2", "4096, 4096", "2, 8388608", "8388608, 2"})
    void checkSize_atTheLimits_accepted(long width, long height) {
        assertThatCode(() -> Drawing.checkSize("edge.png", width, height)).doesNotThrowAnyException();
    }

    @Test
    void coverage_rowMajorFromTheTopRow_copiedOut() {
        Drawing d = ramp();
        assertThat(d.name()).isEqualTo("ramp");
        assertThat(d.width()).isEqualTo(4);
        assertThat(d.height()).isEqualTo(3);
        assertThat(d.coverage(0, 0)).isEqualTo(0f);
        assertThat(d.coverage(3, 0)).isEqualTo(3 / 11f);
        assertThat(d.coverage(1, 2)).isEqualTo(9 / 11f);
        d.coverage()[0] = 1f;
        assertThat(d.coverage()).hasSize(12).startsWith(0f, 1 / 11f);
    }

    @Test
    void of_copiesTheCoverage() {
        float[] c = {0, 1, 0, 1};
        Drawing d = Drawing.of("c", 2, 2, c);
        c[0] = 1;
        assertThat(d.coverage(0, 0)).isZero();
    }

    @Test
    void x1OfColumn_x2OfRow_unitSquareWithRowZeroOnTop() {
        Drawing d = ramp();
        assertThat(d.x1OfColumn(0)).isEqualTo(0.0);
        assertThat(d.x1OfColumn(1)).isEqualTo(1 / 3.0);
        assertThat(d.x1OfColumn(3)).isEqualTo(1.0);
        assertThat(d.x2OfRow(0)).isEqualTo(1.0);
        assertThat(d.x2OfRow(1)).isEqualTo(0.5);
        assertThat(d.x2OfRow(2)).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "({0}, {1}) is pixel ({2}, {3})")
    @CsvSource({
        "0, 1, 0, 0", // top-left
        "1, 0, 3, 2", // bottom-right
        "0.3333333333333333, 0.5, 1, 1",
        "0.9, 0.8, 3, 0", // nearest: col round(2.7), row 2 - round(1.6)
        "0.4, 0.2, 1, 2",
        "-0.5, 1.5, 0, 0", // outside the square: clamped to the nearest edge
        "1.5, -0.5, 3, 2"})
    void coverageAt_point_nearestPixel(double x1, double x2, int col, int row) {
        Drawing d = ramp();
        assertThat(d.coverageAt(x1, x2)).isEqualTo(d.coverage(col, row)).isEqualTo((row * 4 + col) / 11f);
    }

    @Test
    void positiveShare_coverageAtLeastHalf() {
        Drawing d = Drawing.of("d", 3, 2, new float[] {0, 0.5f, 0.49f, 1, 0, 0});
        assertThat(d.positiveShare()).isEqualTo(2 / 6.0);
    }

    @Test
    void sha256_sizeAndQuantisedCoverage_independentOfName() {
        // SHA-256 of the bytes "2x2;" 00 ff 80 00, as `printf '2x2;\x00\xff\x80\x00' | sha256sum` gives it
        String expected = "64ca3d2ed5faa9a0137850e3f62edccefb513760f034349bb6e3ff7205384103";
        assertThat(Drawing.of("a.png", 2, 2, new float[] {0, 1, 0.5f, 0}).sha256()).isEqualTo(expected);
        assertThat(Drawing.of("b.png", 2, 2, new float[] {0, 1, 0.501f, 0}).sha256())
                .as("same bytes after round(255 c)").isEqualTo(expected);
        assertThat(Drawing.of("a.png", 2, 2, new float[] {0, 1, 0.51f, 0}).sha256()).isNotEqualTo(expected);
        float[] c = {0, 1, 0, 1, 0, 0, 1, 1};
        assertThat(Drawing.of("a", 2, 4, c).sha256()).as("the size is part of the identity")
                .isNotEqualTo(Drawing.of("a", 4, 2, c).sha256());
    }

    @Test
    void equals_sameSizeAndCoverage_whateverTheName() {
        float[] c = {0, 1, 0, 1, 0, 0, 1, 1};
        Drawing a = Drawing.of("a.png", 2, 4, c);
        assertThat(a).isEqualTo(Drawing.of("b.png", 2, 4, c)).hasSameHashCodeAs(Drawing.of("b.png", 2, 4, c));
        assertThat(a).isNotEqualTo(Drawing.of("a.png", 4, 2, c));
        assertThat(a).isNotEqualTo(Drawing.of("a.png", 2, 4, new float[] {0, 1, 0, 1, 0, 0, 1, 0.5f}));
        assertThat(a).isNotEqualTo("a.png");
    }

    @Test
    void toString_nameSizeAndPositiveShare() {
        assertThat(Drawing.of("x.png", 2, 2, new float[] {0, 1, 0.5f, 0})).hasToString("Drawing[x.png, 2 x 2, 50.0% positive]");
    }
}
