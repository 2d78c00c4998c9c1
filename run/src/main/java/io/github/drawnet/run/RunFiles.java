package io.github.drawnet.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run wrote, each file where it ends up once the run's folder is committed.
 *
 * @param folder the run's folder, as it was given
 * @param metrics {@code metrics.json}
 * @param exports the exports ({@code points.csv}, {@code parameters.json}, {@code history.csv})
 * @param model where the model was saved; null when none was asked for or it could not be (see {@code
 *     modelNotSaved})
 * @param modelNotSaved why a model that was asked for was not saved, or null
 * @param extraFigures the figures written besides the notebook's, the first file of each
 * @param figures the notebook's figures, every format
 * @param report {@code report.html}, or null when none was asked for
 */
public record RunFiles(Path folder, Path metrics, List<Path> exports, Path model, String modelNotSaved,
        List<Path> extraFigures, List<Path> figures, Path report) {

    /** Checks the parts that are always there, and copies the lists. */
    public RunFiles {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(metrics, "metrics");
        exports = List.copyOf(exports);
        extraFigures = List.copyOf(extraFigures);
        figures = List.copyOf(figures);
    }

    /** Returns where the model was saved, if it was. */
    public Optional<Path> savedModel() {
        return Optional.ofNullable(model);
    }

    /** Returns the report, if one was written. */
    public Optional<Path> reportFile() {
        return Optional.ofNullable(report);
    }
}
