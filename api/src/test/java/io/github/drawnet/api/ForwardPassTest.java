package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LayerActivations} (point-major rows of unit values) and the {@link ForwardPass} that holds them. */
final class ForwardPassTest {

    /** Two points of three units: point p, unit u holds 10 p + u. */
    static LayerActivations twoByThree() {
        return new LayerActivations(3, new float[] {0, 1, 2, 10, 11, 12});
    }

    @Test
    void layerActivations_pointMajor_valueAndUnitColumn() {
        LayerActivations a = twoByThree();
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.value(0, 2)).isEqualTo(2f);
        assertThat(a.value(1, 0)).isEqualTo(10f);
        assertThat(a.value(1, 2)).isEqualTo(12f);
        assertThat(a.unit(0)).containsExactly(0f, 10f);
        assertThat(a.unit(1)).containsExactly(1f, 11f);
        assertThat(a.unit(2)).containsExactly(2f, 12f);
    }

    @Test
    void layerActivations_oneUnit_eachValueAPoint() {
        LayerActivations a = new LayerActivations(1, new float[] {0.25f, 0.5f, 0.75f});
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.unit(0)).containsExactly(0.25f, 0.5f, 0.75f);
        assertThat(new LayerActivations(4, new float[0]).count()).isZero();
    }

    @ParameterizedTest(name = "{0} units, {1} values")
    @CsvSource({"0, 6", "4, 6", "-1, 3"})
    void layerActivations_valuesNotAMultipleOfUnits_refused(int units, int values) {
        assertThatThrownBy(() -> new LayerActivations(units, new float[values]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activations of " + units + " units cannot have " + values + " values");
    }

    @ParameterizedTest(name = "unit {0}")
    @CsvSource({"-1", "3"})
    void unit_outsideTheLayer_refusedNamingTheRange(int unit) {
        assertThatThrownBy(() -> twoByThree().unit(unit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit must be in [0, 2], got " + unit);
    }

    @Test
    void forwardPass_layersWithOneRowPerPoint_accepted_listCopied() {
        List<LayerActivations> hidden = new ArrayList<>(List.of(twoByThree()));
        ForwardPass pass = new ForwardPass(new float[] {0.2f, 0.9f}, hidden);
        hidden.clear();
        assertThat(pass.count()).isEqualTo(2);
        assertThat(pass.hidden()).hasSize(1);
        assertThat(new ForwardPass(new float[3], List.of()).count()).isEqualTo(3);
    }

    @Test
    void forwardPass_layerOfOtherPoints_refusedWithBothCounts() {
        assertThatThrownBy(() -> new ForwardPass(new float[3], List.of(twoByThree())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hidden layer holds 2 points, output holds 3");
    }
}
