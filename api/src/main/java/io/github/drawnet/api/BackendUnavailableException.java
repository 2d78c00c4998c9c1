package io.github.drawnet.api;

/**
 * Thrown when a backend's engine cannot be used, most often because its native library failed to
 * load. The message names the backend; {@link #backendId()} gives its id.
 */
public class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String backendId;

    /** Creates the exception for the backend {@code backendId}. */
    public BackendUnavailableException(String backendId, String message, Throwable cause) {
        super(message, cause);
        this.backendId = backendId;
    }

    /** Returns the id of the backend that failed. */
    public String backendId() {
        return backendId;
    }
}
