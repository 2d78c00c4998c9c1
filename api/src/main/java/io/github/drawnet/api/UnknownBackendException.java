package io.github.drawnet.api;

import java.util.List;

/**
 * Thrown when a backend is asked for by an id no discovered backend has. The message lists the ids
 * that are available.
 */
public class UnknownBackendException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String requested;
    private final List<String> available;

    /** Creates the exception for {@code requested} given the {@code available} ids. */
    public UnknownBackendException(String requested, List<String> available) {
        super("unknown backend '" + requested + "'; available: "
                + (available.isEmpty() ? "none (no backend jar on the classpath)" : String.join(", ", available)));
        this.requested = requested;
        this.available = List.copyOf(available);
    }

    /** Returns the id that was asked for. */
    public String requested() {
        return requested;
    }

    /** Returns the ids that are available. */
    public List<String> available() {
        return available;
    }
}
