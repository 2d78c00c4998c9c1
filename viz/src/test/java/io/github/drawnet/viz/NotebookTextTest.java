package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Parameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learned parameters printed as the notebook's parameter cell prints them. */
final class NotebookTextTest {

    static final LayerParameters HIDDEN_1 = LayerParameters.of(new float[][] {{1.5f, -0.25f}, {10f, 0f}},
            new float[] {-2f, 0.125f});
    static final LayerParameters HIDDEN_2 = LayerParameters.of(new float[][] {{0.5f, -1f}}, new float[] {3f});
    static final LayerParameters OUTPUT = LayerParameters.of(new float[][] {{-12.5f}}, new float[] {0.75f});

    static String print(LayerParameters... layers) {
        return NotebookText.parameters(new Parameters(List.of(layers)));
    }

    @Test
    void matrix_valuesOfDifferentWidths_rightAlignedInColumnsWithSixDecimals() {
        assertThat(NotebookText.matrix(new float[][] {{1.5f, -0.25f}, {10f, 0f}}))
                .isEqualTo(" [[ 1.500000 -0.250000]\n  [10.000000  0.000000]]");
    }

    @Test
    void printParameters_oneHiddenLayer_namedAsInTheNotebook() {
        assertThat(print(HIDDEN_1, LayerParameters.of(new float[][] {{0.5f, -1f}}, new float[] {3f}))).isEqualTo("""
                Hidden Layer Weights (Wh)=
                 [[ 1.500000 -0.250000]
                  [10.000000  0.000000]]
                Hidden Layer Biases (bh)=
                 [-2.000000  0.125000]
                Output Layer Weights (Wo)=
                 [[ 0.500000 -1.000000]]
                Output Layer Biases (bo)=
                 [3.000000]
                """);
    }

    @Test
    void printParameters_twoHiddenLayers_numberedFromOne() {
        String text = print(HIDDEN_1, HIDDEN_2, OUTPUT);
        assertThat(text.lines().filter(l -> !l.startsWith(" ")).toList()).containsExactly(
                "Hidden Layer 1 Weights (Wh1)=", "Hidden Layer 1 Biases (bh1)=",
                "Hidden Layer 2 Weights (Wh2)=", "Hidden Layer 2 Biases (bh2)=",
                "Output Layer Weights (Wo)=", "Output Layer Biases (bo)=");
        assertThat(text).endsWith("Output Layer Weights (Wo)=\n [[-12.500000]]\nOutput Layer Biases (bo)=\n [0.750000]\n");
    }

    @Test
    void printParameters_noHiddenLayer_onlyTheOutputLayer() {
        assertThat(print(LayerParameters.of(new float[][] {{2f, -3f}}, new float[] {0f}))).isEqualTo("""
                Output Layer Weights (Wo)=
                 [[ 2.000000 -3.000000]]
                Output Layer Biases (bo)=
                 [0.000000]
                """);
    }
}
