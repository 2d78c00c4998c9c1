package io.github.drawnet.io;

/**
 * Thrown when a saved model cannot be used: missing, not JSON, truncated, from another format
 * version, or inconsistent (parameters that do not fit the network, a drawing whose SHA-256 does not
 * match). One line naming the file.
 */
public final class InvalidModelFileException extends InvalidFileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public InvalidModelFileException(String message) {
        super(message);
    }
}
