package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --engine spark}'s failures end in one line with an exit code, leaving nothing in {@code --out}: a
 * malformed master (refused before Spark starts, so in this JVM), a master nothing listens at (a JVM of its own,
 * as the launcher runs it), and a diverged cell, exit 4 as with the local engine.
 */
final class SparkFailureTest {

    private static final String FORMS = "local, local[N], local[N,F] (F tries per cell), local[*] or"
            + " spark://HOST:PORT[,HOST:PORT...]";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "local[0]", "yarn", "", "spark://nohost", "spark://h:99999", "local[4,0]"})
    void gradeAndSweep_malformedMaster_exit2OneLineNamingIt_nothingInOut(String master) throws IOException {
        Path drawings = GradeDrawings.folder(dir.resolve("class"));
        Path out = dir.resolve("out");
        CliRunner.Result grade = CliRunner.run("grade", drawings.toString(), "--engine", "spark", "--master", master,
                "--out", out.toString());
        assertThat(grade.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(grade.err()).isEqualTo("drawnet grade: --master must be " + FORMS + ", got '" + master + "'"
                + System.lineSeparator());
        assertThat(grade.out()).isEmpty();
        assertThat(out).doesNotExist();

        CliRunner.Result sweep = CliRunner.run("sweep", "--engine", "spark", "--master", master, "--out", out.toString());
        assertThat(sweep.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sweep.err()).isEqualTo("drawnet sweep: --master must be " + FORMS + ", got '" + master + "'"
                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spark.executor.memory", "executor.memory=2g", "=1"})
    void gradeAndSweep_malformedConf_exit2OneLineNamingIt_nothingInOut(String pair) throws IOException {
        Path drawings = GradeDrawings.folder(dir.resolve("class"));
        Path out = dir.resolve("out");
        String line = "--conf must be KEY=VALUE with a Spark setting's key (spark.*), e.g. spark.executor.memory=2g;"
                + " got '" + pair + "'" + System.lineSeparator();
        CliRunner.Result grade = CliRunner.run("grade", drawings.toString(), "--engine", "spark", "--conf",
                "spark.ui.enabled=false", "--conf", pair, "--out", out.toString());
        assertThat(grade.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(grade.err()).isEqualTo("drawnet grade: " + line);
        assertThat(grade.out()).isEmpty();
        CliRunner.Result sweep = CliRunner.run("sweep", "--engine", "spark", "--conf", pair, "--out", out.toString());
        assertThat(sweep.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sweep.err()).isEqualTo("drawnet sweep: " + line);
        assertThat(out).doesNotExist();
    }

    @Test
    void gradeAndSweep_confWithoutSparkEngine_exit2() throws IOException {
        Path drawings = GradeDrawings.folder(dir.resolve("class"));
        CliRunner.Result grade = CliRunner.run("grade", drawings.toString(), "--conf", "spark.executor.memory=2g");
        assertThat(grade.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(grade.err()).isEqualTo("drawnet grade: --conf is for --engine spark; add --engine spark or drop"
                + " --conf" + System.lineSeparator());
        CliRunner.Result sweep = CliRunner.run("sweep", "--conf", "spark.executor.memory=2g");
        assertThat(sweep.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sweep.err()).isEqualTo("drawnet sweep: --conf is for --engine spark; add --engine spark or drop"
                + " --conf" + System.lineSeparator());
    }

    @Test
    void grade_badMasterTimeout_exit2() {
        CliRunner.Result r = CliRunner.run("grade", dir.toString(), "--engine", "spark", "--master",
                "spark://127.0.0.1:7077", "--master-timeout", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("drawnet grade: --master-timeout must be ");
    }

    @Test
    void grade_masterNothingListensAt_exit3OneLineWithinTheTimeout_nothingInOut() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path drawings = GradeDrawings.folder(dir.resolve("class"));
        Path out = dir.resolve("out");
        String master = "spark://127.0.0.1:" + port;
        long start = System.nanoTime();
        CliRunner.Result r = GradeSparkTest.launch(dir, null, GradeDrawings.concat(new String[] {"grade",
            drawings.toString(), "--engine", "spark", "--master", master, "--master-timeout", "3", "--out",
            out.toString()}, GradeDrawings.SMALL));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
        assertThat(r.err()).isEqualTo("drawnet grade: cannot reach the Spark master " + master + " within 3 s; check"
                + " that it runs and listens there (start-master.sh), or use --master local[N]" + System.lineSeparator());
        assertThat(out).doesNotExist();
        assertThat(seconds).as("a guard against hanging, not a timing").isLessThan(120);
    }

    @Test
    void gradeAndSweep_sparkEngine_divergedCell_exit4NamingIt() throws Exception {
        Path drawings = GradeDrawings.folder(dir.resolve("class"));
        String[] grade = GradeDrawings.concat(new String[] {"grade", drawings.toString(), "--lr", "1e30", "--parallel",
            "1", "--backend", "reference"}, GradeDrawings.SMALL);
        CliRunner.Result local = CliRunner.run(GradeDrawings.concat(grade, "--out", dir.resolve("gl").toString()));
        assertThat(local.exitCode()).as(local.err()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(local.err()).startsWith("drawnet grade: cell 1 (");
        CliRunner.Result spark = GradeSparkTest.launch(dir, null, GradeDrawings.concat(grade, "--engine", "spark",
                "--out", dir.resolve("gs").toString()));
        assertThat(spark.exitCode()).as(spark.err()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(spark.err()).isEqualTo(local.err());
        assertThat(dir.resolve("gs/grades.csv")).isNotEmptyFile();

        String[] sweep = {"sweep", "--preset", "ring", "--train-size", "200", "--val-size", "50", "--test-size", "100",
            "--lr", "0.1;1e30", "--epochs", "2", "--backend", "reference", "--parallel", "1"};
        CliRunner.Result sweepLocal = CliRunner.run(GradeDrawings.concat(sweep, "--out", dir.resolve("sl").toString()));
        assertThat(sweepLocal.exitCode()).as(sweepLocal.err()).isEqualTo(ExitCodes.DIVERGED);
        CliRunner.Result sweepSpark = GradeSparkTest.launch(dir, null, GradeDrawings.concat(sweep, "--engine", "spark",
                "--out", dir.resolve("ss").toString()));
        assertThat(sweepSpark.exitCode()).as(sweepSpark.err()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(sweepSpark.err()).startsWith("drawnet sweep: cell 2 (lr=").isEqualTo(sweepLocal.err());
        assertThat(Files.readString(dir.resolve("ss/sweep.csv"))).contains("diverged");
    }
}
