package io.github.drawnet.bench;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH measurements of the inner loops, per backend: one epoch of optimizer steps on the notebook's
 * data (209 steps of 24 points; the validation set is 50 points, so nearly all of it is steps),
 * and the 256 x 256 grid pass that feeds the unit maps. Run with {@code drawnet bench --jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
public class InnerLoopBenchmark {

    /** The backend measured. */
    @Param({"djl", "dl4j", "reference"})
    public String backend;

    private Experiment experiment;
    private Dataset grid;

    /** Makes the model and its trainer on the notebook's data. */
    @Setup(Level.Trial)
    public void setUp() {
        DataSplits data = Sampler.sample(Preset.BLOB.drawing(), new SampleSizes(5000, 50, 50), 0);
        experiment = Experiment.start(Backends.discover().get(backend), Preset.BLOB.drawing(), data,
                NetworkSpec.notebook(), TrainingConfig.notebook());
        grid = Dataset.grid(256);
    }

    /** Releases the engine's memory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        experiment.close();
    }

    /** One epoch: 209 optimizer steps. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object epochOf209Steps() {
        return experiment.train(1, TrainingListener.NONE);
    }

    /** The output and every hidden unit over a 256 x 256 grid, in one forward pass. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ForwardPass gridPass() {
        return experiment.model().forward(grid);
    }

    /**
     * Returns the folder of JMH's jars that the build copies beside the jar (or classes folder) {@code type} was
     * loaded from: {@code target/jmh-lib}. It may not exist.
     */
    public static java.nio.file.Path jmhLibBeside(Class<?> type) {
        java.nio.file.Path location = java.nio.file.Paths.get(type.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        return location.getParent().resolve("jmh-lib");
    }

    /**
     * Runs these benchmarks under JMH in a JVM of its own, whose class path adds the JMH jars in
     * {@code jmhLib} (JMH is not on the command line's own path), for the given backends; returns
     * JMH's exit code.
     *
     * @param jmhLib the folder of JMH's jars
     * @param backends the backends measured
     * @return the exit code of JMH's process
     * @throws java.io.IOException when the JVM cannot start
     * @throws InterruptedException when interrupted while waiting for it
     */
    public static int runInOwnJvm(java.nio.file.Path jmhLib, java.util.List<String> backends)
            throws java.io.IOException, InterruptedException {
        java.util.List<String> cmd = java.util.List.of(
                java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path") + java.io.File.pathSeparator + jmhLib.resolve("*"),
                "org.openjdk.jmh.Main", InnerLoopBenchmark.class.getName(), "-p", "backend=" + String.join(",", backends),
                "-f", "1", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s",
                "-jvmArgsAppend", "-Xmx1g -Djava.awt.headless=true -Ddrawnet.log.file="
                        + java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"), "drawnet-jmh.log"));
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }
}
