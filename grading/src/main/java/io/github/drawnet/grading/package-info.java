/**
 * Grading a folder of drawings, as a library call a course tool can make: {@link
 * io.github.drawnet.grading.GradePlan} turns a folder of PNG files (subfolders per student allowed),
 * one or more backends and a setting or a sweep's settings into cells, one per drawing x setting x
 * backend; {@link io.github.drawnet.grading.Grader} trains one cell into a {@link
 * io.github.drawnet.grading.GradeRow}, turning a bad drawing or setting into a failed row rather than
 * an exception; a {@link io.github.drawnet.grading.GradeEngine} runs every cell (the {@code local}
 * engine here, on threads; {@code spark} in drawnet-spark, found through {@link
 * io.github.drawnet.grading.GradeEngines}); and {@link io.github.drawnet.grading.GradeReport} writes
 * {@code grades.csv} and the sortable {@code grades.html}. Cells carry the drawing's bytes and their
 * settings as text, so they can be shipped to another machine and read there by the library's one
 * parser.
 */
package io.github.drawnet.grading;
