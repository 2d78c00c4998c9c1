package io.github.drawnet.sampling;

import io.github.drawnet.api.internal.Checks;

/**
 * How a drawing's colours become classes: each ink colour its own class ({@link #AUTO}), or any ink
 * the one positive class, as the notebook reads every drawing ({@link #BINARY}).
 */
public enum ClassReading {
    /**
     * A drawing in several colours is a problem of several classes, one per colour and the
     * background; a drawing in one colour (or in greys) is read as the notebook does. The default.
     */
    AUTO("auto"),
    /** Any ink is the positive class, whatever its colour: the notebook's reading of every drawing. */
    BINARY("binary");

    /** The reading used when none is asked for. */
    public static final ClassReading DEFAULT = AUTO;

    private final String id;

    ClassReading(String id) {
        this.id = id;
    }

    /** Returns the lower-case name used on the command line, for example {@code binary}. */
    public String id() {
        return id;
    }

    /**
     * Returns the reading named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static ClassReading fromId(String name) {
        return Checks.parseName("class reading", name, ClassReading.class, ClassReading::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
