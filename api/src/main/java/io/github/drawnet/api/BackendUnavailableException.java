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

    /**
     * Returns the exception for an engine whose native library failed to load: one line naming the
     * backend, the engine, the deepest cause's message, and the other backend to try.
     *
     * @param other the backend to try instead, or null when none runs here (the line then says so)
     */
    public static BackendUnavailableException nativeLoadFailed(String backendId, String engine, String other,
            Throwable cause) {
        String why = cause.getMessage();
        for (Throwable c = cause.getCause(); c != null; c = c.getCause()) {
            why = c.getMessage() != null ? c.getMessage() : why;
        }
        if (why == null) {
            why = cause.getClass().getSimpleName();
        }
        return new BackendUnavailableException(backendId, "backend " + backendId + " is unavailable: failed to load the "
                + engine + " native library (" + why.lines().findFirst().orElse(why) + "); "
                + (other != null ? "try --backend " + other : "no other backend found runs here"), cause);
    }

    /** Returns the id of the backend that failed. */
    public String backendId() {
        return backendId;
    }
}
