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
}
