package io.github.drawnet.studio;

/**
 * A request the studio refuses, with the HTTP status, a one-line message the page shows and, for a
 * refused setting, its key (so the page can mark that field).
 */
final class StudioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String setting;

    StudioException(int status, String message) {
        this(status, message, null);
    }

    StudioException(int status, String message, String setting) {
        super(message);
        this.status = status;
        this.setting = setting;
    }

    int status() {
        return status;
    }

    /** Returns the key of the refused setting, as the page sends it, or null when no one setting is at fault. */
    String setting() {
        return setting;
    }
}
