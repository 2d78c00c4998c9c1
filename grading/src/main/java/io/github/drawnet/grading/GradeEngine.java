package io.github.drawnet.grading;

import java.util.List;

/**
 * Runs the cells of a {@link GradePlan} somewhere: on this JVM's threads ({@code local}, built in) or
 * as an Apache Spark job ({@code spark}, in the optional drawnet-spark module). Engines are found
 * through {@link GradeEngines}: an engine jar registers its implementation in one line of {@code
 * META-INF/services/io.github.drawnet.grading.GradeEngine}. A provider is cheap to construct and
 * never throws; whatever it runs on starts in {@link #run}.
 *
 * <p>Every engine gives the same rows for the same plan, apart from {@link GradeRow#seconds()}: each
 * cell is seeded on its own, so neither order nor place changes a figure.
 */
public interface GradeEngine {

    /** Returns the engine's id, as {@code --engine} names it. */
    String id();

    /**
     * Grades every cell of {@code plan} and returns the rows in cell order. A bad drawing or setting
     * is a failed row, never an exception.
     *
     * @throws InterruptedException when the calling thread is interrupted
     * @throws IllegalStateException when the job fails as a whole (a cell failed beyond its retries)
     * @throws io.github.drawnet.api.BackendUnavailableException when an engine cannot load
     */
    List<GradeRow> run(GradePlan plan, GradeOptions options, GradeListener listener) throws InterruptedException;
}
