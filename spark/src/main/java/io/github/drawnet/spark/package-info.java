/**
 * Grading and sweeps as Apache Spark jobs: {@link io.github.drawnet.spark.SparkGradeEngine} is the
 * {@code spark} {@link io.github.drawnet.grading.GradeEngine} (found through {@code ServiceLoader}),
 * which hands every cell to Spark as its own task, {@code local[N]} by default, bound to loopback with
 * the web UI off; {@link io.github.drawnet.spark.GradeJob} is the main class for {@code spark-submit}.
 * Each executor JVM discovers the backends once and reuses their engines across cells ({@link
 * io.github.drawnet.spark.ExecutorGrader}). Spark is a provided dependency: this module brings it to
 * no one.
 */
package io.github.drawnet.spark;
