/**
 * Sweeps and grading, as library calls a course tool can make. A {@link io.github.drawnet.grading.Grid}
 * is the settings tried, with the one parser of their lists ({@code 4;8,4}: two networks); a {@link
 * io.github.drawnet.grading.Sweep} trains a grid's cells on one drawing on a pool of threads, and {@link
 * io.github.drawnet.grading.SweepReport} prints its table and writes {@code sweep.csv}. A sweep is a
 * grading of one drawing: {@link io.github.drawnet.grading.GradePlan} turns a folder of PNG files
 * (subfolders per student allowed), one or more backends and a grid into cells, one per drawing x setting x
 * backend; {@link io.github.drawnet.grading.Grader} trains one cell into a {@link
 * io.github.drawnet.grading.GradeRow}, turning a bad drawing or setting into a failed row rather than
 * an exception; a {@link io.github.drawnet.grading.GradeEngine} runs every cell (the {@code local}
 * engine here, on threads; {@code spark} in drawnet-spark, found through {@link
 * io.github.drawnet.grading.GradeEngines}); and {@link io.github.drawnet.grading.GradeReport} writes
 * {@code grades.csv} and the sortable {@code grades.html}; {@link io.github.drawnet.grading.Csv} writes
 * both tables' CSV. {@link io.github.drawnet.grading.GradeRun} takes a plan to one finished run folder (grades,
 * reports, saved models, a sweep's {@code sweep.csv}, committed whole), the one way every front end writes a
 * grading, and {@link io.github.drawnet.grading.GradeProgress} prints its progress; {@link
 * io.github.drawnet.grading.SweepRun} does the same for a local sweep and its figures. Cells carry the drawing's
 * bytes and their
 * settings as text, so they can be shipped to another machine and read there by the library's one
 * parser.
 */
package io.github.drawnet.grading;
