package io.github.drawnet.grading;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code local} engine: the cells on this JVM's threads, {@link GradeOptions#threads()} at once
 * (cells on a backend that trains one model at a time take turns). Rows are reported as they end. Once
 * {@link GradeListener#stopRequested()} says so, no further cell starts (each is a {@linkplain
 * GradeRow.Status#NOT_RUN not run} row) and the cells training stop at the end of their epoch.
 *
 * <p>Thread-safe.
 */
public final class LocalGradeEngine implements GradeEngine {

    /** The engine's id. */
    public static final String ID = "local";

    private final Backends backends;

    /** Creates the engine with the backends found on the class path (found when first asked for). */
    public LocalGradeEngine() {
        this(null);
    }

    /** Creates the engine with the given backends, or those found on the class path when null. */
    public LocalGradeEngine(Backends backends) {
        this.backends = backends;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<GradeRow> run(GradePlan plan, GradeOptions options, GradeListener listener)
            throws InterruptedException {
        Grader grader = Grader.of(backends == null ? Backends.discover() : backends, new NotebookVisualizer(), options);
        int total = plan.cells().size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), total), r -> {
            Thread t = new Thread(r, "drawnet-grade");
            t.setDaemon(true);
            return t;
        });
        int[] done = {0};
        try {
            List<Future<GradeRow>> futures = new ArrayList<>();
            for (GradeCell cell : plan.cells()) {
                futures.add(pool.submit(() -> {
                    GradeRow row = grader.grade(cell, listener::stopRequested);
                    if (row.status() == GradeRow.Status.NOT_RUN) {
                        return row; // not a cell done: no line, no progress
                    }
                    synchronized (done) {
                        done[0]++;
                        listener.onCell(done[0], total, row);
                    }
                    return row;
                }));
            }
            List<GradeRow> rows = new ArrayList<>();
            for (Future<GradeRow> f : futures) {
                try {
                    rows.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }
}
