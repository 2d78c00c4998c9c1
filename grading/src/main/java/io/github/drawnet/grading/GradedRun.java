package io.github.drawnet.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A grading written whole by {@link GradeRun}: its rows and the folder they are in.
 *
 * @param rows the rows in cell order, stopped and not-run cells included
 * @param folder the run's folder, as it was given (relative if it was), for messages
 * @param hasReports whether the cells' reports are in the folder ({@link #reports()})
 * @param isSweep whether the folder is a sweep's, with {@code sweep.csv} ({@link #sweepTable()})
 * @param seconds the time from the first cell's start to the folder's commit
 */
public record GradedRun(List<GradeRow> rows, Path folder, boolean hasReports, boolean isSweep, double seconds) {

    /** Validates and copies. */
    public GradedRun {
        rows = List.copyOf(rows);
        Objects.requireNonNull(folder, "folder");
    }

    /** Returns {@code grades.csv}'s path. */
    public Path grades() {
        return folder.resolve(GradeReport.CSV);
    }

    /** Returns {@code grades.html}'s path. */
    public Path overview() {
        return folder.resolve(GradeReport.HTML);
    }

    /** Returns the reports' folder, or null when none was written. */
    public Path reports() {
        return hasReports ? folder.resolve(GradeRun.REPORTS) : null;
    }

    /** Returns {@code sweep.csv}'s path, or null when the folder is not a sweep's. */
    public Path sweepTable() {
        return isSweep ? folder.resolve(GradeRun.SWEEP_CSV) : null;
    }
}
