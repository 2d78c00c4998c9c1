package io.github.drawnet.viz;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
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

    /**
     * Writes the figures of {@code result} in the formats {@code files} names, and {@code report.html}
     * when it asks for it, into {@code directory}. The default writes everything through {@link
     * #report(ExperimentResult, Path)} and refuses any other choice.
     *
     * @throws IOException when a file cannot be written; no half-written file is left in place
     * @throws UnsupportedOperationException when this implementation cannot leave files out
     */
    default Report report(ExperimentResult result, Path directory, ReportFiles files) throws IOException {
        if (!files.equals(ReportFiles.all())) {
            throw new UnsupportedOperationException(getClass().getName() + " writes every figure as PNG and SVG and the"
                    + " report; it cannot write only " + files);
        }
        return report(result, directory);
    }

    /**
     * Returns the names of the files {@link #report(ExperimentResult, Path, ReportFiles)} writes for
     * {@code files}; empty when the implementation cannot say in advance.
     */
    default List<String> reportFileNames(ReportFiles files) {
        return files.equals(ReportFiles.all()) ? reportFileNames() : List.of();
    }

    /**
     * Returns the names of the files {@link #report(ExperimentResult, Path, ReportFiles)} writes for
     * {@code files} and a result of {@code classes} classes (more than two may have other figures);
     * the default, those of {@link #reportFileNames(ReportFiles)}.
     */
    default List<String> reportFileNames(ReportFiles files, int classes) {
        return reportFileNames(files);
    }

    /**
     * Draws and encodes a few small throwaway figures on the calling thread, so that the figures
     * drawn next start with their code loaded and compiled (a cold JVM draws a run's figures about
     * twice as slowly as a warm one). A command calls it on an otherwise idle thread while a network
     * trains, and interrupts that thread when the real figures begin: the warm-up then stops at its
     * next step. Writes nothing and never throws. The default does nothing.
     */
    default void warmUp() {
    }

    /** Returns the learned decision boundary with the test points and the mistakes marked, as a PNG. */
    byte[] decisionBoundaryPng(ExperimentResult result);

    /**
     * Returns a map of one unit over a {@code side × side} grid of the plane (row 0 at the bottom, as
     * {@link Dataset#grid} orders it), coloured over the range its activation can take, as a PNG of
     * {@code side × side} pixels. {@link NotebookVisualizer} colours it in the one scheme of every
     * figure ({@link Palette#map}): orange below the activation's neutral value, white at it (a
     * sigmoid's 0.5, 0 for the others), blue above it.
     */
    MapImage mapPng(float[] values, int side, Activation activation);

    /** Returns the network's diagram with {@code parameters} on its edges, as a PNG. */
    byte[] networkPng(NetworkSpec spec, Parameters parameters);

    /**
     * Returns the network's diagram with {@code parameters} on its edges, as a PNG; for a network of
     * more than two classes, each output unit shown in its class's colour and named by it. The
     * default ignores the classes.
     *
     * @param classes the drawing's classes, the background first ({@link Drawing#classes()}); empty
     *     for numbered classes
     */
    default byte[] networkPng(NetworkSpec spec, Parameters parameters, List<DrawingClass> classes) {
        return networkPng(spec, parameters);
    }

    /**
     * Returns the class map of a {@code side × side} grid pass of more than two classes (row 0 at the
     * bottom of the plane, as {@link Dataset#grid} orders it; each point's row of class probabilities,
     * as {@link ForwardPass#output()} holds them), as a PNG of {@code side × side} pixels: each pixel in
     * its most likely class's colour, paler the less likely.
     *
     * @param classes the drawing's classes, the background first; empty for numbered classes
     * @throws IllegalArgumentException when the probabilities are not {@code side × side} rows of the
     *     classes' count
     * @throws UnsupportedOperationException when this implementation draws no class maps (the default)
     */
    default byte[] classMapPng(float[] probabilities, int side, List<DrawingClass> classes) {
        throw new UnsupportedOperationException(getClass().getName() + " draws no class maps");
    }

    /**
     * What {@link #report} wrote.
     *
     * @param figures the figures' files, in the notebook's order: each figure's PNG, or its SVG when
     *     only SVG was asked for (each has the other format beside it when both were); empty when no
     *     figure file was asked for
     * @param report the report's file, or null when it was not asked for ({@link ReportFiles#html()})
     */
    record Report(List<Path> figures, Path report) {

        /** Copies. */
        public Report {
            figures = List.copyOf(figures);
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
