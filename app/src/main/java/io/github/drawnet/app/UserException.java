package io.github.drawnet.app;

/**
 * A mistake of the user's, reported as one line without a stack trace, with an exit code from
 * {@link ExitCodes}.
 */
public final class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** Creates the exception with its one-line message and exit code. */
    public UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Creates the exception with its one-line message, exit code and cause (shown with --verbose). */
    public UserException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Returns the exit code. */
    public int exitCode() {
        return exitCode;
    }
}
