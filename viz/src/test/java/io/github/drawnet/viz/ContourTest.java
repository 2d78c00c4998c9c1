package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Line2D;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 0.5 level line by marching squares, on maps whose level line is known: a linear map's is a
 * straight line, and within each cell the crossing is interpolated along the cell's edges.
 */
final class ContourTest {

    /** Returns the {@code n × n} grid map of {@code a x1 + b x2 + c}, point {@code row * n + col}. */
    static float[] linear(int n, double a, double b, double c) {
        float[] v = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                v[row * n + col] = (float) (a * col / (n - 1) + b * row / (n - 1) + c);
            }
        }
        return v;
    }

    static double totalLength(List<Line2D> segments) {
        return segments.stream().mapToDouble(s -> s.getP1().distance(s.getP2())).sum();
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 5, 8})
    void segments_linearMap_liesOnItsLevelLineAcrossTheWholeSquare(int n) {
        // 0.3 x1 + 0.7 x2 = 0.5: from (0, 5/7) to (1, 2/7)
        List<Line2D> s = Contour.segments(linear(n, 0.3, 0.7, 0), n, 0.5);
        assertThat(s).isNotEmpty();
        for (Line2D seg : s) {
            for (java.awt.geom.Point2D p : List.of(seg.getP1(), seg.getP2())) {
                assertThat(0.3 * p.getX() + 0.7 * p.getY()).as("%s on the line", p).isCloseTo(0.5, within(1e-6));
                assertThat(p.getX()).isBetween(0.0, 1.0);
                assertThat(p.getY()).isBetween(0.0, 1.0);
            }
        }
        // the pieces join into the whole chord, each piece once
        assertThat(totalLength(s)).isCloseTo(Math.hypot(1, 3 / 7.0), within(1e-5));
        double leftmost = s.stream().mapToDouble(seg -> Math.min(seg.getX1(), seg.getX2())).min().orElseThrow();
        double rightmost = s.stream().mapToDouble(seg -> Math.max(seg.getX1(), seg.getX2())).max().orElseThrow();
        assertThat(leftmost).isCloseTo(0, within(1e-9));
        assertThat(rightmost).isCloseTo(1, within(1e-9));
    }

    @Test
    void segments_horizontalBoundary_oneSegmentPerColumnOfCells() {
        // x2 + 0.125 on a 5 x 5 grid (rows at x2 = 0, 0.25, ...) is 0.5 at x2 = 0.375, half way up the cells of row 1
        int n = 5;
        List<Line2D> s = Contour.segments(linear(n, 0, 1, 0.125), n, 0.5);
        assertThat(s).hasSize(n - 1);
        s = s.stream().sorted(Comparator.comparingDouble(seg -> Math.min(seg.getX1(), seg.getX2()))).toList();
        for (int col = 0; col < n - 1; col++) {
            Line2D seg = s.get(col);
            assertThat(seg.getY1()).isCloseTo(0.375, within(1e-6));
            assertThat(seg.getY2()).isCloseTo(0.375, within(1e-6));
            assertThat(Math.min(seg.getX1(), seg.getX2())).isCloseTo(col * 0.25, within(1e-9));
            assertThat(Math.max(seg.getX1(), seg.getX2())).isCloseTo((col + 1) * 0.25, within(1e-9));
        }
    }

    @Test
    void segments_verticalBoundary_crossesEachRowOfCellsAtX1() {
        // 0.8 x1 + 0.1 = 0.5 at x1 = 0.5; a 4 x 4 grid has columns at 0, 1/3, 2/3, 1
        int n = 4;
        List<Line2D> s = Contour.segments(linear(n, 0.8, 0, 0.1), n, 0.5);
        assertThat(s).hasSize(n - 1);
        s = s.stream().sorted(Comparator.comparingDouble(seg -> Math.min(seg.getY1(), seg.getY2()))).toList();
        for (int row = 0; row < n - 1; row++) {
            Line2D seg = s.get(row);
            assertThat(seg.getX1()).isCloseTo(0.5, within(1e-6));
            assertThat(seg.getX2()).isCloseTo(0.5, within(1e-6));
            assertThat(Math.min(seg.getY1(), seg.getY2())).isCloseTo(row / 3.0, within(1e-9));
            assertThat(Math.max(seg.getY1(), seg.getY2())).isCloseTo((row + 1) / 3.0, within(1e-9));
        }
    }

    @Test
    void segments_crossingInsideAnEdge_interpolatedLinearly() {
        // one cell: bottom-left 0.2, bottom-right 0.8 (crossing at x1 = 0.5), top-right 0.6, top-left 0.0
        // the top edge runs from 0.6 (right) to 0.0 (left): 0.5 at x1 = 5/6
        float[] v = {0.2f, 0.8f, 0.0f, 0.6f};
        List<Line2D> s = Contour.segments(v, 2, 0.5);
        assertThat(s).hasSize(1);
        Line2D seg = s.get(0);
        double[][] ends = {{seg.getX1(), seg.getY1()}, {seg.getX2(), seg.getY2()}};
        java.util.Arrays.sort(ends, Comparator.comparingDouble(e -> e[1]));
        assertThat(ends[0][0]).isCloseTo(0.5, within(1e-6));
        assertThat(ends[0][1]).isCloseTo(0.0, within(1e-9));
        assertThat(ends[1][0]).isCloseTo(5 / 6.0, within(1e-6));
        assertThat(ends[1][1]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void segments_mapAwayFromLevel_noSegment() {
        assertThat(Contour.segments(linear(6, 0.1, 0.1, 0), 6, 0.5)).isEmpty();
        assertThat(Contour.segments(linear(6, 0.1, 0.1, 0.6), 6, 0.5)).isEmpty();
    }

    @Test
    void segments_valuesExactlyAtLevel_countAsAbove_boundaryRunsThroughThem() {
        // the bottom row is exactly 0.5, the top row 0: p = 0.5 is positive, so the boundary runs along the bottom
        float[] v = {0.5f, 0.5f, 0.5f, 0f, 0f, 0f, 0f, 0f, 0f};
        List<Line2D> s = Contour.segments(v, 3, 0.5);
        assertThat(s).hasSize(2);
        for (Line2D seg : s) {
            assertThat(seg.getY1()).isZero();
            assertThat(seg.getY2()).isZero();
        }
        assertThat(totalLength(s)).isCloseTo(1, within(1e-12));
    }

    @Test
    void segments_saddleWithCentreAbove_joinsTheHighCorners_cuttingOffTheLowOnes() {
        // high at bottom-left and top-right; centre (1+0+1+0)/4 = 0.5 counts as above: the high corners connect
        float[] v = {1f, 0f, 0f, 1f};
        List<Line2D> s = Contour.segments(v, 2, 0.5);
        assertThat(s).hasSize(2);
        // each segment cuts off one low corner: bottom-right (1, 0) and top-left (0, 1)
        assertThat(s).anySatisfy(seg -> assertCutsOff(seg, 1, 0)).anySatisfy(seg -> assertCutsOff(seg, 0, 1));
    }

    @Test
    void segments_saddleWithCentreClearlyAbove_joinsTheHighCorners() {
        // the centre (0.9+0.2+0.9+0.2)/4 = 0.55 is above: the low corners are cut off
        float[] v = {0.9f, 0.2f, 0.2f, 0.9f};
        List<Line2D> s = Contour.segments(v, 2, 0.5);
        assertThat(s).hasSize(2);
        assertThat(s).anySatisfy(seg -> assertCutsOff(seg, 1, 0)).anySatisfy(seg -> assertCutsOff(seg, 0, 1));
    }

    @Test
    void segments_saddleWithCentreBelow_joinsTheLowCorners_cuttingOffTheHighOnes() {
        // high at bottom-left and top-right, but only just: the centre (0.6+0.1+0.6+0.1)/4 = 0.35 is below
        float[] v = {0.6f, 0.1f, 0.1f, 0.6f};
        List<Line2D> s = Contour.segments(v, 2, 0.5);
        assertThat(s).hasSize(2);
        assertThat(s).anySatisfy(seg -> assertCutsOff(seg, 0, 0)).anySatisfy(seg -> assertCutsOff(seg, 1, 1));
    }

    /** Asserts the segment joins the two edges that meet at corner {@code (cx, cy)} of the unit cell. */
    static void assertCutsOff(Line2D seg, double cx, double cy) {
        boolean firstOnX = seg.getX1() == cx;
        boolean firstOnY = seg.getY1() == cy;
        boolean secondOnX = seg.getX2() == cx;
        boolean secondOnY = seg.getY2() == cy;
        assertThat((firstOnX && secondOnY) || (firstOnY && secondOnX)).as("%s cuts off corner (%s, %s)",
                java.util.List.of(seg.getP1(), seg.getP2()), cx, cy).isTrue();
    }
}
