package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.Setting;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one parser of a grid's lists: ';' between values, ',' too where a value holds none; errors name the text. */
final class GridTest {

    /** Values are written joined by '|' in the table, so the table itself needs no quoting. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '#', value = {
        "HIDDEN        # 4             # 4",
        "HIDDEN        # 8,4           # 8,4",
        "HIDDEN        # 1;2;4;16      # 1|2|4|16",
        "HIDDEN        # 1,2,4,16      # 1,2,4,16",
        "HIDDEN        # 4; 8,4        # 4|8,4",
        "HIDDEN        # none;8-4      # none|8-4", // split here; the old spelling is refused by the value's parser
        "FEATURES      # x1,x2;x1sq,x2sq # x1,x2|x1sq,x2sq",
        "ACTIVATION    # sigmoid,linear # sigmoid|linear",
        "ACTIVATION    # sigmoid;tanh  # sigmoid|tanh",
        "LEARNING_RATE # 0.01,0.1;1    # 0.01|0.1|1",
        "BATCH_SIZE    # 10            # 10",
        "EPOCHS        # 2 , 3         # 2|3",
        "WEIGHT_DECAY  # 0;1e-4        # 0|1e-4",
        "L1            # 0,1e-3;0.01   # 0|1e-3|0.01",
        "OPTIMIZER     # adam;sgd      # adam|sgd",
        "FEATURES      # ''            # ''"}) // one value, empty: the setting's own parser says what it allows
    void values_splitAsDocumented(Setting axis, String text, String expected) {
        assertThat(Grid.values(axis, text)).containsExactlyElementsOf(Arrays.asList(expected.split("\\|")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '#', value = {
        "HIDDEN        # 4;;8    # hidden '4;;8': an empty value; separate values with ';', for example '4;8,4'",
        "HIDDEN        # 4;      # hidden '4;': an empty value; separate values with ';', for example '4;8,4'",
        "FEATURES      # ;x1     # features ';x1': an empty value; separate values with ';', for example 'x1,x2;x1sq,x2sq'",
        "LEARNING_RATE # 0.1,,1  # learning rate '0.1,,1': an empty value; separate values with ';'",
        "EPOCHS        # 1;      # epochs '1;': an empty value; separate values with ';'"})
    void values_emptyValue_refusedNamingTheText(Setting axis, String text, String message) {
        assertThatThrownBy(() -> Grid.values(axis, text)).isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
        // the command line names the setting by its option
        assertThatThrownBy(() -> Grid.values(axis, text)).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.messageFor(axis.option())).startsWith(axis.option() + " '" + text + "': "));
    }

    @Test
    void values_settingNotAnAxis_refusedListingTheAxes() {
        assertThatThrownBy(() -> Grid.values(Setting.SEED, "1;2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sweep cannot vary seed; it varies hidden, activation, features, optimizer, learningRate,"
                        + " batchSize, epochs, weightDecay, l1");
        assertThatThrownBy(() -> new Grid(Map.of(Setting.EPOCHS, List.of())))
                .hasMessage("a sweep's epochs needs one value or more, got none");
    }

    @Test
    void with_repeatedOptionAdds_axesInTheOrderOfAxes() {
        Grid g = Grid.NONE.with(Setting.LEARNING_RATE, "0.1").with(Setting.HIDDEN, "4").with(Setting.HIDDEN, "8,4;2");
        assertThat(g.axes().keySet()).containsExactly(Setting.HIDDEN, Setting.LEARNING_RATE);
        assertThat(g.axes().get(Setting.HIDDEN)).containsExactly("4", "8,4", "2");
        assertThat(g.toString()).isEqualTo("Grid[hidden=4;8,4;2, learningRate=0.1]");
        assertThat(Grid.NONE.toString()).isEqualTo("Grid[none]");
        assertThat(g.valuesOr(Setting.EPOCHS, List.of("100"))).containsExactly("100");
    }

    @Test
    void of_optionTextsInTheOrderOfAxes_nullLeftOut() {
        Grid g = Grid.of(List.of("2;4"), null, List.of("x1,x2", "x1sq,x2sq"), null, List.of("0.1"));
        assertThat(g.axes()).containsOnlyKeys(Setting.HIDDEN, Setting.FEATURES, Setting.LEARNING_RATE);
        assertThat(g.axes().get(Setting.HIDDEN)).containsExactly("2", "4");
        assertThat(g.axes().get(Setting.FEATURES)).containsExactly("x1,x2", "x1sq,x2sq");
        Grid l1 = Grid.of(null, null, null, null, null, null, null, List.of("0"), List.of("0;1e-3"));
        assertThat(l1.axes().get(Setting.WEIGHT_DECAY)).containsExactly("0");
        assertThat(l1.axes().get(Setting.L1)).containsExactly("0", "1e-3"); // the ninth list is the L1 axis
        assertThatThrownBy(() -> Grid.of(null, null, null, null, null, null, null, null, null, List.of("x")))
                .hasMessage("10 lists for 9 axes");
    }
}
