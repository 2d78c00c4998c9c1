package io.github.drawnet.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a finished experiment into figures: every figure of the notebook, as files.
 */
public interface Visualizer {

    /**
     * Writes the figures of {@code result} into {@code directory} (created if needed) and returns
     * the files written, in the notebook's order.
     *
     * @throws IOException when a file cannot be written; no half-written file is left in place
     */
    List<Path> render(ExperimentResult result, Path directory) throws IOException;
}
