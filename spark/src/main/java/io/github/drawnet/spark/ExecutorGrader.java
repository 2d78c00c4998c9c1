package io.github.drawnet.spark;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.grading.GradeCell;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.grading.Grader;
import io.github.drawnet.viz.NotebookVisualizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;

/**
 * What runs inside a Spark task: grades one cell with the backends this JVM found. The backends are
 * discovered once per executor JVM and shared by its task threads, so each engine loads once and is
 * reused across every cell the executor runs.
 */
final class ExecutorGrader {

    private static volatile Backends backends;

    private ExecutorGrader() {}

    static Backends backends() {
        Backends b = backends;
        if (b == null) {
            synchronized (ExecutorGrader.class) {
                b = backends;
                if (b == null) {
                    b = Backends.discover();
                    backends = b;
                }
            }
        }
        return b;
    }

    /**
     * The environment variable of a test hook: a cell index named there throws in its task's first attempt
     * ({@link TaskContext#attemptNumber()} 0), so that a test can see Spark retry it. Read only by the cluster
     * tests, which set it through {@code --conf spark.executorEnv.DRAWNET_TEST_FAIL_FIRST_ATTEMPT=N}.
     */
    static final String FAIL_FIRST_ATTEMPT = "DRAWNET_TEST_FAIL_FIRST_ATTEMPT";

    /** Grades every cell of a task, in order ({@link #grade}). */
    static List<GradeRow> gradeAll(Iterator<GradeCell> cells, String reports, String formats, boolean html,
            boolean models) {
        String failing = System.getenv(FAIL_FIRST_ATTEMPT);
        List<GradeRow> rows = new ArrayList<>();
        while (cells.hasNext()) {
            GradeCell cell = cells.next();
            TaskContext task = TaskContext.get();
            if (failing != null && failing.equals(String.valueOf(cell.index())) && task != null
                    && task.attemptNumber() == 0) {
                throw new IllegalStateException(FAIL_FIRST_ATTEMPT + ": cell " + cell.index() + " fails its task's"
                        + " first attempt");
            }
            rows.add(grade(cell, reports, formats, html, models));
        }
        return rows;
    }

    /**
     * Grades {@code cell}; {@code reports} is the reports' folder as text, or null; {@code formats}
     * ({@link ReportFiles#formatsText()}) and {@code html} say which of a report's files are written, {@code
     * models} whether the cell's model is saved in its report.
     */
    static GradeRow grade(GradeCell cell, String reports, String formats, boolean html, boolean models) {
        return new Grader(backends(), new NotebookVisualizer(), reports == null ? null : Path.of(reports),
                new ReportFiles(ReportFiles.parseFormats(formats), html), models).grade(cell);
    }
}
