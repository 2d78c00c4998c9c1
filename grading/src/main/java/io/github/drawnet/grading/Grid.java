package io.github.drawnet.grading;

import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.Setting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings a sweep or a grading tries, each axis with its values as text, and the one parser of
 * the lists people write for them ({@link #values(Setting, String)}), which {@code drawnet sweep},
 * {@code drawnet grade} and the Spark job all read their grid options through. Values are separated by
 * {@value #SEPARATOR}; one value is one setting's text in its one spelling ({@link
 * io.github.drawnet.api.ExperimentSettings#with}), so one network's layer sizes are {@code 8,4} here as
 * in {@code drawnet run}: {@code --hidden '4;8,4'} tries two networks. Where a value never holds a comma
 * (activation, optimizer, learning rate, batch size, epochs, weight decay, L1) a comma separates values too;
 * hidden sizes and features hold commas, so their values are separated by {@value #SEPARATOR} only, or by
 * giving the option again. Each value is checked by {@link Sweep#of}, against the settings it joins.
 *
 * <pre>{@code
 * Grid grid = Grid.NONE.with(Setting.HIDDEN, "4;8,4").with(Setting.LEARNING_RATE, "0.01,0.1"); // 4 cells
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param axes each varied setting (one of {@link #AXES}) with its values, in the order of {@link #AXES}
 */
public record Grid(Map<Setting, List<String>> axes) {

    /** The settings a grid may vary, in the order cells are numbered. */
    public static final List<Setting> AXES = List.of(Setting.HIDDEN, Setting.ACTIVATION, Setting.FEATURES,
            Setting.OPTIMIZER, Setting.LEARNING_RATE, Setting.BATCH_SIZE, Setting.EPOCHS, Setting.WEIGHT_DECAY,
            Setting.L1);

    /** The separator of a list's values, whatever the setting. */
    public static final String SEPARATOR = ";";

    /** The grid that varies nothing: one cell per backend, the base settings. */
    public static final Grid NONE = new Grid(Map.of());

    /**
     * Validates and copies, ordering the axes as {@link #AXES}.
     *
     * @throws IllegalArgumentException for a setting a grid cannot vary, or an axis without values
     */
    public Grid {
        Map<Setting, List<String>> ordered = new LinkedHashMap<>();
        for (Setting s : axes.keySet()) {
            requireAxis(s);
            if (axes.get(s).isEmpty()) {
                throw new IllegalArgumentException("a sweep's " + s.label() + " needs one value or more, got none");
            }
        }
        for (Setting s : AXES) {
            if (axes.containsKey(s)) {
                ordered.put(s, List.copyOf(axes.get(s)));
            }
        }
        axes = Collections.unmodifiableMap(ordered);
    }

    /**
     * Returns the values of {@code axis} written in {@code text}: separated by {@value #SEPARATOR}, or also
     * by commas where a value holds none (see the class comment), each stripped.
     *
     * @throws InvalidSettingException naming the setting and the text, when a list holds an empty value
     * @throws IllegalArgumentException for a setting a grid cannot vary
     */
    public static List<String> values(Setting axis, String text) {
        requireAxis(axis);
        boolean commaInValues = axis == Setting.HIDDEN || axis == Setting.FEATURES;
        String[] parts = text.split(commaInValues ? SEPARATOR : "[;,]", -1);
        if (parts.length == 1) {
            return List.of(text.strip()); // one value, empty or not: its setting's parser names what is wrong
        }
        List<String> values = new ArrayList<>();
        for (String v : parts) {
            if (v.isBlank()) {
                throw new InvalidSettingException(axis, " '" + text + "': an empty value; separate values with '"
                        + SEPARATOR + "'" + (commaInValues ? ", for example '" + example(axis) + "'" : ""));
            }
            values.add(v.strip());
        }
        return values;
    }

    private static void requireAxis(Setting s) {
        if (!AXES.contains(s)) {
            throw new IllegalArgumentException("a sweep cannot vary " + s.label() + "; it varies "
                    + AXES.stream().map(Setting::key).collect(Collectors.joining(", ")));
        }
    }

    private static String example(Setting axis) {
        return axis == Setting.HIDDEN ? "4;8,4" : "x1,x2;x1sq,x2sq";
    }

    /**
     * Returns this grid with the values written in {@code text} ({@link #values(Setting, String)}) added
     * to {@code axis}'s, as a repeated option adds them.
     *
     * @throws InvalidSettingException naming the setting and the text, when a value is empty
     * @throws IllegalArgumentException for a setting a grid cannot vary
     */
    public Grid with(Setting axis, String text) {
        Map<Setting, List<String>> m = new LinkedHashMap<>(axes);
        List<String> list = new ArrayList<>(m.getOrDefault(axis, List.of()));
        list.addAll(values(axis, text));
        m.put(axis, list);
        return new Grid(m);
    }

    /**
     * Returns the grid of the options' texts given in the order of {@link #AXES} (hidden, activation,
     * features, optimizer, learning rate, batch size, epochs, weight decay, L1): each a list of the texts of
     * one option given once or more, or null when the option was not given.
     *
     * @throws IllegalArgumentException when there are more lists than axes, or as {@link #with}
     */
    @SafeVarargs
    public static Grid of(List<String>... textsInAxesOrder) {
        if (textsInAxesOrder.length > AXES.size()) {
            throw new IllegalArgumentException(textsInAxesOrder.length + " lists for " + AXES.size() + " axes");
        }
        Grid g = NONE;
        for (int i = 0; i < textsInAxesOrder.length; i++) {
            for (String text : textsInAxesOrder[i] == null ? List.<String>of() : textsInAxesOrder[i]) {
                g = g.with(AXES.get(i), text);
            }
        }
        return g;
    }

    /** Returns {@code axis}'s values, or {@code otherwise} when the grid does not vary it. */
    public List<String> valuesOr(Setting axis, List<String> otherwise) {
        return axes.getOrDefault(axis, otherwise);
    }

    /** Returns every axis with its values as the options write them: {@code Grid[hidden=4;8,4, lr=0.01;0.1]}. */
    @Override
    public String toString() {
        return axes.isEmpty() ? "Grid[none]" : "Grid[" + axes.entrySet().stream()
                .map(e -> e.getKey().key() + "=" + String.join(SEPARATOR, e.getValue()))
                .collect(Collectors.joining(", ")) + "]";
    }
}
