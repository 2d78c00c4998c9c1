package io.github.drawnet.spark;

import io.github.drawnet.grading.GradeCell;
import io.github.drawnet.grading.GradeEngine;
import io.github.drawnet.grading.GradeEngineUnavailableException;
import io.github.drawnet.grading.GradeListener;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeRow;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
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
 * <p>A cluster's master ({@code spark://}) gets {@link GradeOptions#masterTimeout()}, counted from when this JVM's
 * own part of Spark is up, to accept the job and give it a first executor; Spark's own standalone client retries registration for about a minute (three tries of 20 s,
 * not configurable) and then keeps the context waiting for executors for ever. Past the timeout the start is given
 * up with a {@link GradeEngineUnavailableException} naming the master and what to check.
 */
public final class SparkGradeEngine implements GradeEngine {

    /** The engine's id. */
    public static final String ID = "spark";

    private static final Logger LOG = LoggerFactory.getLogger(SparkGradeEngine.class);

    /** How long this JVM's own part of a context's start may take before the master's timeout starts anyway. */
    private static final java.time.Duration LOCAL_START_LIMIT = java.time.Duration.ofMinutes(2);

    /** Creates the engine; cheap, starts nothing. */
    public SparkGradeEngine() {}

    @Override
    public String id() {
        return ID;
    }

    /**
     * Returns the Spark configuration a run uses: the master, the user's settings ({@link GradeOptions#conf()}, each
     * replacing Drawnet's value for its key), loopback in local mode and for a master on loopback, the UI setting;
     * for a cluster's master also what its executors need ({@link #clusterDefaults}).
     *
     * @throws UncheckedIOException when a folder of classes on the class path cannot be packed into a jar
     */
    static SparkConf conf(GradeOptions options) {
        SparkConf conf = new SparkConf().setAppName("drawnet grade");
        if (!conf.contains("spark.master")) {
            conf.setMaster(options.master() == null
                    ? String.format(Locale.ROOT, "local[%d]", options.threads()) : options.master());
        }
        options.conf().forEach(conf::set);
        String master = conf.get("spark.master");
        if (master.startsWith("local") || ClusterConf.loopback(master)) {
            // nothing leaves the machine: driver and block manager on loopback
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!master.startsWith("local")) {
            clusterDefaults(conf, System.getProperty("java.class.path"));
        }
        conf.setIfMissing("spark.ui.enabled", String.valueOf(options.ui()));
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return conf;
    }

    /**
     * Sets, where {@code conf} has no value of its own (the user's {@code --conf}, or {@code spark-submit}'s {@code
     * --jars}), what a cluster's executors need: {@code spark.jars}, the jars of {@code classPath} that are not
     * Spark's own ({@link ClusterConf#driverJars}); {@code spark.executor.extraJavaOptions}, Spark's Java 17 flags;
     * and, for a master on another machine, {@code spark.driver.host}, this machine's address that routes to it.
     */
    static void clusterDefaults(SparkConf conf, String classPath) {
        String master = conf.get("spark.master");
        if (!conf.contains("spark.jars")) {
            try {
                Path scratch = Files.createTempDirectory("drawnet-spark-jars");
                scratch.toFile().deleteOnExit();
                List<Path> jars = ClusterConf.driverJars(classPath, ClusterConf.sparkJarsFolder(), scratch);
                jars.stream().filter(j -> j.startsWith(scratch)).forEach(j -> j.toFile().deleteOnExit());
                if (!jars.isEmpty()) {
                    conf.set("spark.jars", jars.stream().map(Path::toString).collect(Collectors.joining(",")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot pack the class path's folders for the executors: "
                        + e.getMessage(), e);
            }
        }
        conf.setIfMissing("spark.executor.extraJavaOptions", ClusterConf.executorJavaOptions());
        if (!conf.contains("spark.driver.host") && master.startsWith("spark://")) {
            InetAddress route = ClusterConf.routeTo(master);
            if (route != null) {
                conf.set("spark.driver.host", route.getHostAddress());
            }
        }
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
            String master = sc.master();
            boolean local = master.startsWith("local");
            if (!local && !ClusterConf.loopback(master)) {
                listener.onNote(String.format(Locale.ROOT, "Spark driver: listening on %s:%s for the executors of %s"
                        + " (set spark.driver.host with --conf if they cannot reach it)", sc.getConf().get(
                                "spark.driver.host"), sc.getConf().get("spark.driver.port", "?"), master));
            }
            // local mode: one cell per task (one JVM, nothing to spare); a cluster: groups of cells, so that each task
            // trains several on an executor whose engines are loaded, and a retry reruns a few cells, not the job
            int partitions = local ? Math.max(1, total) : Math.max(1, Math.min(total, 2 * sc.defaultParallelism()));
            LOG.debug("grading {} cells in {} tasks on Spark {}, master {}", total, partitions, sc.version(), master);
            JavaRDD<List<GradeRow>> batches = sc.parallelize(plan.cells(), partitions).mapPartitions(
                    (FlatMapFunction<Iterator<GradeCell>, List<GradeRow>>) cells -> List.<List<GradeRow>>of(
                            ExecutorGrader.gradeAll(cells, reports, formats, html, models)).iterator());
            return collect(sc, batches, partitions, total, listener);
        } finally {
            sc.stop();
        }
    }

    /**
     * Runs the job and returns its rows in cell order, telling {@code listener} of each cell as its task's rows
     * reach the driver. Spark hands the driver one result per partition, however often its task ran (a retry after
     * a failure or a lost executor), so no cell is counted twice.
     */
    private static List<GradeRow> collect(JavaSparkContext sc, JavaRDD<List<GradeRow>> batches, int partitions,
            int total, GradeListener listener) throws InterruptedException {
        List<GradeRow> rows = new ArrayList<>();
        int[] done = {0};
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            all.add(i);
        }
        Function1<scala.collection.Iterator<List<GradeRow>>, List<GradeRow>> firstOf =
                (Function1<scala.collection.Iterator<List<GradeRow>>, List<GradeRow>> & Serializable)
                        it -> it.hasNext() ? it.next() : List.of();
        // on Spark's scheduler thread, once per partition, one at a time
        Function2<Object, List<GradeRow>, BoxedUnit> handler = (partition, batch) -> {
            synchronized (rows) {
                for (GradeRow row : batch) {
                    rows.add(row);
                    listener.onCell(++done[0], total, row);
                }
            }
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> nothing = () -> BoxedUnit.UNIT;
        SimpleFutureAction<BoxedUnit> job = sc.sc().submitJob(batches.rdd(), firstOf,
                CollectionConverters.asScala(all).toSeq(), handler, nothing);
        try {
            while (!job.isCompleted()) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        }
        scala.util.Try<BoxedUnit> outcome = job.value().get();
        if (outcome.isFailure()) {
            Throwable e = outcome.failed().get();
            throw new IllegalStateException("the Spark job failed: " + rootMessage(e), e);
        }
        synchronized (rows) {
            List<GradeRow> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingInt(GradeRow::index));
            return sorted;
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
        long deadline;
        try {
            // the timeout is the master's: it starts once this JVM's own part of Spark is up (its environment, set
            // before the scheduler contacts the master), which takes seconds of its own on a busy machine
            long localLimit = System.nanoTime() + LOCAL_START_LIMIT.toNanos();
            while (!made.isDone() && SparkEnv.get() == null && System.nanoTime() < localLimit) {
                Thread.sleep(20);
            }
            deadline = System.nanoTime() + timeout.toNanos();
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
