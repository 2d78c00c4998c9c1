package io.github.drawnet.spark;

import io.github.drawnet.grading.GradeCell;
import io.github.drawnet.grading.GradeEngine;
import io.github.drawnet.grading.GradeEngineUnavailableException;
import io.github.drawnet.grading.GradeListener;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *
 * <p>A cluster's master ({@code spark://}) gets {@link GradeOptions#masterTimeout()} to accept the job and give it
 * a first executor; Spark's own standalone client retries registration for about a minute (three tries of 20 s,
 * not configurable) and then keeps the context waiting for executors for ever. Past the timeout the start is given
 * up with a {@link GradeEngineUnavailableException} naming the master and what to check.
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
        JavaSparkContext sc = start(conf, options.masterTimeout());
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

    /**
     * Returns a started context: at once in local mode (the executor is this JVM); for a cluster's master, once
     * the master accepted the job and an executor joined, within {@code timeout}.
     */
    static JavaSparkContext start(SparkConf conf, java.time.Duration timeout) throws InterruptedException {
        String master = conf.get("spark.master");
        if (master.startsWith("local")) {
            return new JavaSparkContext(conf);
        }
        long seconds = Math.max(1, timeout.toSeconds());
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<JavaSparkContext> made = new CompletableFuture<>();
        // on its own thread: the standalone client's registration blocks the constructor, for minutes
        Thread starting = new Thread(() -> {
            try {
                made.complete(new JavaSparkContext(conf));
            } catch (Throwable e) {
                made.completeExceptionally(e);
            }
        }, "drawnet-spark-start");
        starting.setDaemon(true);
        starting.start();
        JavaSparkContext sc;
        try {
            sc = made.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            starting.interrupt(); // ends the constructor's wait for the master, and its lock on new contexts
            made.thenAccept(JavaSparkContext::stop); // a context that comes after all is stopped at once
            if (e instanceof InterruptedException) {
                throw (InterruptedException) e;
            }
            throw new GradeEngineUnavailableException(unreachable(master, seconds, null), e);
        } catch (ExecutionException e) {
            throw new GradeEngineUnavailableException(unreachable(master, seconds, rootMessage(e)), e.getCause());
        }
        // the master accepted the job; a cluster with no free worker gives it no executor, and Spark would wait
        try {
            while (sc.sc().statusTracker().getExecutorInfos().length < 2) { // the driver is listed too
                if (sc.sc().isStopped()) {
                    throw new GradeEngineUnavailableException(unreachable(master, seconds, "the master ended the job"),
                            null);
                }
                if (System.nanoTime() > deadline) {
                    throw new GradeEngineUnavailableException(String.format(Locale.ROOT, "the Spark master %s gave the"
                            + " job no executor within %d s; check that a worker is registered there with free cores"
                            + " and memory (its web UI, port 8080), or use --master local[N]", master, seconds), null);
                }
                Thread.sleep(100);
            }
        } catch (RuntimeException | InterruptedException e) {
            sc.stop();
            throw e;
        }
        return sc;
    }

    private static String unreachable(String master, long seconds, String why) {
        return String.format(Locale.ROOT, "cannot reach the Spark master %s within %d s%s; check that it runs and"
                + " listens there (start-master.sh), or use --master local[N]", master, seconds,
                why == null ? "" : " (" + why + ")");
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
