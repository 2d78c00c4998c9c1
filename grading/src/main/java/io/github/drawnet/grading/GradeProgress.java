package io.github.drawnet.grading;

import io.github.drawnet.run.ProgressBar;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Prints a grading's progress for people: a bar of cells ({@link ProgressBar}, drawn on a terminal only) and
 * each cell's line ({@link GradeRow#describe}) as it ends; from an engine that reports rows only at the end
 * (Spark), every row's line once the job is done ({@link #rowsEnded}).
 *
 * <pre>{@code
 * GradeProgress progress = new GradeProgress(System.out, ProgressBar.onTerminal());
 * try {
 *     run = GradeRun.of(plan).onStart(f -> progress.begin(plan.cells().size())).listener(progress).write();
 * } finally {
 *     progress.finish();
 * }
 * progress.rowsEnded(run.rows());
 * }</pre>
 *
 * <p>Thread-safe: the engine's threads may report cells at once.
 */
public final class GradeProgress implements GradeListener {

    private final PrintStream out;
    private final ProgressBar bar;
    private volatile boolean live;

    /**
     * Returns a printer to {@code out}.
     *
     * @param terminal whether {@code out} is a terminal, where the bar is drawn ({@link ProgressBar#onTerminal()})
     */
    public GradeProgress(PrintStream out, boolean terminal) {
        this.out = Objects.requireNonNull(out, "out");
        this.bar = new ProgressBar(out, terminal, "cells");
    }

    /** Shows the bar at none of {@code total} cells done. */
    public void begin(int total) {
        bar.update(0, total, "");
    }

    @Override
    public void onCell(int done, int total, GradeRow row) {
        if (row != null) {
            live = true;
            bar.line(row.describe(total));
        }
        bar.update(done, total, "");
    }

    /** Prints {@code note} on a line of its own. */
    @Override
    public void onNote(String note) {
        bar.line(note);
    }

    /** Removes the bar. */
    public void finish() {
        bar.finish();
    }

    /** Prints every row's line when no row was reported as it ended (an engine that reports them at the end). */
    public void rowsEnded(List<GradeRow> rows) {
        if (!live) {
            rows.forEach(r -> out.println(r.describe(rows.size())));
        }
    }
}
