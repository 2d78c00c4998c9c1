package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.ConfusionMatrix;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.History;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pages are told, payload by payload, for values written here (SessionPartsTest: for real runs). */
final class SessionEventsTest {

    @Test
    void points_coordinatesToAThousandth_labelsAsClassIndices() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        SessionEvents.points(n, Dataset.of(new double[] {0.12345, 0.9996, 0.0004}, new double[] {0.5, 0.25049, 1},
                new double[] {1, 0, 1}));
        assertThat(n.toString()).isEqualTo("{\"x1\":[0.123,1.0,0.0],\"x2\":[0.5,0.25,1.0],\"label\":[1,0,1]}");
    }

    @Test
    void history_everyEpochWithTheLastNumber_andNoSeconds() {
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, 0.7, 0.5, 0.69, 0.5),
                new EpochMetrics(2, 0.6, 0.75, 0.65, 0.625), new EpochMetrics(3, 0.5, 0.875, 0.6, 0.75));
        JsonNode h = SessionEvents.history(new History(epochs)).get("epochs");
        assertThat(h).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(h.get(i).get("epoch").asInt()).isEqualTo(i + 1);
            assertThat(h.get(i).get("last").asInt()).isEqualTo(3);
            assertThat(h.get(i).get("seconds").asDouble()).isZero();
        }
        assertThat(h.get(2).get("validationAccuracy").asDouble()).isEqualTo(0.75);
        assertThat(SessionEvents.history(History.EMPTY).get("epochs")).isEmpty();
    }

    @Test
    void loaded_itsFiguresAndEpochs_noDownloadsYet() {
        Evaluation test = new Evaluation(10, 0.25, 0.8, 4, 4, 1, 1);
        ObjectNode n = SessionEvents.loaded(test, 7);
        assertThat(n.get("testAccuracy").asDouble()).isEqualTo(0.8);
        assertThat(n.get("balancedAccuracy").asDouble()).isEqualTo(0.8);
        assertThat(n.get("testLoss").asDouble()).isEqualTo(0.25);
        assertThat(n.get("classes").asInt()).isEqualTo(2);
        assertThat(n.has("confusion")).as("two classes: no matrix").isFalse();
        assertThat(n.has("classAccuracies")).isFalse();
        assertThat(n.get("epochs").asInt()).isEqualTo(7);
        assertThat(n.get("stopReason").asText()).isEqualTo("loaded");
        assertThat(n.get("message").asText()).isEqualTo("loaded from file with 7 epochs; Continue trains on");
        assertThat(n.get("downloads")).isEmpty();
    }

    @Test
    void figures_ofThreeClasses_eachClassAndTheMatrix_aClassWithoutPointsIsNull() {
        // rows actual, columns predicted: class 0 two right and one taken for class 1, class 1 all three right,
        // class 2 no test points at all
        ConfusionMatrix m = ConfusionMatrix.of(3, new long[] {2, 1, 0, 0, 3, 0, 0, 0, 0});
        ObjectNode n = SessionEvents.figures(JsonNodeFactory.instance.objectNode(),
                new Evaluation(6, 0.5, 5 / 6.0, 3, 2, 1, 0, m));
        assertThat(n.get("classes").asInt()).isEqualTo(3);
        assertThat(n.get("classAccuracies").toString()).isEqualTo("[0.6666666666666666,1.0,null]");
        assertThat(n.get("confusion").toString()).isEqualTo("[[2,1,0],[0,3,0],[0,0,0]]");
        assertThat(n.get("testAccuracy").asDouble()).isEqualTo(5 / 6.0);
    }

    @Test
    void dataUrl_isAPngDataUrl() {
        assertThat(SessionEvents.dataUrl(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEqualTo("data:image/png;base64,iVBORw==");
    }
}
