package io.github.drawnet.sampling;

/**
 * Thrown when a drawing cannot be used: the file is missing, is not an image, is truncated, is too
 * large, or its region cannot be learned (one class only). The message is one line that names the
 * drawing and what is allowed.
 */
public class InvalidDrawingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message. */
    public InvalidDrawingException(String message) {
        super(message);
    }

    /** Creates the exception with a one-line message and its cause. */
    public InvalidDrawingException(String message, Throwable cause) {
        super(message, cause);
    }
}
