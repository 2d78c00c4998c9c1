package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drawnet grade --engine spark} as the launcher runs it: a JVM of its own with Spark's flags and
 * the class path the launcher builds (spark/target/spark-lib first, the spark module, then the app's),
 * in Spark's local mode with two task threads, against {@code --engine local} in this JVM: the same
 * grades.csv on DJL and DL4J, every column but seconds. Skipped, visibly, when the spark module has
 * not been packaged (a build that stops before the package phase, such as {@code mvn test}).
 */
final class GradeSparkTest {

    @TempDir
    Path dir;

    static Path sparkDir() {
        Path spark = Path.of(System.getProperty("drawnet.spark.dir", "../spark/target"));
        assumeTrue(Files.isRegularFile(spark.resolve("spark-lib/jvm.options"))
                && Files.isRegularFile(spark.resolve("drawnet-spark.jar")),
                "the spark module is not packaged (" + spark + "); run mvn package or verify");
        return spark;
    }

    /**
     * Runs the command line as the launcher does for --engine spark; returns exit code, stdout and
     * stderr. With {@code trace}, under {@code strace -f -e trace=connect} writing to that file.
     */
    static CliRunner.Result launch(Path dir, Path trace, String... args) throws IOException, InterruptedException {
        // as the launcher sets it for local mode
        return finish(start(dir, trace, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), args));
    }

    /** A command line started in a JVM of its own, its stdout and stderr going to files. */
    record Started(Process process, Path out, Path err) {

        String outSoFar() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }
    }

    /** Starts the command line as the launcher does for --engine spark, with {@code env} added to this environment. */
    static Started start(Path dir, Path trace, Map<String, String> env, String... args) throws IOException {
        Path spark = sparkDir();
        List<String> command = new ArrayList<>();
        if (trace != null) {
            command.addAll(List.of("strace", "-f", "-qq", "-e", "trace=connect", "-o", trace.toString()));
        }
        command.add(java());
        command.add("-Xmx2g");
        command.addAll(Arrays.asList(Files.readString(spark.resolve("spark-lib/jvm.options")).trim().split("\\s+")));
        command.addAll(List.of("-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Ddrawnet.log.file=" + dir.resolve("spark.log"), "-cp",
                spark.resolve("spark-lib") + File.separator + "*" + File.pathSeparator + spark.resolve("drawnet-spark.jar")
                        + File.pathSeparator + testClassPath(),
                Main.class.getName()));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        return new Started(pb.start(), out, err);
    }

    /** Waits for {@code started} to end (at most 240 s) and returns its exit code, stdout and stderr. */
    static CliRunner.Result finish(Started started) throws IOException, InterruptedException {
        Process p = started.process();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the spark run did not end in 240 s");
        }
        return new CliRunner.Result(p.exitValue(), Files.readString(started.out(), StandardCharsets.UTF_8),
                Files.readString(started.err(), StandardCharsets.UTF_8));
    }

    /** Returns this JVM's java binary. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Returns the app's test class path: its classes and every module and library it depends on. */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    @Test
    void grade_sparkAndLocal_sameGradesCsvOnDjlAndDl4j_exceptSeconds() throws Exception {
        sparkDir();
        Path folder = GradeDrawings.folder(dir.resolve("class"));
        String[] common = GradeDrawings.concat(new String[] {"grade", folder.toString()}, GradeDrawings.SMALL);
        common = GradeDrawings.concat(common, "--backend", "djl,dl4j", "--parallel", "2");

        CliRunner.Result local = CliRunner.run(GradeDrawings.concat(common, "--engine", "local", "--out",
                dir.resolve("local").toString()));
        assertThat(local.exitCode()).as(local.err()).isZero();
        // under strace when it is installed (.ci/run installs it): Spark's local mode contacts nothing beyond loopback
        Path trace = NetworkContactTest.straceAvailable() ? dir.resolve("spark.strace") : null;
        CliRunner.Result spark = launch(dir, trace, GradeDrawings.concat(common, "--engine", "spark", "--out",
                dir.resolve("spark").toString()));
        assertThat(spark.exitCode()).as(spark.out() + spark.err()).isZero();
        assertThat(spark.out()).contains("Grading 12 cells: 6 drawings from " + folder + " x 2 backends x 1 setting;"
                + " engine spark (local[2])").contains(": 10 trained, 2 failed, 0 diverged");
        List<String> sparkRows = GradeDrawings.withoutSeconds(dir.resolve("spark/grades.csv"));
        assertThat(sparkRows).hasSize(13).isEqualTo(GradeDrawings.withoutSeconds(dir.resolve("local/grades.csv")));
        assertThat(sparkRows.get(9)).startsWith("9,cy/broken.png,djl,").contains(",failed,drawing broken.png is not a");
        assertThat(sparkRows.get(10)).startsWith("10,cy/broken.png,dl4j,");
        assertThat(Files.readString(dir.resolve("spark/grades.html"))).contains("engine spark");
        if (trace != null) {
            String connects = Files.readString(trace);
            assertThat(NetworkContactTest.foreignAddresses(connects)).as("addresses beyond loopback contacted").isEmpty();
        }
    }

    @Test
    void sweep_sparkAndLocal_sameSweepCsv_exceptSeconds() throws Exception {
        sparkDir();
        String[] grid = {"sweep", "--preset", "ring", "--train-size", "300", "--val-size", "100", "--test-size", "400",
            "--hidden", "2;6", "--lr", "0.01,0.1", "--epochs", "3", "--backend", "reference,djl", "--parallel", "2"};
        CliRunner.Result local = CliRunner.run(GradeDrawings.concat(grid, "--out", dir.resolve("sl").toString()));
        assertThat(local.exitCode()).as(local.err()).isZero();
        CliRunner.Result spark = launch(dir, null, GradeDrawings.concat(grid, "--engine", "spark", "--out",
                dir.resolve("ss").toString()));
        assertThat(spark.exitCode()).as(spark.out() + spark.err()).isZero();
        assertThat(spark.out()).contains("Sweep: 8 cells over backend, hidden, lr on drawing ring;")
                .contains("engine spark (local[2])").containsPattern("Best cell: \\d \\(backend=\\w+ hidden=\\d lr=");
        List<String> sparkRows = SweepCommandTest.rowsWithoutTime(dir.resolve("ss/sweep.csv"));
        assertThat(sparkRows).hasSize(9).isEqualTo(SweepCommandTest.rowsWithoutTime(dir.resolve("sl/sweep.csv")));
        assertThat(dir.resolve("ss/grades.html")).isNotEmptyFile();
    }
}
