package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drawnet grade --engine spark --master spark://127.0.0.1:PORT} against a real standalone cluster on this
 * machine ({@link SparkCluster}: a master and two workers, each a JVM, one core each), with no other setting: the
 * driver ships Drawnet's jars and Spark's flags itself. The grades equal the local engine's but for seconds, on
 * DJL and DL4J; a cell whose first attempt throws is retried and counted once; the README's {@code spark-submit}
 * route gives the same grades; a worker killed with its executor mid-job costs nothing but time; with no worker
 * left the command ends in one line within {@code --master-timeout}. One cluster serves every case, in order (the
 * last two take its workers away). Skipped, visibly, when the spark module has not been packaged.
 *
 * <p>Each run gives the master {@value #PATIENCE} s rather than the default 20 s to accept the job and give it an
 * executor: on the shared 2-core machine these tests were written on (load average 20 and more), an executor JVM
 * took longer than 20 s to start once in three runs with the default. That is a tolerance for a busy machine, not
 * a setting the cluster needs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class SparkClusterTest {

    @TempDir
    static Path dir;

    static final String PATIENCE = "120";

    static SparkCluster cluster;
    static Path drawings;
    static String[] grade;
    static List<String> localRows;

    @BeforeAll
    static void cluster() throws Exception {
        GradeSparkTest.sparkDir();
        cluster = SparkCluster.start(dir.resolve("cluster"), 2);
        drawings = GradeDrawings.folder(dir.resolve("class"));
        grade = GradeDrawings.concat(new String[] {"grade", drawings.toString(), "--backend", "djl,dl4j"},
                GradeDrawings.SMALL);
        CliRunner.Result local = CliRunner.run(GradeDrawings.concat(grade, "--parallel", "2",
                "--out", dir.resolve("local").toString()));
        assertThat(local.exitCode()).as(local.err()).isZero();
        localRows = GradeDrawings.withoutSeconds(dir.resolve("local/grades.csv"));
        assertThat(localRows).hasSize(13);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Runs the command line as the launcher does for a spark:// master: it sets no SPARK_LOCAL_IP then. */
    static CliRunner.Result onCluster(String out, String... more) throws Exception {
        String[] args = GradeDrawings.concat(GradeDrawings.concat(grade, "--engine", "spark", "--master",
                cluster.master(), "--master-timeout", PATIENCE, "--out", dir.resolve(out).toString()), more);
        return GradeSparkTest.finish(GradeSparkTest.start(dir, null, Map.of(), args));
    }

    static long linesOf(String out, String start) {
        return out.lines().filter(l -> l.startsWith(start)).count();
    }

    @Test
    @Order(1)
    void grade_twoWorkerCluster_nothingSetByHand_sameGradesAsLocalButSeconds() throws Exception {
        CliRunner.Result r = onCluster("cluster");
        assertThat(r.exitCode()).as(r.out() + r.err() + cluster.logs()).isZero();
        assertThat(r.out()).contains("engine spark (" + cluster.master() + ")")
                .contains(": 10 trained, 2 failed, 0 diverged")
                .doesNotContain("Spark driver: listening"); // a master on loopback: the driver stays there too
        for (int i = 1; i <= 12; i++) {
            assertThat(linesOf(r.out(), "cell " + i + "/12 ")).as("cell %d's line", i).isEqualTo(1);
        }
        assertThat(GradeDrawings.withoutSeconds(dir.resolve("cluster/grades.csv"))).isEqualTo(localRows);
    }

    @Test
    @Order(2)
    void grade_aCellsFirstAttemptThrows_retried_countedOnceInProgressAndRows() throws Exception {
        CliRunner.Result r = onCluster("retried", "--conf", "spark.executorEnv.DRAWNET_TEST_FAIL_FIRST_ATTEMPT=3");
        assertThat(r.exitCode()).as(r.out() + r.err() + cluster.logs()).isZero();
        for (int i = 1; i <= 12; i++) {
            assertThat(linesOf(r.out(), "cell " + i + "/12 ")).as("cell %d's line", i).isEqualTo(1);
        }
        assertThat(r.out()).contains("Graded 12 cells in ");
        assertThat(GradeDrawings.withoutSeconds(dir.resolve("retried/grades.csv"))).isEqualTo(localRows);
        // the hook did throw: Spark's scheduler logged the failed attempt in the driver's log
        assertThat(Files.readString(dir.resolve("spark.log"))).contains("DRAWNET_TEST_FAIL_FIRST_ATTEMPT: cell 3 fails");
    }

    @Test
    @Order(3)
    void sparkSubmit_gradeJobAgainstTheCluster_sameGradesAsLocal() throws Exception {
        Path spark = GradeSparkTest.sparkDir();
        List<String> command = new ArrayList<>(List.of(GradeSparkTest.java(), "-Xmx1g"));
        command.addAll(cluster.opens());
        command.addAll(List.of("-cp", cluster.home().resolve("conf") + File.pathSeparator
                + cluster.home().resolve("jars") + File.separator + "*",
                "org.apache.spark.deploy.SparkSubmit", "--master", cluster.master(), "--class",
                "io.github.drawnet.spark.GradeJob", "--jars", String.join(",", jarsOf(GradeSparkTest.testClassPath())),
                spark.resolve("drawnet-spark.jar").toString(), drawings.toString(), "--out",
                dir.resolve("submitted").toString(), "--backend", "djl,dl4j", "--master-timeout", PATIENCE));
        command.addAll(List.of(GradeDrawings.SMALL));
        Path log = dir.resolve("submit.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(cluster.environment());
        pb.environment().remove("SPARK_LOCAL_IP");
        Process p = pb.start();
        assertThat(p.waitFor(240, java.util.concurrent.TimeUnit.SECONDS)).as("spark-submit ended").isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Graded 12 cells, 2 failed");
        assertThat(GradeDrawings.withoutSeconds(dir.resolve("submitted/grades.csv"))).isEqualTo(localRows);
    }

    @Test
    @Order(4)
    void grade_aWorkerKilledAfterTheFirstCell_jobCompletesWithTheSameGrades() throws Exception {
        String[] args = GradeDrawings.concat(grade, "--engine", "spark", "--master", cluster.master(),
                "--master-timeout", PATIENCE, "--out", dir.resolve("killed").toString());
        long logBefore = Files.size(dir.resolve("spark.log"));
        GradeSparkTest.Started started = GradeSparkTest.start(dir, null, Map.of(), args);
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (!started.outSoFar().contains("cell ") && started.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String before = started.outSoFar();
        assertThat(before).as("a first cell ended").contains("cell ");
        assertThat(before).as("cells left to run").doesNotContain("Graded 12 cells");
        cluster.kill(1); // the second worker and its executor, SIGKILL
        CliRunner.Result r = GradeSparkTest.finish(started);
        assertThat(r.exitCode()).as(r.out() + r.err() + cluster.logs()).isZero();
        for (int i = 1; i <= 12; i++) {
            assertThat(linesOf(r.out(), "cell " + i + "/12 ")).as("cell %d's line", i).isEqualTo(1);
        }
        assertThat(GradeDrawings.withoutSeconds(dir.resolve("killed/grades.csv"))).isEqualTo(localRows);
        // the kill cost a running task (both executors had one when the first ended), which Spark ran again: a
        // task's second attempt (task N.1)
        String log = Files.readString(dir.resolve("spark.log"));
        assertThat(log.substring((int) logBefore)).contains("Lost executor").containsPattern("Starting task \\d+\\.1 ");
    }

    @Test
    @Order(5)
    void grade_noWorkerLeft_oneLineWithinTheDefaultTimeout_nothingInOut() throws Exception {
        cluster.kill(0);
        cluster.kill(1);
        Path out = dir.resolve("none");
        CliRunner.Result r = GradeSparkTest.finish(GradeSparkTest.start(dir, null, Map.of(),
                GradeDrawings.concat(grade, "--engine", "spark", "--master", cluster.master(),
                        "--out", out.toString())));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
        assertThat(r.err()).isEqualTo("drawnet grade: the Spark master " + cluster.master() + " gave the job no"
                + " executor within 20 s; check that a worker is registered there with free cores and memory (its web UI,"
                + " port 8080), or use --master local[N]" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    /** Returns the jars of {@code classPath}, a folder of classes packed into a jar of its own, as spark-submit takes them. */
    static List<String> jarsOf(String classPath) throws IOException {
        List<String> jars = new ArrayList<>();
        int packed = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p)) {
                jars.add(p.toString());
            } else if (Files.isDirectory(p)) {
                Path jar = dir.resolve("packed-" + (++packed) + ".jar");
                try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
                        Stream<Path> files = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        j.putNextEntry(new ZipEntry(p.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, j);
                        j.closeEntry();
                    }
                }
                jars.add(jar.toString());
            }
        }
        return jars;
    }
}
