package io.github.drawnet.grading;

/** Hears how far a grading has come; called one call at a time, from the engine's threads. */
@FunctionalInterface
public interface GradeListener {

    /** Hears nothing. */
    GradeListener NONE = (done, total, row) -> {};

    /**
     * Called as each cell ends.
     *
     * @param done the cells finished so far
     * @param total the cells in the plan
     * @param row the finished cell's row, or null when the engine reports rows only at the end (Spark)
     */
    void onCell(int done, int total, GradeRow row);

    /**
     * Called with a line the engine has for the person watching, such as where a Spark driver listens for its
     * executors; by default ignored.
     */
    default void onNote(String note) {}

    /**
     * Returns whether the grading should stop (Ctrl-C): an engine that can (the {@code local} one) then starts
     * no further cell, marks the cells not started {@linkplain GradeRow.Status#NOT_RUN not run}, and stops the
     * cells training at the end of their epoch ({@linkplain GradeRow.Status#STOPPED stopped}). Asked from the
     * engine's threads; by default never.
     */
    default boolean stopRequested() {
        return false;
    }

    /** Returns a listener that tells {@code listener} of each cell and asks {@code stop} whether to stop. */
    static GradeListener stoppedBy(java.util.function.BooleanSupplier stop, GradeListener listener) {
        java.util.Objects.requireNonNull(stop, "stop");
        java.util.Objects.requireNonNull(listener, "listener");
        return new GradeListener() {
            @Override
            public void onCell(int done, int total, GradeRow row) {
                listener.onCell(done, total, row);
            }

            @Override
            public void onNote(String note) {
                listener.onNote(note);
            }

            @Override
            public boolean stopRequested() {
                return stop.getAsBoolean();
            }
        };
    }
}
