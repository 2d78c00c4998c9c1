package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.BackendUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Faults during and around training: a clear line, the right exit code, what ran is kept. */
final class FaultsTest {

    static final String[] SMALL = {"--train-size", "500", "--val-size", "100", "--test-size", "200"};

    static String[] args(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void run_learningRateSoLargeTheLossOverflows_stopsAtThatEpochExit4HistoryKept(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run(args(new String[] {"run", "--optimizer", "sgd", "--lr", "1e37", "--epochs",
            "10", "--out", out.toString()}, SMALL));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.err()).isEqualTo("drawnet run: training stopped at epoch 1: the training loss became Infinity;"
                + " try a learning rate smaller than 1.0E37" + System.lineSeparator());
        assertThat(r.out()).doesNotContain("training stopped");
        assertThat(r.out().lines().filter(l -> l.startsWith("Epoch "))).hasSize(1);
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/training/stopReason").asText()).isEqualTo("DIVERGED");
        assertThat(metrics.at("/history").size()).isEqualTo(1);
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }

    /**
     * README, "Errors and limits": exit 4 when a loss becomes NaN, the epochs up to there kept and reported.
     * (The NaN parameters once made metrics.json refuse them after training: exit 2 and an empty folder.)
     */
    @Test
    void run_learningRateSoLargeTheParametersBecomeNaN_exit4HistoryKept(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run(args(new String[] {"run", "--optimizer", "sgd", "--lr", "1e300", "--epochs",
            "2", "--out", out.toString()}, SMALL));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.err()).startsWith("drawnet run: training stopped at epoch 1: ");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/training/stopReason").asText()).isEqualTo("DIVERGED");
        assertThat(out.resolve("history.csv")).isNotEmptyFile();
    }

    @Test
    void run_outputFolderIsAFile_exit5BeforeTraining(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliRunner.Result r = CliRunner.run(args(new String[] {"run", "--out", file.toString()}, SMALL));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).isEqualTo("drawnet run: output folder " + file + " is a file; give a folder with --out"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void run_outputFolderUnderAFile_exit5(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliRunner.Result r = CliRunner.run(args(new String[] {"run", "--out", file.resolve("sub").toString()}, SMALL));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).startsWith("drawnet run: cannot create output folder " + file.resolve("sub") + ": ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void run_saveIntoAFolder_exit5BeforeTraining(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run(args(new String[] {"run", "--save", dir.toString(), "--out",
            dir.resolve("o").toString()}, SMALL));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).isEqualTo("drawnet run: cannot save to " + dir + ": it is a folder; give a file name"
                + System.lineSeparator());
        assertThat(r.out()).doesNotContain("Epoch");
    }

    @Test
    void backendUnavailable_oneLineNamingIt_exit3_stackTraceOnlyWhenVerbose() {
        BackendUnavailableException e = new BackendUnavailableException("djl",
                "backend djl is unavailable: failed to load the PyTorch native library (libtorch.so: cannot open);"
                        + " try --backend dl4j", new UnsatisfiedLinkError("libtorch.so"));
        CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create().name("run"));
        for (boolean verbose : new boolean[] {false, true}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.fail(e, cl, new PrintStream(err, true, StandardCharsets.UTF_8), verbose);
            String text = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
            assertThat(text).startsWith("drawnet run: backend djl is unavailable: failed to load the PyTorch native"
                    + " library (libtorch.so: cannot open); try --backend dl4j" + System.lineSeparator());
            assertThat(text.contains("\tat ")).isEqualTo(verbose);
        }
    }

    /** Runs the command line in a JVM of its own, with extra JVM options; returns {exit code, stdout, stderr}. */
    static Object[] runInOwnJvm(Path dir, List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Ddrawnet.log.file=" + dir.resolve("log.txt")));
        cmd.addAll(jvmOptions);
        cmd.add("io.github.drawnet.app.Main");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Object[] {p.exitValue(), Files.readString(dir.resolve("stdout.txt")),
            Files.readString(dir.resolve("stderr.txt"))};
    }

    /** The real engine failing to load: DJL told to unpack PyTorch where no folder can be made. */
    @Test
    void djlNativeLibraryFailsToLoad_oneLineNamingItAndPointingAtDl4j_exit3(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Object[] r = runInOwnJvm(dir, List.of("-DENGINE_CACHE_DIR=" + file.resolve("cache")), args(new String[] {
            "run", "--backend", "djl", "--out", dir.resolve("o").toString()}, SMALL));
        assertThat(r[0]).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
        assertThat((String) r[2]).startsWith("drawnet run: backend djl is unavailable: failed to load the PyTorch native"
                + " library (").endsWith("; try --backend dl4j" + System.lineSeparator());
        assertThat(((String) r[2]).lines()).hasSize(1);
        assertThat((String) r[1]).isEmpty();
    }

    /** The real engine failing to load: ND4J told to look for another platform's native library. */
    @Test
    void dl4jNativeLibraryFailsToLoad_oneLineNamingItAndPointingAtDjl_exit3(@TempDir Path dir) throws Exception {
        Object[] r = runInOwnJvm(dir, List.of("-Dorg.bytedeco.javacpp.platform=windows-x86_64"), args(new String[] {
            "run", "--backend", "dl4j", "--out", dir.resolve("o").toString()}, SMALL));
        assertThat(r[0]).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
        assertThat((String) r[2]).startsWith("drawnet run: backend dl4j is unavailable: failed to load the ND4J native"
                + " library (").endsWith("; try --backend djl" + System.lineSeparator());
        assertThat(((String) r[2]).lines()).hasSize(1);
        assertThat((String) r[1]).isEmpty();
    }

    /** Linux on RISC-V, where neither engine publishes a native library (simulated: {@code drawnet.platform}). */
    static final String RISC_V = "-Ddrawnet.platform=linux-riscv64";

    @Test
    void run_noEngineRunsOnThisPlatform_trainsOnTheReferenceBackend_saysSoInOneLine(@TempDir Path dir)
            throws Exception {
        Object[] r = runInOwnJvm(dir, List.of(RISC_V), args(new String[] {"run", "--epochs", "2", "--formats",
            "none", "--no-report", "--out", dir.resolve("o").toString()}, SMALL));
        assertThat((String) r[2]).isEqualTo("drawnet run: djl and dl4j cannot run on linux-riscv64 (no native library"
                + " for it); using backend reference: plain-Java reference network (double precision)"
                + System.lineSeparator());
        assertThat(r[0]).isEqualTo(ExitCodes.OK);
        assertThat((String) r[1]).contains("Backend: reference (Java ").contains("Accuracy on the test set: ");
        assertThat(new ObjectMapper().readTree(dir.resolve("o/metrics.json").toFile()).toString())
                .contains("\"reference\"");
    }

    @ParameterizedTest
    @CsvSource({"djl, PyTorch 2.7.1", "dl4j, ND4J 1.0.0-M2.1"})
    void run_namedEngineCannotRunOnThisPlatform_refusalNamesTheReferenceBackend_exit3(String backend, String engine,
            @TempDir Path dir) throws Exception {
        Object[] r = runInOwnJvm(dir, List.of(RISC_V), args(new String[] {"run", "--backend", backend, "--out",
            dir.resolve("o").toString()}, SMALL));
        assertThat((String) r[2]).isEqualTo("drawnet run: backend " + backend + " is unavailable: " + engine
                + " publishes no native library for linux-riscv64; use --backend reference, which runs there"
                + System.lineSeparator());
        assertThat(r[0]).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
        assertThat((String) r[1]).isEmpty();
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
