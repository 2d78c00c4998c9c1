package io.github.drawnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's machinery on the plain-Java backend: what it measures and how it shows it. */
final class EngineBenchmarkTest {

    @Test
    void measure_reference_figuresAreConsistent() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EngineBenchmark bench = new EngineBenchmark(Backends.discover(),
                new EngineBenchmark.Options(2, 1, List.of(), Path.of("no-such-anchor.py"), "/usr/bin/python3"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        DataSplits data = EngineBenchmark.notebookData();
        assertThat(data.train().size()).isEqualTo(5000);
        Map<String, EngineBenchmark.Figures> figures = bench.measure(List.of("reference"), data);
        EngineBenchmark.Figures f = figures.get("reference");
        assertThat(f.id()).isEqualTo("reference");
        assertThat(f.engine()).startsWith("Java ");
        assertThat(f.trainSeconds()).isPositive().isGreaterThan(f.validationSeconds());
        // 2 epochs of 209 steps: the per-step time is the training time less validation, per step
        assertThat(f.stepMicros()).isCloseTo((f.trainSeconds() - f.validationSeconds()) / 418 * 1e6,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(f.gridMillis()).isPositive();
        assertThat(f.testAccuracy()).isBetween(0.5, 1.0);
        assertThat(f.startupMillis()).isEqualTo(-1);
        assertThat(f.peakMiB()).isEqualTo(-1);
        assertThat(bench.runAnchor()).isNull();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Measuring reference ...")
                .contains("PyTorch anchor: skipped (no no-such-anchor.py)");
        assertThatThrownBy(() -> bench.measure(List.of("torch"), data))
                .hasMessageStartingWith("unknown backend 'torch'");
    }

    @Test
    void table_rowsPerFigure_ratiosToTheNotebook() throws Exception {
        Map<String, EngineBenchmark.Figures> r = new LinkedHashMap<>();
        r.put("djl", new EngineBenchmark.Figures("djl", "2.7.1", 2.0, 0.5, 7.5, 12.34, 0.9665, 1500, 480));
        r.put("reference", new EngineBenchmark.Figures("reference", "Java", 0.25, 0.05, 1.0, 3.0, 0.9665, -1, -1));
        var pytorch = new ObjectMapper().readTree("{\"torch\":\"1.13\",\"train_s\":4.0,\"grid_s\":0.02,"
                + "\"per_epoch_ms\":41.8,\"test_acc_binary\":0.967}");
        String t = EngineBenchmark.table(r, pytorch);
        assertThat(t).contains("| figure | djl | reference | PyTorch 1.13 (notebook) |");
        assertThat(t).contains("| training, the default experiment (s) | 2.00 | 0.25 | 4.00 |");
        assertThat(t).contains("| ratio to the notebook's PyTorch | 0.50x | 0.06x | 1x |");
        assertThat(t).contains("| 256 x 256 grid pass, output and hidden units (ms) | 12.3 | 3.0 | 20.0 |");
        assertThat(t).contains("| JVM start to first epoch of ./drawnet run (s) | 1.50 | - | - |");
        assertThat(t).contains("| peak resident memory of ./drawnet run (MiB) | 480 | - | - |");
        assertThat(t).contains("| test accuracy | 0.9665 | 0.9665 | 0.9670 |");
        String alone = EngineBenchmark.table(r, null);
        assertThat(alone).doesNotContain("PyTorch").doesNotContain("ratio");
        assertThat(alone.lines().count()).isEqualTo(t.lines().count() - 1);
    }

    @Test
    void measure_freshRunAndAnchor_parsedFromTheirOutput(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // stand-ins for 'java ... Main run ...' and for the notebook's PyTorch script: what they print is parsed
        List<String> fresh = List.of("/bin/sh", "-c", "echo 'Epoch 1/2'; echo '" + EngineBenchmark.STARTUP_LINE
                + "1234 ms'; echo '" + EngineBenchmark.PEAK_LINE + "567 MiB'", "Main");
        Path anchor = java.nio.file.Files.writeString(dir.resolve("anchor.py"), "ignored");
        Path python = java.nio.file.Files.writeString(dir.resolve("python"), "#!/bin/sh\necho 'loading torch'\n"
                + "echo '{\"torch\": \"9.9\", \"train_s\": 4.5, \"epochs\": '\"$3\"'}'\n");
        python.toFile().setExecutable(true);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EngineBenchmark bench = new EngineBenchmark(Backends.discover(),
                new EngineBenchmark.Options(1, 1, fresh, anchor, python.toString()),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        // the reference backend needs no fresh JVM: only engines are measured that way
        assertThat(bench.measure(List.of("reference"), EngineBenchmark.notebookData()).get("reference").startupMillis())
                .isEqualTo(-1);
        var anchorRun = bench.runAnchor();
        assertThat(anchorRun.path("torch").asText()).isEqualTo("9.9");
        assertThat(anchorRun.path("train_s").asDouble()).isEqualTo(4.5);
        assertThat(anchorRun.path("epochs").asInt()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Measuring the notebook's PyTorch code");
        java.nio.file.Files.writeString(python, "#!/bin/sh\necho 'no torch here'\nexit 3\n");
        assertThat(bench.runAnchor()).isNull();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("PyTorch anchor: skipped (no torch here)");
    }

    @Test
    void freshRun_startupAndPeakRead_failureReported() throws Exception {
        EngineBenchmark.Figures f = new EngineBenchmark(Backends.discover(), new EngineBenchmark.Options(1, 1,
                List.of("/bin/sh", "-c", "echo '" + EngineBenchmark.STARTUP_LINE + "1234 ms'; echo '"
                        + EngineBenchmark.PEAK_LINE + "567 MiB'", "Main"), null, "python3"), System.out)
                .measure(List.of("reference"), EngineBenchmark.notebookData()).get("reference");
        assertThat(f.peakMiB()).isEqualTo(-1); // the reference backend is never run in a fresh JVM
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EngineBenchmark failing = new EngineBenchmark(Backends.of(new FakeEngine()), new EngineBenchmark.Options(1, 1,
                List.of("/bin/sh", "-c", "echo 'it broke'; exit 2", "Main"), null, "python3"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(failing.freshRun("engine")).containsExactly(-1L, -1L);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("(the fresh run of engine failed: it broke)");
        EngineBenchmark working = new EngineBenchmark(Backends.of(new FakeEngine()), new EngineBenchmark.Options(1, 1,
                List.of("/bin/sh", "-c", "echo '" + EngineBenchmark.STARTUP_LINE + "1234 ms'; echo '"
                        + EngineBenchmark.PEAK_LINE + "567 MiB'", "Main"), null, "python3"), System.out);
        assertThat(working.freshRun("engine")).containsExactly(1234L, 567L);
    }

    @Test
    void sweep_serialAndParallel_identical() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EngineBenchmark bench = new EngineBenchmark(Backends.discover(), new EngineBenchmark.Options(2, 1, List.of(),
                null, "python3"), new PrintStream(log, true, StandardCharsets.UTF_8));
        bench.sweep("reference", EngineBenchmark.notebookData());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Sweep of 8 cells on reference (2 epochs each)")
                .contains("results identical");
    }

    /** An engine-like backend for the fresh-run path (never trained here). */
    static final class FakeEngine implements io.github.drawnet.api.spi.Backend {
        private final io.github.drawnet.api.spi.Backend reference = Backends.discover().get("reference");

        @Override
        public String id() {
            return "engine";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public String displayName() {
            return "engine";
        }

        @Override
        public String engineVersion() {
            return "1";
        }

        @Override
        public io.github.drawnet.api.Model newModel(io.github.drawnet.api.NetworkSpec spec,
                io.github.drawnet.api.Parameters initial) {
            return reference.newModel(spec, initial);
        }

        @Override
        public io.github.drawnet.api.Trainer newTrainer(io.github.drawnet.api.Model model,
                io.github.drawnet.api.TrainingConfig config, io.github.drawnet.api.Dataset train,
                io.github.drawnet.api.Dataset validation) {
            return reference.newTrainer(model, config, train, validation);
        }
    }

    @Test
    void options_outOfRange_refused() {
        assertThatThrownBy(() -> new EngineBenchmark.Options(0, 1, List.of(), null, "python3"))
                .hasMessage("epochs must be in [1, 100000], got 0");
        assertThatThrownBy(() -> new EngineBenchmark.Options(1, 21, List.of(), null, "python3"))
                .hasMessage("repeat must be in [1, 20], got 21");
    }

    @Test
    void peakResidentMemory_readFromProc() {
        long mib = EngineBenchmark.peakResidentMiB();
        assertThat(mib).isGreaterThan(10).isLessThan(64 * 1024);
    }

    /** The benchmark's data come from the library run, and are the notebook's: the same points sampled alone. */
    @Test
    void notebookInputs_theLibraryRunsReadingOfTheBlob_theNotebooksPointsAndNetwork() {
        io.github.drawnet.run.RunInputs inputs = EngineBenchmark.notebookInputs();
        DataSplits alone = io.github.drawnet.sampling.Sampler.sample(io.github.drawnet.sampling.Preset.BLOB.drawing(),
                io.github.drawnet.api.SampleSizes.notebook(), 0);
        assertThat(inputs.drawingSource()).isEqualTo("built-in preset");
        assertThat(inputs.drawing().name()).isEqualTo("blob");
        assertThat(inputs.data().provenance()).isEqualTo(alone.provenance());
        assertThat(inputs.data().train().size()).isEqualTo(5000);
        for (int i = 0; i < 5000; i += 997) {
            assertThat(inputs.data().train().x1(i)).isEqualTo(alone.train().x1(i));
            assertThat(inputs.data().train().label(i)).isEqualTo(alone.train().label(i));
        }
        assertThat(inputs.spec()).isEqualTo(io.github.drawnet.api.NetworkSpec.notebook());
        assertThat(EngineBenchmark.notebookData().provenance()).isEqualTo(alone.provenance());
    }

    @Test
    void freshRunCommand_thisJavaItsClassPath_thenTheMainClass() {
        List<String> cmd = EngineBenchmark.freshRunCommand("x.Main");
        assertThat(cmd.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(cmd.subList(cmd.size() - 3, cmd.size())).containsExactly("-cp",
                System.getProperty("java.class.path"), "x.Main");
        assertThat(cmd).noneMatch(a -> a.contains("Archive"));
    }
}
