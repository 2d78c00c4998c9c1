package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drawnet run} with no options gives, epoch for epoch, the committed seed-0 {@code
 * metrics.json} (see {@code fixtures/README.md}): the same history, test figures and parameters.
 */
final class DefaultRunFixtureTest {

    @Test
    void defaultRun_equalsTheCommittedSeed0Metrics(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(DefaultRunFixtureTest.class.getResource("/fixtures/metrics-seed0-default.json"));
        CliRunner.Result r = CliRunner.run("run", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode actual = json.readTree(dir.resolve("o/metrics.json").toFile());

        // the fixture was written before classes beyond two existed: every field it has is unchanged; the
        // fields added since say two classes, the class counts those of the positive shares
        com.fasterxml.jackson.databind.node.ObjectNode data = actual.at("/data").deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode network = actual.at("/network").deepCopy();
        JsonNode counts = data.remove("classCounts");
        assertThat(network.remove("classes").asInt()).isEqualTo(2);
        assertThat(data).isEqualTo(expected.at("/data"));
        assertThat(network).isEqualTo(expected.at("/network"));
        for (String split : new String[] {"train", "validation", "test"}) {
            long size = expected.at("/data/" + split).asLong();
            assertThat(counts.path(split).get(0).asLong() + counts.path(split).get(1).asLong()).isEqualTo(size);
            assertThat(counts.path(split).get(1).asLong() / (double) size)
                    .isEqualTo(expected.at("/data/positiveShare/" + split).asDouble());
        }
        com.fasterxml.jackson.databind.node.ObjectNode training = actual.at("/training").deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode expectedTraining = expected.at("/training").deepCopy();
        training.remove("seconds");
        expectedTraining.remove("seconds");
        assertThat(training).isEqualTo(expectedTraining);
        assertThat(actual.at("/history").size()).isEqualTo(100);
        for (int e = 0; e < 100; e++) {
            JsonNode a = actual.at("/history/" + e);
            JsonNode x = expected.at("/history/" + e);
            for (String k : new String[] {"trainLoss", "validationLoss"}) {
                assertThat(a.get(k).asDouble()).as("epoch %d %s", e + 1, k).isCloseTo(x.get(k).asDouble(), within(1e-6));
            }
            for (String k : new String[] {"trainAccuracy", "validationAccuracy"}) {
                assertThat(a.get(k).asDouble()).as("epoch %d %s", e + 1, k).isEqualTo(x.get(k).asDouble());
            }
        }
        assertThat(actual.at("/test/accuracy").asDouble()).isEqualTo(expected.at("/test/accuracy").asDouble())
                .isEqualTo(0.9665);
        assertThat(actual.at("/test/loss").asDouble()).isCloseTo(expected.at("/test/loss").asDouble(), within(1e-6));
        JsonNode ap = actual.at("/parameters");
        JsonNode xp = expected.at("/parameters");
        for (int l = 0; l < xp.size(); l++) {
            for (String part : new String[] {"weight", "bias"}) {
                JsonNode av = ap.get(l).get(part);
                JsonNode xv = xp.get(l).get(part);
                assertThat(av.size()).isEqualTo(xv.size());
                for (int i = 0; i < xv.size(); i++) {
                    if (xv.get(i).isArray()) {
                        for (int j = 0; j < xv.get(i).size(); j++) {
                            assertThat(av.get(i).get(j).asDouble()).isCloseTo(xv.get(i).get(j).asDouble(), within(1e-6));
                        }
                    } else {
                        assertThat(av.get(i).asDouble()).isCloseTo(xv.get(i).asDouble(), within(1e-6));
                    }
                }
            }
        }
    }
}
