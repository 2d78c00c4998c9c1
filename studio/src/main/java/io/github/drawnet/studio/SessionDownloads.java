package io.github.drawnet.studio;

import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.io.Exports;
import io.github.drawnet.io.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a finished run offers for download: the drawing as sent, the report, the saved model
 * and the points. Files that are written to disk first (the report with its figures, the points) go
 * to a private temporary folder, removed when the session ends.
 *
 * <p>Not thread-safe: the session calls it under its lock.
 */
final class SessionDownloads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDownloads.class);

    private final String sessionId;
    private final Visualizer visualizer;
    private Path files;

    SessionDownloads(String sessionId, Visualizer visualizer) {
        this.sessionId = sessionId;
        this.visualizer = visualizer;
    }

    /**
     * Returns the bytes of download {@code file} of {@code result}, whose drawing was sent as {@code
     * drawingPng}.
     *
     * @throws StudioException 404 naming the downloads there are
     */
    byte[] get(String file, ExperimentResult result, byte[] drawingPng) throws IOException {
        return switch (file) {
            case "drawing.png" -> drawingPng;
            case "report.html" -> Files.readAllBytes(visualizer.report(result, files()).report());
            case "model.json" -> SavedModel.of(result).toBytes();
            case "points.csv" -> {
                Path p = files().resolve("points.csv");
                Exports.writePoints(result.data(), p);
                yield Files.readAllBytes(p);
            }
            default -> throw new StudioException(404, "no such download: " + file + "; there are "
                    + String.join(", ", SessionEvents.DOWNLOADS));
        };
    }

    private Path files() throws IOException {
        if (files == null) {
            files = Files.createTempDirectory("drawnet-studio-" + sessionId.substring(0, 8) + "-");
        }
        return files;
    }

    /** Removes the temporary folder, if one was made. */
    @Override
    public void close() {
        if (files != null) {
            try (var walk = Files.walk(files)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.debug("could not remove {}", files, e);
            }
            files = null;
        }
    }
}
