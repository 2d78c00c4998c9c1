package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The one parser of settings: each setting's spelling, its defaults, and its messages. */
final class ExperimentSettingsTest {

    @Test
    void notebook_isTheRecordFactoriesDefaults() {
        ExperimentSettings n = ExperimentSettings.notebook();
        assertThat(n.sizes()).isEqualTo(new SampleSizes(5000, 1000, 10000));
        assertThat(n.network()).isEqualTo(NetworkSpec.notebook());
        assertThat(n.training()).isEqualTo(TrainingConfig.notebook());
        assertThat(n.labels()).isEqualTo(LabelMode.BINARY);
        assertThat(n.noise()).isZero();
        assertThat(n.seed()).isZero();
    }

    static Stream<Arguments> defaults() {
        return Stream.of(Arguments.of(Setting.SEED, "0"), Arguments.of(Setting.TRAIN_SIZE, "5000"),
                Arguments.of(Setting.VALIDATION_SIZE, "1000"), Arguments.of(Setting.TEST_SIZE, "10000"),
                Arguments.of(Setting.LABELS, "binary"), Arguments.of(Setting.NOISE, "0"),
                Arguments.of(Setting.HIDDEN, "4"), Arguments.of(Setting.ACTIVATION, "sigmoid"),
                Arguments.of(Setting.FEATURES, "x1,x2"), Arguments.of(Setting.OPTIMIZER, "adam"),
                Arguments.of(Setting.LEARNING_RATE, "0.01"), Arguments.of(Setting.BATCH_SIZE, "24"),
                Arguments.of(Setting.EPOCHS, "100"), Arguments.of(Setting.WEIGHT_DECAY, "0"),
                Arguments.of(Setting.L1, "0"), Arguments.of(Setting.SHUFFLE, "true"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("defaults")
    void defaultText_isTheNotebooksInTheOneSpelling(Setting setting, String text) {
        assertThat(setting.defaultText()).isEqualTo(text);
        // reading the text back changes nothing
        assertThat(ExperimentSettings.notebook().with(setting, text)).isEqualTo(ExperimentSettings.notebook());
    }

    static Stream<Arguments> values() {
        return Stream.of(Arguments.of(Setting.SEED, "-7", "-7"), Arguments.of(Setting.TRAIN_SIZE, " 300 ", "300"),
                Arguments.of(Setting.VALIDATION_SIZE, "20", "20"), Arguments.of(Setting.TEST_SIZE, "1000000", "1000000"),
                Arguments.of(Setting.LABELS, "SOFT", "soft"), Arguments.of(Setting.NOISE, "0.25", "0.25"),
                Arguments.of(Setting.HIDDEN, "8,4", "8,4"),
                Arguments.of(Setting.HIDDEN, "none", "none"), Arguments.of(Setting.HIDDEN, "0", "none"),
                Arguments.of(Setting.ACTIVATION, "tanh", "tanh"), Arguments.of(Setting.FEATURES, "x1sq,x2sq", "x1sq,x2sq"),
                Arguments.of(Setting.OPTIMIZER, "sgd", "sgd"), Arguments.of(Setting.LEARNING_RATE, "1e-3", "0.001"),
                Arguments.of(Setting.BATCH_SIZE, "5000", "5000"), Arguments.of(Setting.EPOCHS, "100000", "100000"),
                Arguments.of(Setting.WEIGHT_DECAY, "0.0001", "0.0001"), Arguments.of(Setting.L1, "1e-3", "0.001"),
                Arguments.of(Setting.SHUFFLE, "false", "false"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("values")
    void with_readsTheValue_textGivesItsOneSpelling(Setting setting, String text, String spelled) {
        ExperimentSettings s = ExperimentSettings.notebook().with(setting, text);
        assertThat(s.text(setting)).isEqualTo(spelled);
        assertThat(s).isNotEqualTo(ExperimentSettings.notebook());
        for (Setting other : Setting.values()) {
            if (other != setting) {
                assertThat(s.text(other)).as(other.key()).isEqualTo(other.defaultText());
            }
        }
    }

    @Test
    void with_values_landInTheRecords() {
        ExperimentSettings s = ExperimentSettings.notebook().with(Setting.HIDDEN, "8,4").with(Setting.LEARNING_RATE,
                "0.5").with(Setting.SEED, "9").with(Setting.TRAIN_SIZE, "100").with(Setting.NOISE, "0.1")
                .with(Setting.SHUFFLE, "false").with(Setting.FEATURES, "x1, x1x2");
        assertThat(s.network().hidden()).containsExactly(8, 4);
        assertThat(s.network().inputs()).containsExactly(Feature.X1, Feature.X1_TIMES_X2);
        assertThat(s.training().learningRate()).isEqualTo(0.5);
        assertThat(s.training().seed()).isEqualTo(9);
        assertThat(s.training().shuffle()).isFalse();
        assertThat(s.sizes().train()).isEqualTo(100);
        assertThat(s.noise()).isEqualTo(0.1);
        assertThat(ExperimentSettings.notebook().with(Setting.EPOCHS, null)).isSameAs(ExperimentSettings.notebook());
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(Setting.EPOCHS, "0", "--epochs must be in [1, 100000], got 0"),
                Arguments.of(Setting.EPOCHS, "100001", "--epochs must be in [1, 100000], got 100001"),
                Arguments.of(Setting.EPOCHS, "ten", "--epochs must be a whole number, got 'ten'"),
                Arguments.of(Setting.SEED, "1.5", "--seed must be a whole number, got '1.5'"),
                Arguments.of(Setting.TRAIN_SIZE, "0", "--train-size must be in [1, 1000000], got 0"),
                Arguments.of(Setting.TEST_SIZE, "1000001", "--test-size must be in [1, 1000000], got 1000001"),
                Arguments.of(Setting.LEARNING_RATE, "0", "--lr must be a finite number > 0, got 0.0"),
                Arguments.of(Setting.LEARNING_RATE, "-Infinity", "--lr must be a finite number > 0, got -Infinity"),
                Arguments.of(Setting.LEARNING_RATE, "NaN", "--lr must be a finite number > 0, got NaN"),
                Arguments.of(Setting.LEARNING_RATE, "fast", "--lr must be a number, got 'fast'"),
                Arguments.of(Setting.WEIGHT_DECAY, "-0.5", "--weight-decay must be a finite number >= 0, got -0.5"),
                Arguments.of(Setting.WEIGHT_DECAY, "Infinity", "--weight-decay must be a finite number >= 0, got Infinity"),
                Arguments.of(Setting.L1, "-0.5", "--l1 must be a finite number >= 0, got -0.5"),
                Arguments.of(Setting.L1, "NaN", "--l1 must be a finite number >= 0, got NaN"),
                Arguments.of(Setting.L1, "lots", "--l1 must be a number, got 'lots'"),
                Arguments.of(Setting.NOISE, "1", "--noise must be in [0, 1), got 1.0"),
                Arguments.of(Setting.NOISE, "-0.1", "--noise must be in [0, 1), got -0.1"),
                Arguments.of(Setting.BATCH_SIZE, "0", "--batch must be in [1, 5000], got 0"),
                Arguments.of(Setting.BATCH_SIZE, "1000001", "--batch must be in [1, 5000], got 1000001"),
                Arguments.of(Setting.HIDDEN, "8 4", "--hidden must be layer sizes like 4 or 8,4 (or none), got '8 4'"),
                Arguments.of(Setting.HIDDEN, "8,", "--hidden must be layer sizes like 4 or 8,4 (or none), got '8,'"),
                Arguments.of(Setting.HIDDEN, "4,0", "--hidden units per layer must be in [1, 256], got 0"),
                Arguments.of(Setting.HIDDEN, "257", "--hidden units per layer must be in [1, 256], got 257"),
                Arguments.of(Setting.HIDDEN, "1,1,1,1,1,1,1,1,1",
                        "--hidden allows at most 8 layers, got 9"),
                Arguments.of(Setting.ACTIVATION, "gelu",
                        "--activation: unknown activation 'gelu'; valid: sigmoid, tanh, relu, linear"),
                Arguments.of(Setting.OPTIMIZER, "rmsprop", "--optimizer: unknown optimizer 'rmsprop'; valid: adam, sgd"),
                Arguments.of(Setting.FEATURES, "x1,x3",
                        "--features: unknown feature 'x3'; valid: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2"),
                Arguments.of(Setting.FEATURES, "x2,x2", "--features lists x2 twice in 'x2,x2'"),
                // a value given empty is refused, not taken for "keep the default"
                Arguments.of(Setting.FEATURES, "", "--features must list one or more of x1, x2, x1sq, x2sq, x1x2, sinx1,"
                        + " sinx2, separated by commas, got ''"),
                Arguments.of(Setting.FEATURES, " ", "--features must list one or more of x1, x2, x1sq, x2sq, x1x2, sinx1,"
                        + " sinx2, separated by commas, got ''"),
                Arguments.of(Setting.EPOCHS, " ", "--epochs must be a whole number, got ''"),
                Arguments.of(Setting.HIDDEN, "", "--hidden must be layer sizes like 4 or 8,4 (or none), got ''"),
                Arguments.of(Setting.LABELS, "fuzzy", "--labels: unknown label mode 'fuzzy'; valid: binary, soft"),
                Arguments.of(Setting.SHUFFLE, "yes", "--shuffle must be true or false, got 'yes'"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("bad")
    void with_badValue_namesSettingValueAndWhatIsAllowed(Setting setting, String text, String message) {
        assertThatThrownBy(() -> ExperimentSettings.notebook().with(setting, text))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo(setting);
                    assertThat(e.messageFor(setting.option())).isEqualTo(message);
                    assertThat(e.getMessage()).isEqualTo(setting.label() + message.substring(setting.option().length()));
                });
    }

    @Test
    void requireConsistent_batchLargerThanTrainingSet_namesTheBound() {
        ExperimentSettings s = ExperimentSettings.notebook().with(Setting.BATCH_SIZE, "600").with(Setting.TRAIN_SIZE,
                "500");
        assertThatThrownBy(s::requireConsistent).isInstanceOf(InvalidSettingException.class)
                .hasMessage("batch size must be in [1, 500], got 600");
        ExperimentSettings fits = ExperimentSettings.notebook().with(Setting.BATCH_SIZE, "500").with(Setting.TRAIN_SIZE,
                "500");
        assertThat(fits.requireConsistent()).isSameAs(fits);
        // the order of options does not matter: a large training set read later makes a large batch fine
        assertThat(ExperimentSettings.notebook().with(Setting.BATCH_SIZE, "6000").with(Setting.TRAIN_SIZE, "8000")
                .requireConsistent().training().batchSize()).isEqualTo(6000);
    }

    @Test
    void withMap_readsEveryKeyThenChecks() {
        Map<String, String> page = new LinkedHashMap<>();
        page.put("learningRate", "0.1");
        page.put("--hidden", "3");
        page.put("batch size", "7");
        ExperimentSettings s = ExperimentSettings.notebook().with(page);
        assertThat(s.training().learningRate()).isEqualTo(0.1);
        assertThat(s.network().hidden()).containsExactly(3);
        assertThat(s.training().batchSize()).isEqualTo(7);
        assertThatThrownBy(() -> ExperimentSettings.notebook().with(Map.of("colour", "red")))
                .hasMessageStartingWith("unknown setting 'colour'; valid: seed, trainSize");
        assertThatThrownBy(() -> ExperimentSettings.notebook().with(Map.of("trainSize", "10", "batchSize", "24")))
                .hasMessage("batch size must be in [1, 10], got 24");
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void setting_namesAreFoundAgain(Setting s) {
        assertThat(Setting.fromName(s.option())).isEqualTo(s);
        assertThat(Setting.fromName(s.key())).isEqualTo(s);
        assertThat(Setting.fromName(s.label())).isEqualTo(s);
        assertThat(s.option()).startsWith("--");
    }

    @Test
    void toString_printsEverySetting() {
        String text = ExperimentSettings.notebook().with(Setting.HIDDEN, "8,4").toString();
        for (Setting s : Setting.values()) {
            assertThat(text).contains(s.key() + "=");
        }
        assertThat(text).contains("hidden=8,4").contains("learningRate=0.01").contains("epochs=100");
    }

    @Test
    void hiddenText_oneSpelling_commas() {
        assertThat(ExperimentSettings.hiddenText(List.of(8, 4))).isEqualTo("8,4");
        assertThat(ExperimentSettings.hiddenText(List.of(16))).isEqualTo("16");
        assertThat(ExperimentSettings.hiddenText(List.of())).isEqualTo("none");
    }

    /** The old spelling of one network in a sweep, 8-4, is refused everywhere with the one that replaced it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "8-4|hidden 8-4: write one network's layer sizes with commas (8,4) and separate networks with ';' (e.g. '4;8,4')",
        "16-8-4|hidden 16-8-4: write one network's layer sizes with commas (16,8,4) and separate networks with ';'"
                + " (e.g. '4;8,4')",
        "2 - 3|hidden 2 - 3: write one network's layer sizes with commas (2,3) and separate networks with ';'"
                + " (e.g. '4;8,4')",
        "-4|hidden units per layer must be in [1, 256], got -4"})
    void with_hiddenOldDashSpelling_refusedWithTheNewOne(String text, String message) {
        assertThatThrownBy(() -> ExperimentSettings.notebook().with(Setting.HIDDEN, text))
                .isInstanceOf(InvalidSettingException.class).hasMessage(message);
    }

    @Test
    void with_hiddenAtTheLimits_accepted() {
        assertThat(ExperimentSettings.notebook().with(Setting.HIDDEN, "1,256").network().hidden()).containsExactly(1, 256);
        assertThat(ExperimentSettings.notebook().with(Setting.HIDDEN, "1,1,1,1,1,1,1,1").network().hidden()).hasSize(8);
    }

    @Test
    void seed_isTheTrainingConfigsSeed() {
        assertThat(ExperimentSettings.notebook().with(Setting.SEED, "42").seed()).isEqualTo(42);
    }

    @Test
    void toString_settingsInOrderSeparatedByCommas() {
        assertThat(ExperimentSettings.notebook().toString()).startsWith("ExperimentSettings[seed=0, trainSize=5000, ")
                .endsWith(", shuffle=true]");
    }
}
