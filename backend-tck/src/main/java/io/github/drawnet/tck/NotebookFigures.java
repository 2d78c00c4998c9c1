package io.github.drawnet.tck;

/**
 * The notebook's own test accuracies with its default settings, binary labels, from {@code
 * ../shared/DESIGN.md} (PyTorch 1.13, one thread, 100 epochs). A backend with the same settings must
 * reach each less {@link #TOLERANCE}.
 */
public final class NotebookFigures {

    /** Test accuracy on the filled blob. */
    public static final double BLOB = 0.967;
    /** Test accuracy on the ring. */
    public static final double RING = 0.859;
    /** Test accuracy on xor. */
    public static final double XOR = 0.992;
    /** Test accuracy on the half-plane. */
    public static final double HALF_PLANE = 0.999;
    /** How far below the notebook a backend may land: 2 accuracy points. */
    public static final double TOLERANCE = 0.02;

    private NotebookFigures() {}
}
