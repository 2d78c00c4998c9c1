package io.github.drawnet.spark;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.grading.GradeCell;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.grading.Grader;
import io.github.drawnet.viz.NotebookVisualizer;
import java.nio.file.Path;

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
     * Grades {@code cell}; {@code reports} is the reports' folder as text, or null; {@code formats}
     * ({@link ReportFiles#formatsText()}) and {@code html} say which of a report's files are written, {@code
     * models} whether the cell's model is saved in its report.
     */
    static GradeRow grade(GradeCell cell, String reports, String formats, boolean html, boolean models) {
        return new Grader(backends(), new NotebookVisualizer(), reports == null ? null : Path.of(reports),
                new ReportFiles(ReportFiles.parseFormats(formats), html), models).grade(cell);
    }
}
