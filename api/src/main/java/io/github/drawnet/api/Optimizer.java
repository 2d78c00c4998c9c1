package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

/**
 * The optimizers every backend implements, with PyTorch's semantics and defaults so that results
 * compare with the notebook.
 *
 * <ul>
 *   <li>{@link #ADAM}: {@code torch.optim.Adam} with {@code betas=(0.9, 0.999)}, {@code eps=1e-8},
 *       bias correction, and coupled L2 ({@code grad += weightDecay * param} before the moments).
 *   <li>{@link #SGD}: {@code torch.optim.SGD} without momentum, with the same coupled L2.
 * </ul>
 */
public enum Optimizer {
    /** Adam, the notebook's choice. */
    ADAM("adam", 2),
    /** Plain stochastic gradient descent. */
    SGD("sgd", 0);

    /** Adam's exponential decay rate for the first moment. */
    public static final double ADAM_BETA1 = 0.9;
    /** Adam's exponential decay rate for the second moment. */
    public static final double ADAM_BETA2 = 0.999;
    /** Adam's term added to the denominator for numerical stability. */
    public static final double ADAM_EPSILON = 1e-8;

    private final String id;
    private final int slots;

    Optimizer(String id, int slots) {
        this.id = id;
        this.slots = slots;
    }

    /** Returns the lower-case name used on the command line and in saved files. */
    public String id() {
        return id;
    }

    /**
     * Returns how many parameter-shaped state tensors the optimizer keeps: 2 for Adam (first and
     * second moment), 0 for SGD.
     */
    public int stateSlots() {
        return slots;
    }

    /**
     * Returns the optimizer named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static Optimizer fromId(String name) {
        return Checks.parseName("optimizer", name, Optimizer.class, Optimizer::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
