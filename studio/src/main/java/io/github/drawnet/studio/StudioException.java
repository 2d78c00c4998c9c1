package io.github.drawnet.studio;

/** A request the studio refuses, with the HTTP status and a one-line message the page shows. */
final class StudioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    StudioException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
