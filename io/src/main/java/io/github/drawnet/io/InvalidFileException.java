package io.github.drawnet.io;

/**
 * Thrown when a file Drawnet wrote cannot be read back: missing, not JSON, truncated, of another
 * format or version, or inconsistent. The message is one line that names the file and the problem.
 */
public class InvalidFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public InvalidFileException(String message) {
        super(message);
    }
}
