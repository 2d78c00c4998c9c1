package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class LabelModeTest {

    @ParameterizedTest(name = "{0} of coverage {1} is {2}")
    @CsvSource({
        "BINARY, 0, 0",
        "BINARY, 0.49, 0",
        "BINARY, 0.5, 1", // at least 0.5 is inside
        "BINARY, 0.8, 1",
        "BINARY, 1, 1",
        "SOFT, 0, 0",
        "SOFT, 0.3, 0.3", // the notebook's alpha/255, kept as is
        "SOFT, 1, 1"})
    void label_ofCoverage(LabelMode mode, double coverage, double expected) {
        assertThat(mode.label(coverage)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BINARY, binary", "SOFT, soft"})
    void fromId_anyCase_toStringIsId(LabelMode mode, String id) {
        assertThat(mode.id()).isEqualTo(id);
        assertThat(mode).hasToString(id);
        assertThat(LabelMode.fromId(" " + id.toUpperCase(java.util.Locale.ROOT) + " ")).isEqualTo(mode);
    }

    @Test
    void fromId_unknown_listsValidModes() {
        assertThatThrownBy(() -> LabelMode.fromId("fuzzy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown label mode 'fuzzy'; valid: binary, soft");
    }
}
