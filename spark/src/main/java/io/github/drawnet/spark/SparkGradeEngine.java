package io.github.drawnet.spark;

import io.github.drawnet.grading.GradeCell;
import io.github.drawnet.grading.GradeEngine;
import io.github.drawnet.grading.GradeListener;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code spark} grading engine: every cell of the plan is one Spark task, so Spark schedules
 * them over its executors and retries a task that throws ({@code spark.task.maxFailures}; local
 * mode retries only when asked, as in {@code local[4,2]}). A bad drawing or setting is a failed row,
 * not a throw, so it is never retried. Rows are collected to the driver and returned in cell order.
 *
 * <p>Without a master it runs {@code local[threads]}: in this JVM, driver and executor bound to
 * 127.0.0.1, web UI off unless asked for. Under {@code spark-submit} the submitted master wins.
 * Spark also names its host: unless the environment variable {@code SPARK_LOCAL_IP} is set (the
 * launchers set it to 127.0.0.1 in local mode), it takes the first address that is not loopback
 * and asks DNS for that address's name.
 * Each call starts and stops its own context.
 */
public final class SparkGradeEngine implements GradeEngine {

    /** The engine's id. */
    public static final String ID = "spark";

    private static final Logger LOG = LoggerFactory.getLogger(SparkGradeEngine.class);

    /** Creates the engine; cheap, starts nothing. */
    public SparkGradeEngine() {}

    @Override
    public String id() {
        return ID;
    }

    /** Returns the Spark configuration a run uses: the master, loopback in local mode, the UI setting. */
    static SparkConf conf(GradeOptions options) {
        SparkConf conf = new SparkConf().setAppName("drawnet grade");
        if (!conf.contains("spark.master")) {
            conf.setMaster(options.master() == null
                    ? String.format(Locale.ROOT, "local[%d]", options.threads()) : options.master());
        }
        if (conf.get("spark.master").startsWith("local")) {
            // nothing leaves the machine: driver and block manager on loopback
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.enabled", String.valueOf(options.ui()));
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return conf;
    }

    @Override
    public List<GradeRow> run(GradePlan plan, GradeOptions options, GradeListener listener)
            throws InterruptedException {
        SparkConf conf = conf(options);
        String reports = options.reports() == null ? null : options.reports().toAbsolutePath().toString();
        // plain values into the task's closure: ReportFiles is not Serializable
        String formats = options.reportFiles().formatsText();
        boolean html = options.reportFiles().html();
        boolean models = options.saveModels();
        int total = plan.cells().size();
        JavaSparkContext sc = new JavaSparkContext(conf);
        try {
            AtomicInteger done = new AtomicInteger();
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.taskInfo() != null && end.taskInfo().successful()) {
                        listener.onCell(done.incrementAndGet(), total, null);
                    }
                }
            });
            LOG.debug("grading {} cells on Spark {}, master {}", total, sc.version(), sc.master());
            // one partition per cell: each cell is a task, scheduled and retried on its own
            JavaFutureAction<List<GradeRow>> job = sc.parallelize(plan.cells(), Math.max(1, total))
                    .map((GradeCell cell) -> ExecutorGrader.grade(cell, reports, formats, html, models))
                    .collectAsync();
            List<GradeRow> rows;
            try {
                rows = new ArrayList<>(job.get());
            } catch (InterruptedException e) {
                job.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the Spark job failed: " + rootMessage(e), e);
            }
            rows.sort(Comparator.comparingInt(GradeRow::index));
            return rows;
        } finally {
            sc.stop();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
