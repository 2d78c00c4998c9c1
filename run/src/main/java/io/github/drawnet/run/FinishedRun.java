package io.github.drawnet.run;

import io.github.drawnet.api.ExperimentResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A run that has ended: what it learned and measured, and what it wrote.
 *
 * @param result the experiment's result: history, test figures, parameters, provenance
 * @param files what was written into the run's folder, or null when the run wrote no files
 */
public record FinishedRun(ExperimentResult result, RunFiles files) {

    /** Checks that the result is there. */
    public FinishedRun {
        Objects.requireNonNull(result, "result");
    }

    /** Returns what was written, if the run wrote a folder. */
    public Optional<RunFiles> written() {
        return Optional.ofNullable(files);
    }

    /** Returns the test set's accuracy, the notebook's last line. */
    public double testAccuracy() {
        return result.test().accuracy();
    }
}
