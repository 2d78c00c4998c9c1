package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

/**
 * How a pixel's coverage (alpha/255, or ink darkness) becomes a label.
 *
 * <p>The notebook feeds alpha/255 as a soft label but counts a prediction correct only when {@code
 * (p >= 0.5) == y}, so an anti-aliased edge pixel (0 &lt; y &lt; 1) can never count as correct.
 * Drawnet therefore labels by threshold by default and keeps the notebook's soft labels as an option.
 */
public enum LabelMode {
    /** Label 1 where coverage is at least 0.5, 0 elsewhere; the default. */
    BINARY("binary"),
    /** Label = coverage, as the notebook does. */
    SOFT("soft");

    private final String id;

    LabelMode(String id) {
        this.id = id;
    }

    /** Returns the lower-case name used on the command line and in saved files. */
    public String id() {
        return id;
    }

    /** Returns the label of a pixel of the given coverage in [0, 1]. */
    public double label(double coverage) {
        return switch (this) {
            case BINARY -> coverage >= 0.5 ? 1.0 : 0.0;
            case SOFT -> coverage;
        };
    }

    /**
     * Returns the mode named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static LabelMode fromId(String name) {
        return Checks.parseName("label mode", name, LabelMode.class, LabelMode::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
