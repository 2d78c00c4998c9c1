package io.github.drawnet.grading;

/**
 * Thrown when an engine cannot start its job because of what it runs on, not because of the plan: a Spark
 * master that cannot be reached or refuses, or a cluster that gives no executor in time. The message is one
 * line naming the engine's master and what to check; nothing has trained, and {@link GradeRun} leaves the run's
 * folder as it was (a folder it made is removed again).
 */
public class GradeEngineUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message and cause (may be null). */
    public GradeEngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
