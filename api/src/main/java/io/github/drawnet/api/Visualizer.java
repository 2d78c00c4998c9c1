package io.github.drawnet.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Turns experiments into pictures: every figure of the notebook and the report as files, and the
 * small live figures a page redraws while a network trains. The command line's report and the
 * studio's figures both go through this interface, so another implementation (other colours, other
 * formats) changes them all.
 *
 * <p>Implementations are thread-safe.
 */
public interface Visualizer {

    /**
     * Writes the figures of {@code result} into {@code directory} (created if needed) and returns
     * the files written, in the notebook's order.
     *
     * @throws IOException when a file cannot be written; no half-written file is left in place
     */
    List<Path> render(ExperimentResult result, Path directory) throws IOException;

    /**
     * Writes every figure of {@code result} and a self-contained {@code report.html} into {@code
     * directory}.
     *
     * @throws IOException when a file cannot be written; no half-written file is left in place
     */
    Report report(ExperimentResult result, Path directory) throws IOException;

    /**
     * Returns the names of the files {@link #report} writes (figures, their vector forms, the report
     * itself), so that a caller can check before any work that none would replace a file it must
     * keep. Empty when the implementation cannot say in advance.
     */
    default List<String> reportFileNames() {
        return List.of();
    }

    /** Returns the learned decision boundary with the test points and the mistakes marked, as a PNG. */
    byte[] decisionBoundaryPng(ExperimentResult result);

    /**
     * Returns a map of one unit over a {@code side × side} grid of the plane (row 0 at the bottom, as
     * {@link Dataset#grid} orders it), coloured over the range its activation can take, as a PNG of
     * {@code side × side} pixels.
     */
    MapImage mapPng(float[] values, int side, Activation activation);

    /** Returns the network's diagram with {@code parameters} on its edges, as a PNG. */
    byte[] networkPng(NetworkSpec spec, Parameters parameters);

    /**
     * What {@link #report} wrote.
     *
     * @param figures the figures' PNG files, in the notebook's order (each has an SVG beside it)
     * @param report the report's file
     */
    record Report(List<Path> figures, Path report) {

        /** Validates and copies. */
        public Report {
            figures = List.copyOf(figures);
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * A map as a picture, with the range of values its colours span.
     *
     * @param png the PNG's bytes
     * @param lo the value of the scale's first colour
     * @param hi the value of the scale's last colour
     */
    record MapImage(byte[] png, double lo, double hi) {

        /** Validates. */
        public MapImage {
            Objects.requireNonNull(png, "png");
        }
    }
}
