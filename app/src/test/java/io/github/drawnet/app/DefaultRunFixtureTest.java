package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drawnet run} with no options gives, epoch for epoch, the committed seed-0 {@code
 * metrics.json} (see {@code fixtures/README.md}): the same settings, data, accuracies and test
 * figures exactly, and the same losses and parameters within bounds measured across CPUs.
 *
 * <p>Why bounds, and these: PyTorch picks its kernels by the CPU's vector units, so float sums differ
 * in their last bits from one CPU to another, and 20,900 Adam steps carry that drift into the learned
 * parameters. Measured on 2026-12-07 (AMD EPYC with AVX-512, DJL 0.36.0, PyTorch 2.7.1) against this
 * fixture (written on an Intel Xeon), each of PyTorch's kernel sets chosen by {@code
 * ATEN_CPU_CAPABILITY}: parameters at most 1.2e-5 away ({@code avx512}, the CPU's own), 1.5e-5 ({@code
 * avx2}), 2.9e-5 ({@code default}); losses at most 4.9e-8, 1.2e-7 and 1.03e-6; every accuracy, and
 * the test counts, equal. The bounds are {@value #PARAMETER_BOUND} and {@value #LOSS_BOUND}: 3.5 and 5
 * times the largest drift seen. Wrong code stays far beyond them (the same day, by hand, each change
 * planted in {@code DjlTrainer} or given as an option): Adam's epsilon 1e-7 instead of 1e-8 moves the
 * parameters by 6.8e-3, one step of the 20,900 skipped by 1.7e-3 (the 20,000th) to 0.19 (the 10th),
 * the learning rate 0.01001 by 1.9e-2, a weight decay of 1e-7 by 2.2e-2. The last two are tests here.
 *
 * <p>An accuracy may differ by one point per epoch: a point whose logit lies within the drift of zero
 * could change sides on some CPU, though none did on any kernel set measured. The test set's figures
 * are exact: the README promises {@code 0.9665}.
 */
final class DefaultRunFixtureTest {

    /** The largest difference allowed in any learned weight or bias; the reason is in the class javadoc. */
    static final double PARAMETER_BOUND = 1e-4;
    /** The largest difference allowed in any epoch's training or validation loss, and the test loss. */
    static final double LOSS_BOUND = 5e-6;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode expected;

    @BeforeAll
    static void readFixture() throws IOException {
        expected = JSON.readTree(DefaultRunFixtureTest.class.getResource("/fixtures/metrics-seed0-default.json"));
    }

    @Test
    void defaultRun_agreesWithTheCommittedSeed0Metrics(@TempDir Path dir) throws Exception {
        JsonNode actual = run(dir, "run", "--out", dir.resolve("o").toString());

        assertThat(disagreements(actual, expected)).isEmpty();
        assertThat(actual.at("/test/accuracy").asDouble()).isEqualTo(0.9665);
    }

    /** A planted wrong change: the learning rate off by a thousandth of itself. */
    @Test
    void learningRateOffByOneThousandth_disagreesBeyondTheBound(@TempDir Path dir) throws Exception {
        JsonNode actual = run(dir, "run", "--lr", "0.01001", "--formats", "none", "--no-report",
                "--out", dir.resolve("o").toString());
        ((ObjectNode) actual.at("/training")).put("learningRate", 0.01); // only the numbers may tell

        assertThat(disagreements(actual, expected)).anyMatch(d -> d.startsWith("parameter"));
    }

    /** A planted wrong change: a weight decay the update should not have, 1e-7. */
    @Test
    void tinyWeightDecay_disagreesBeyondTheBound(@TempDir Path dir) throws Exception {
        JsonNode actual = run(dir, "run", "--weight-decay", "1e-7", "--formats", "none", "--no-report",
                "--out", dir.resolve("o").toString());
        ((ObjectNode) actual.at("/training")).put("weightDecay", 0.0);

        assertThat(disagreements(actual, expected)).anyMatch(d -> d.startsWith("parameter"))
                .anyMatch(d -> d.contains("Loss"));
    }

    @Test
    void disagreements_theFixtureInTodaysForm_none() {
        assertThat(disagreements(inTodaysForm(expected), expected)).isEmpty();
    }

    @Test
    void disagreements_oneParameterMovedByTwiceTheBound_namesIt() {
        ObjectNode moved = inTodaysForm(expected);
        JsonNode weight = moved.at("/parameters/1/weight/0");
        double was = weight.get(2).asDouble();
        ((com.fasterxml.jackson.databind.node.ArrayNode) weight).set(2, was + 2 * PARAMETER_BOUND);

        assertThat(disagreements(moved, expected)).containsExactly(
                "parameter layer 1 weight[0][2]: " + (was + 2 * PARAMETER_BOUND) + " against " + was);
        ((com.fasterxml.jackson.databind.node.ArrayNode) weight).set(2, was + PARAMETER_BOUND / 2);
        assertThat(disagreements(moved, expected)).isEmpty();
    }

    @Test
    void disagreements_twoPointsMoreInOneEpoch_namesTheEpoch() {
        ObjectNode moved = inTodaysForm(expected);
        ObjectNode epoch = (ObjectNode) moved.at("/history/6");
        double onePoint = 1.0 / expected.at("/data/validation").asDouble();
        epoch.put("validationAccuracy", epoch.get("validationAccuracy").asDouble() + onePoint);
        assertThat(disagreements(moved, expected)).isEmpty();

        epoch.put("validationAccuracy", epoch.get("validationAccuracy").asDouble() + onePoint);
        assertThat(disagreements(moved, expected)).singleElement().asString()
                .startsWith("epoch 7 validationAccuracy: ");
    }

    @Test
    void disagreements_testCountMovedByOne_namesIt() {
        ObjectNode moved = inTodaysForm(expected);
        ((ObjectNode) moved.at("/test")).put("truePositives", expected.at("/test/truePositives").asLong() + 1);

        assertThat(disagreements(moved, expected)).containsExactly("test truePositives: 2579 against 2578");
    }

    /** Returns the fixture as today's {@code metrics.json} writes it: with the fields two classes add. */
    private static ObjectNode inTodaysForm(JsonNode fixture) {
        ObjectNode today = fixture.deepCopy();
        ((ObjectNode) today.at("/network")).put("classes", 2);
        ObjectNode counts = ((ObjectNode) today.at("/data")).putObject("classCounts");
        for (String split : new String[] {"train", "validation", "test"}) {
            long size = fixture.at("/data/" + split).asLong();
            long positive = Math.round(fixture.at("/data/positiveShare/" + split).asDouble() * size);
            counts.putArray(split).add(size - positive).add(positive);
        }
        return today;
    }

    private static JsonNode run(Path dir, String... args) throws IOException {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(dir.resolve("o/metrics.json").toFile());
    }

    /**
     * Returns, one line each, where {@code actual} stands apart from {@code expected} beyond what a CPU
     * explains: empty when they agree.
     */
    static List<String> disagreements(JsonNode actual, JsonNode expected) {
        List<String> found = new ArrayList<>();
        // the fixture was written before classes beyond two existed: every field it has is unchanged; the
        // fields added since say two classes, the class counts those of the positive shares
        ObjectNode data = actual.at("/data").deepCopy();
        ObjectNode network = actual.at("/network").deepCopy();
        JsonNode counts = data.remove("classCounts");
        JsonNode classes = network.remove("classes");
        if (classes == null || classes.asInt() != 2) {
            found.add("network classes: " + classes + " against 2");
        }
        same(found, "data", data, expected.at("/data"));
        same(found, "network", network, expected.at("/network"));
        for (String split : new String[] {"train", "validation", "test"}) {
            long size = expected.at("/data/" + split).asLong();
            JsonNode c = counts == null ? null : counts.path(split);
            if (c == null || c.get(0).asLong() + c.get(1).asLong() != size
                    || c.get(1).asLong() / (double) size != expected.at("/data/positiveShare/" + split).asDouble()) {
                found.add("data classCounts " + split + ": " + c + " against a positive share of "
                        + expected.at("/data/positiveShare/" + split));
            }
        }
        ObjectNode training = actual.at("/training").deepCopy();
        ObjectNode expectedTraining = expected.at("/training").deepCopy();
        training.remove("seconds");
        expectedTraining.remove("seconds");
        same(found, "training", training, expectedTraining);

        if (actual.at("/history").size() != expected.at("/history").size()) {
            found.add("history: " + actual.at("/history").size() + " epochs against " + expected.at("/history").size());
            return found;
        }
        for (int e = 0; e < expected.at("/history").size(); e++) {
            JsonNode a = actual.at("/history/" + e);
            JsonNode x = expected.at("/history/" + e);
            for (String k : new String[] {"trainLoss", "validationLoss"}) {
                close(found, "epoch " + (e + 1) + " " + k, a.get(k).asDouble(), x.get(k).asDouble(), LOSS_BOUND);
            }
            close(found, "epoch " + (e + 1) + " trainAccuracy", a.get("trainAccuracy").asDouble(),
                    x.get("trainAccuracy").asDouble(), onePoint(expected, "train"));
            close(found, "epoch " + (e + 1) + " validationAccuracy", a.get("validationAccuracy").asDouble(),
                    x.get("validationAccuracy").asDouble(), onePoint(expected, "validation"));
        }

        // the test figures the fixture has (the class accuracies and confusion matrix came later)
        expected.at("/test").fields().forEachRemaining(f -> {
            JsonNode a = actual.at("/test/" + f.getKey());
            if (f.getKey().equals("loss")) {
                close(found, "test loss", a.asDouble(), f.getValue().asDouble(), LOSS_BOUND);
            } else {
                same(found, "test " + f.getKey(), a, f.getValue());
            }
        });

        JsonNode ap = actual.at("/parameters");
        JsonNode xp = expected.at("/parameters");
        if (ap.size() != xp.size()) {
            found.add("parameters: " + ap.size() + " layers against " + xp.size());
            return found;
        }
        for (int l = 0; l < xp.size(); l++) {
            for (String part : new String[] {"weight", "bias"}) {
                JsonNode av = ap.get(l).get(part);
                JsonNode xv = xp.get(l).get(part);
                String name = "parameter layer " + l + " " + part;
                if (av.size() != xv.size()) {
                    found.add(name + ": " + av.size() + " values against " + xv.size());
                    continue;
                }
                for (int i = 0; i < xv.size(); i++) {
                    if (xv.get(i).isArray()) {
                        for (int j = 0; j < xv.get(i).size(); j++) {
                            close(found, name + "[" + i + "][" + j + "]", av.get(i).get(j).asDouble(),
                                    xv.get(i).get(j).asDouble(), PARAMETER_BOUND);
                        }
                    } else {
                        close(found, name + "[" + i + "]", av.get(i).asDouble(), xv.get(i).asDouble(), PARAMETER_BOUND);
                    }
                }
            }
        }
        return found;
    }

    /** One point of a split, as an accuracy: the most a point on the boundary can move it. */
    private static double onePoint(JsonNode expected, String split) {
        return 1.0 / expected.at("/data/" + split).asDouble() + 1e-12;
    }

    private static void same(List<String> found, String what, JsonNode actual, JsonNode expected) {
        if (!actual.equals(expected)) {
            found.add(what + ": " + actual + " against " + expected);
        }
    }

    private static void close(List<String> found, String what, double actual, double expected, double bound) {
        if (!(Math.abs(actual - expected) <= bound)) {
            found.add(what + ": " + actual + " against " + expected);
        }
    }
}
