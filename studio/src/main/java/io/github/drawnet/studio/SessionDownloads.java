package io.github.drawnet.studio;

import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Visualizer;
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
            case "report.html" -> Files.readAllBytes(report(result));
            case "model.json" -> {
                String why = unavailable(file, result);
                if (why != null) {
                    throw new StudioException(501, why);
                }
                yield SavedModel.of(result).toBytes();
            }
            case "points.csv" -> {
                Path p = files().resolve("points.csv");
                Exports.writePoints(result.data(), p);
                yield Files.readAllBytes(p);
            }
            default -> throw new StudioException(404, "no such download: " + file + "; there are "
                    + String.join(", ", SessionEvents.DOWNLOADS));
        };
    }

    private Path report(ExperimentResult result) throws IOException {
        if (result.spec().isBinary()) {
            return visualizer.report(result, files()).report();
        }
        try {
            return visualizer.report(result, files()).report();
        } catch (RuntimeException e) {
            LOG.warn("the report of {} classes failed", result.spec().classes(), e);
            throw new StudioException(501, "the report cannot show " + result.spec().classes() + " classes in this "
                    + "version yet (" + e.getMessage() + "); the page's figures and the other downloads can");
        }
    }

    /**
     * Returns why download {@code file} of {@code result} cannot be offered, or null when it can. A
     * model of more than two classes is offered only when the saved file reads back with its classes,
     * so that a file that would lose them is never handed out.
     */
    static String unavailable(String file, ExperimentResult result) {
        if (!file.equals("model.json") || result.spec().isBinary()) {
            return null;
        }
        int k = result.spec().classes();
        byte[] bytes;
        try {
            bytes = SavedModel.of(result).toBytes();
        } catch (RuntimeException e) {
            return null;   // not a matter of classes (a diverged run's weights): the download says why, as for two
        }
        String reason;
        try {
            SavedModel back = SavedModel.parse(bytes, "model.json");
            if (back.spec().classes() == k && back.drawing().classCount() == k) {
                return null;
            }
            reason = "it would read back as " + back.spec().classes() + " classes";
        } catch (RuntimeException e) {
            reason = e.getMessage();
        }
        return "a model of " + k + " classes cannot be saved in this version's model.json yet (" + reason + ")";
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
