package io.github.drawnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.bench.WholeProcessBenchmark.Options;
import io.github.drawnet.bench.WholeProcessBenchmark.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-process timing: the commands it runs, its alternation, its medians and its verdicts on the targets. */
final class WholeProcessBenchmarkTest {

    private static Options options(Path launcher, Path notebook, int rounds, List<String> cases, Path work) {
        return new Options(List.of(launcher.toString()), notebook, "/bin/sh", rounds, cases, work);
    }

    @Test
    void options_refuseUnknownCasesAndRoundsOutOfRange(@TempDir Path dir) {
        Path l = dir.resolve("drawnet");
        assertThatThrownBy(() -> options(l, null, 3, List.of("djl", "torch"), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown case 'torch'; valid: djl, dl4j, notebook, djl-e1, dl4j-e1, notebook-e1");
        assertThatThrownBy(() -> options(l, null, 0, List.of("djl"), dir)).hasMessage("rounds must be in [1, 50], got 0");
        assertThatThrownBy(() -> options(l, null, 51, List.of("djl"), dir)).hasMessage("rounds must be in [1, 50], got 51");
        assertThatThrownBy(() -> options(l, null, 1, List.of(), dir)).hasMessageStartingWith("no case to run");
    }

    @Test
    void command_runsTheLauncherOrTheNotebookWithTheSameDrawing(@TempDir Path dir) {
        Path nb = dir.resolve("seed_notebook_whole.py");
        WholeProcessBenchmark b = new WholeProcessBenchmark(options(Path.of("/x/drawnet"), nb, 1, List.of("djl"), dir),
                System.out);
        Path png = Path.of("/w/blob.png");
        Path out = Path.of("/w/out");
        assertThat(b.command("djl", png, out)).containsExactly("/x/drawnet", "run", "--backend", "djl", "--drawing",
                "/w/blob.png", "--out", "/w/out", "--force");
        assertThat(b.command("dl4j-e1", png, out)).containsExactly("/x/drawnet", "run", "--backend", "dl4j", "--drawing",
                "/w/blob.png", "--out", "/w/out", "--force", "--epochs", "1");
        // the notebook's script: drawing, epochs, hidden units, seed, output folder
        assertThat(b.command("notebook", png, out)).containsExactly("/bin/sh", nb.toString(), "/w/blob.png", "100", "4",
                "0", "/w/out");
        assertThat(b.command("notebook-e1", png, out)).containsExactly("/bin/sh", nb.toString(), "/w/blob.png", "1", "4",
                "0", "/w/out");
    }

    @Test
    void measure_alternatesCasesRotatingTheOrder_timesEachAndRemovesItsOutputs(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.txt");
        // a launcher that records its arguments, writes into --out, uses some CPU and memory, and fails on dl4j
        Path launcher = script(dir.resolve("drawnet"), "#!/bin/sh\n"
                + "echo \"$*\" >> " + calls + "\n"
                + "while [ $# -gt 0 ]; do case \"$1\" in --out) mkdir -p \"$2\"; echo x > \"$2/f\";; esac; shift; done\n"
                + "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done\n"
                + "case \"$(tail -1 " + calls + ")\" in *dl4j*) exit 3;; esac\n");
        Path notebook = script(dir.resolve("nb.sh"), "echo \"notebook $*\" >> " + calls + "\n"
                + "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done\n");
        Path work = dir.resolve("work");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Sample> samples = new WholeProcessBenchmark(options(launcher, notebook, 2, List.of("djl", "dl4j",
                "notebook"), work), new PrintStream(progress, true, StandardCharsets.UTF_8)).measure();

        assertThat(samples).extracting(s -> s.round() + ":" + s.name())
                .containsExactly("1:djl", "1:dl4j", "1:notebook", "2:dl4j", "2:notebook", "2:djl");
        assertThat(samples).allSatisfy(s -> assertThat(s.seconds()).isPositive());
        assertThat(samples).extracting(Sample::exit).containsExactly(0, 3, 0, 3, 0, 0);
        List<String> lines = Files.readAllLines(calls);
        // one untimed run first (the launcher's class-data archive), then the six
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("run --backend djl --drawing " + work.resolve("blob.png"));
        assertThat(lines.get(3)).isEqualTo("notebook " + work.resolve("blob.png") + " 100 4 0 " + work.resolve("notebook-1"));
        assertThat(Files.exists(work.resolve("blob.png"))).isTrue();
        assertThat(work.resolve("djl-1")).doesNotExist();
        assertThat(Files.readString(work.resolve("djl-1.log"))).isEmpty();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("round 2 dl4j ").contains("exit 3");
        if (Files.exists(Path.of("/proc/self/status"))) {
            assertThat(samples).allSatisfy(s -> assertThat(s.peakMib()).isGreaterThanOrEqualTo(0));
        }
    }

    @Test
    void measure_withoutTheNotebook_skipsItsCasesAndSaysSo(@TempDir Path dir) throws Exception {
        Path launcher = script(dir.resolve("drawnet"), "#!/bin/sh\nexit 0\n");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Sample> samples = new WholeProcessBenchmark(options(launcher, dir.resolve("missing.py"), 1,
                List.of("djl-e1", "notebook-e1"), dir.resolve("w")), new PrintStream(progress, true, StandardCharsets.UTF_8))
                .measure();
        assertThat(samples).extracting(Sample::name).containsExactly("djl-e1");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("The notebook: skipped (no script at "
                + dir.resolve("missing.py") + ")");
    }

    @Test
    void measure_untimedRunFails_stopsNamingItsLog(@TempDir Path dir) {
        Path launcher = script(dir.resolve("drawnet"), "#!/bin/sh\nexit 1\n");
        Path work = dir.resolve("w");
        assertThatThrownBy(() -> new WholeProcessBenchmark(options(launcher, null, 1, List.of("dl4j"), work),
                System.out).measure()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the untimed run of dl4j exited 1; its output: " + work.resolve("dl4j-0.log"));
    }

    @Test
    void median_middleValueOrMeanOfTheTwo_ignoringNaN() {
        assertThat(WholeProcessBenchmark.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(WholeProcessBenchmark.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(WholeProcessBenchmark.median(List.of(Double.NaN, 5.0))).isEqualTo(5.0);
        assertThat(WholeProcessBenchmark.median(List.of())).isNaN();
    }

    @Test
    void table_mediansRatiosAndVerdictsAgainstTheTargets() {
        List<Sample> s = new ArrayList<>();
        double[] nb = {10, 12, 11};
        double[] djl = {6, 5.5, 7};      // median 6: 6 / 11 = 0.55x: floor met, goal not
        double[] dl4j = {10, 9, 11};     // median 10: 0.91x: goal met
        double[] djl1 = {2.6, 2.7, 2.4}; // median 2.6 s: floor (2.5 s) missed
        double[] dl4j1 = {2.9, 3.0, 2.8}; // median 2.9 s: goal met
        for (int r = 0; r < 3; r++) {
            s.add(new Sample("notebook", r + 1, nb[r], 11, 290, 0));
            s.add(new Sample("djl", r + 1, djl[r], 9, 380 + r, 0));
            s.add(new Sample("dl4j", r + 1, dl4j[r], 30, 1100 + 10 * r, 0));
            s.add(new Sample("djl-e1", r + 1, djl1[r], 4, 360, 0));
            s.add(new Sample("dl4j-e1", r + 1, dl4j1[r], 5, 380, r == 2 ? 1 : 0));
        }
        String t = WholeProcessBenchmark.table(s);
        assertThat(t).contains("| case (median of 3) | seconds | min | max | CPU s | peak MiB | vs the notebook | exits |");
        assertThat(t).contains("| `drawnet run` on DJL | 6.00 | 5.50 | 7.00 | 9.0 | 381 | 0.55x | 0 |");
        assertThat(t).contains("| the notebook, 100 epochs and its 6 figures | 11.00 | 10.00 | 12.00 | 11.0 | 290 | 1x | 0 |");
        // no notebook of one epoch: no ratio
        assertThat(t).contains("| DL4J `--epochs 1` | 2.90 | 2.80 | 3.00 | 5.0 | 380 | - | 0,1 |");
        assertThat(t).contains("| `run`, default experiment, every output, vs the notebook | djl | 0.50x | 0.60x | 0.55x"
                + " | floor met, goal not |");
        assertThat(t).contains("| `run`, default experiment, every output, vs the notebook | dl4j | 1.00x | 1.50x | 0.91x"
                + " | goal met |");
        assertThat(t).contains("| `run --epochs 1` (start-up and outputs) | djl | 2.00 s | 2.50 s | 2.60 s | **floor missed** |");
        assertThat(t).contains("| `run --epochs 1` (start-up and outputs) | dl4j | 3.00 s | 4.00 s | 2.90 s | goal met |");
        assertThat(t).contains("| peak resident memory of `run` | dl4j | 1024 MiB | 1229 MiB | 1110 MiB | floor met, goal not |");
        assertThat(t).contains("| peak resident memory of `run` | djl | 500 MiB | 600 MiB | 381 MiB | goal met |");
    }

    @Test
    void table_withoutTheNotebook_ratioTargetsNotMeasured() {
        String t = WholeProcessBenchmark.table(List.of(new Sample("djl", 1, 8, 9, -1, 0)));
        assertThat(t).contains("| `drawnet run` on DJL | 8.00 | 8.00 | 8.00 | 9.0 | - | - | 0 |");
        assertThat(t).contains("| djl | 0.50x | 0.60x | - | not measured |");
        assertThat(t).contains("| peak resident memory of `run` | djl | 500 MiB | 600 MiB | - | not measured |");
    }

    @Test
    void highWaterKib_readsVmHwm_orMinusOne(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 999 kB\nVmHWM:\t  388012 kB\n");
        assertThat(WholeProcessBenchmark.highWaterKib(status)).isEqualTo(388012);
        assertThat(WholeProcessBenchmark.highWaterKib(dir.resolve("gone"))).isEqualTo(-1);
    }

    @Test
    void options_roundsFrom1To50_accepted(@TempDir Path dir) {
        assertThat(options(dir.resolve("d"), null, 1, List.of("djl"), dir).rounds()).isEqualTo(1);
        assertThat(options(dir.resolve("d"), null, 50, List.of("djl"), dir).rounds()).isEqualTo(50);
    }

    @Test
    void measure_timesTheProcess_elapsedCpuAndPeakMemoryInTheirUnits(@TempDir Path dir) throws Exception {
        // busy for a while, then asleep for 0.4 s: elapsed above 0.4 s, CPU below elapsed
        Path launcher = script(dir.resolve("drawnet"), "#!/bin/sh\ni=0; while [ $i -lt 100000 ]; do i=$((i+1)); done\n"
                + "sleep 0.4\n");
        List<Sample> samples = new WholeProcessBenchmark(options(launcher, null, 1, List.of("djl"), dir.resolve("w")),
                System.out).measure();
        Sample s = samples.get(0);
        assertThat(s.seconds()).isBetween(0.4, 30.0);
        assertThat(s.cpuSeconds()).isBetween(0.01, s.seconds());
        assertThat(s.peakMib()).isBetween(1L, 64L); // a shell's resident memory, in MiB (not KiB, not bytes)
    }

    @Test
    void measure_processPastTheLimit_killed(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.txt");
        // the untimed first run passes; the timed one hangs
        Path launcher = script(dir.resolve("drawnet"), "#!/bin/sh\necho x >> " + calls + "\n"
                + "[ $(wc -l < " + calls + ") -gt 1 ] && exec sleep 60\nexit 0\n");
        List<Sample> samples = new WholeProcessBenchmark(options(launcher, null, 1, List.of("djl"), dir.resolve("w")),
                System.out, java.time.Duration.ofMillis(500)).measure();
        assertThat(samples.get(0).exit()).isEqualTo(137); // SIGKILL
        assertThat(samples.get(0).seconds()).isBetween(0.5, 20.0);
    }

    @Test
    void measure_notebookFirstInTheCases_untimedRunIsStillTheLaunchers(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.txt");
        Path launcher = script(dir.resolve("drawnet"), "#!/bin/sh\necho \"drawnet $*\" >> " + calls + "\n");
        Path notebook = script(dir.resolve("nb.sh"), "echo \"notebook $*\" >> " + calls + "\n");
        new WholeProcessBenchmark(options(launcher, notebook, 1, List.of("notebook", "djl"), dir.resolve("w")),
                System.out).measure();
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("drawnet run --backend djl");
        assertThat(lines.get(1)).startsWith("notebook ");
    }

    @Test
    void run_findsTheNotebookBesideTheLaunchersFolder_printsTablesAndWritesJson(@TempDir Path dir) throws Exception {
        // <dir>/main/drawnet and <dir>/shared/anchor/seed_notebook_whole.py, as in a checkout beside ../shared
        Files.createDirectories(dir.resolve("main"));
        Files.createDirectories(dir.resolve("shared/anchor"));
        Path calls = dir.resolve("calls.txt");
        Path launcher = script(dir.resolve("main/drawnet"), "#!/bin/sh\necho \"drawnet $*\" >> " + calls + "\n");
        Files.writeString(dir.resolve("shared/anchor/seed_notebook_whole.py"), "echo \"notebook $*\" >> " + calls + "\n");
        Path json = dir.resolve("out/whole.json");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        WholeProcessBenchmark.run(launcher.toString(), null, "/bin/sh", 2, List.of("djl-e1", "notebook-e1"), json,
                new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = text.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("Whole processes, 2 rounds, " + Runtime.getRuntime().availableProcessors()
                + " cores, ").contains("| DJL `--epochs 1` |").contains("| the notebook, 1 epoch and its figures |");
        assertThat(Files.readAllLines(calls)).filteredOn(l -> l.startsWith("notebook")).hasSize(2);
        com.fasterxml.jackson.databind.JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile());
        assertThat(written.get("samples")).hasSize(4);
        assertThat(written.at("/samples/0/name").asText()).isEqualTo("djl-e1");
        assertThat(written.at("/samples/1/name").asText()).isEqualTo("notebook-e1");
        assertThat(written.at("/samples/2/name").asText()).isEqualTo("notebook-e1"); // the second round rotates
        assertThat(written.get("date").asText()).isEqualTo(java.time.LocalDate.now().toString());
    }

    @Test
    void run_badCase_refusedBeforeAnyFolderIsMade(@TempDir Path dir) throws Exception {
        String tmp = System.getProperty("java.io.tmpdir");
        long before;
        try (java.util.stream.Stream<Path> s = Files.list(Path.of(tmp))) {
            before = s.filter(p -> p.getFileName().toString().startsWith("drawnet-whole-" + ProcessHandle.current().pid()))
                    .count();
        }
        assertThatThrownBy(() -> WholeProcessBenchmark.run(dir.resolve("drawnet").toString(), null, "/bin/sh", 1,
                List.of("torch"), null, System.out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown case 'torch'");
        try (java.util.stream.Stream<Path> s = Files.list(Path.of(tmp))) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("drawnet-whole-"
                    + ProcessHandle.current().pid())).count()).isEqualTo(before);
        }
    }

    @Test
    void load_threeLoadAveragesOnLinux() {
        if (Files.exists(Path.of("/proc/loadavg"))) {
            assertThat(WholeProcessBenchmark.load()).matches("[0-9.]+ [0-9.]+ [0-9.]+");
        } else {
            assertThat(WholeProcessBenchmark.load()).isEqualTo("unknown");
        }
    }

    @Test
    void verdicts_atTheirBoundaries_andPeakZeroCounts() {
        WholeProcessBenchmark.Target t = new WholeProcessBenchmark.Target("x", "djl", 0.5, 0.6, "x");
        assertThat(t.verdict(0.5)).isEqualTo("goal met");
        assertThat(t.verdict(0.50001)).isEqualTo("floor met, goal not");
        assertThat(t.verdict(0.6)).isEqualTo("floor met, goal not");
        assertThat(t.verdict(0.60001)).isEqualTo("**floor missed**");
        assertThat(t.verdict(Double.NaN)).isEqualTo("not measured");
        assertThat(t.verdict(-1)).isEqualTo("not measured");
        assertThat(t.verdict(0)).isEqualTo("goal met");
        // a peak of 0 MiB is a measurement (rounded), -1 is none
        List<Sample> s = List.of(new Sample("djl", 1, 8, 9, 0, 0), new Sample("djl", 2, 8, 9, -1, 0),
                new Sample("djl", 3, 8, 9, 2, 0));
        String table = WholeProcessBenchmark.table(s);
        assertThat(table).contains("| `drawnet run` on DJL | 8.00 | 8.00 | 8.00 | 9.0 | 1 | - | 0 |");
        assertThat(WholeProcessBenchmark.table(List.of(new Sample("djl", 1, 8, 9, 0, 0))))
                .contains("| 9.0 | 0 | - |").contains("| peak resident memory of `run` | djl | 500 MiB | 600 MiB | 0 MiB | goal met |");
    }

    private static Path script(Path file, String text) {
        try {
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
