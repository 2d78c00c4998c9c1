package io.github.drawnet.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J runs the backend's operations through {@link FencedOpExecutioner}, which keeps an operation's
 * own arrays alive through its native call (the contract's garbage-collection test is the stress
 * test of that; this one checks it is in place and computes as ND4J does).
 */
final class FencedOpExecutionerTest {

    @Test
    void backendLoaded_nd4jRunsOperationsThroughTheFencedExecutioner() {
        Dl4jBackend.ensureLoaded();
        assertThat(System.getProperty(Dl4jBackend.EXECUTIONER_PROPERTY)).isEqualTo(FencedOpExecutioner.class.getName());
        assertThat(Nd4j.getExecutioner()).isInstanceOf(FencedOpExecutioner.class);
        assertThat(Dl4jBackend.installFencedExecutioner()).isTrue();
    }

    /**
     * Broadcasts while the collector runs every millisecond, in a JVM of its own (a failure kills that
     * JVM, not the test run): ND4J's stock executioner crashed there within 2 to 7 s in four tries.
     */
    @Test
    void broadcastsWhileCollectorRuns_processSurvives() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m",
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "drawnet-race-hs_err_%p.log"), "-cp", System.getProperty("java.class.path"),
                CollectorRace.class.getName(), "8").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("executioner " + FencedOpExecutioner.class.getName()).containsPattern("survived \\d+ broadcasts");
    }

    @Test
    void operationsWithDimensions_computeAsNd4j() {
        Dl4jBackend.ensureLoaded();
        INDArray m = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        // a broadcast (the bias addition of a dense layer), a reduction and an index reduction along a dimension
        INDArray biased = m.dup().addiRowVector(Nd4j.createFromArray(new float[] {10, 20, 30}).reshape(1, 3));
        assertThat(biased.toFloatMatrix()).isEqualTo(new float[][] {{11, 22, 33}, {14, 25, 36}});
        assertThat(m.sum(0).toFloatVector()).containsExactly(5, 7, 9);
        assertThat(m.argMax(1).toLongVector()).containsExactly(2, 2);
        assertThat(m.mulColumnVector(Nd4j.createFromArray(new float[] {2, -1}).reshape(2, 1)).toFloatMatrix())
                .isEqualTo(new float[][] {{2, 4, 6}, {-4, -5, -6}});
    }
}
