package io.github.drawnet.grading;

import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One experiment to grade: a drawing, a backend and a setting, in a form that can travel to another
 * JVM (Java serialisation, as Spark ships tasks): the drawing's bytes rather than its path, and every
 * setting as text, read back by {@link ExperimentSettings#with}, the one parser.
 *
 * @param index the cell's number, from 1, in the order of {@code grades.csv}
 * @param drawing the drawing's path relative to the graded folder, with {@code /} separators
 * @param png the file's bytes, or null when it could not be read
 * @param readError why the file could not be read (the message {@code drawnet run} would give), or
 *     null
 * @param preset the id of a built-in drawing ({@link io.github.drawnet.sampling.Preset}) instead of a
 *     file, or null
 * @param backend the backend's id
 * @param settings every setting by {@link Setting#key()}, as text
 * @param labels the settings as the table shows them (hidden, activation, ..., by column name)
 */
public record GradeCell(int index, String drawing, byte[] png, String readError, String preset, String backend,
        Map<String, String> settings, Map<String, String> labels) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates and copies; exactly one of {@code png}, {@code readError} and {@code preset} is given. */
    public GradeCell {
        Objects.requireNonNull(drawing, "drawing");
        Objects.requireNonNull(backend, "backend");
        int sources = (png == null ? 0 : 1) + (readError == null ? 0 : 1) + (preset == null ? 0 : 1);
        if (sources != 1) {
            throw new IllegalArgumentException("a cell has one of the drawing's bytes, the error reading it, or a preset;"
                    + " got " + sources);
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Returns every setting of {@code s} by key, as text. */
    static Map<String, String> textOf(ExperimentSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            m.put(setting.key(), s.text(setting));
        }
        return m;
    }

    /**
     * Returns the cell's settings, read by the one parser.
     *
     * @throws io.github.drawnet.api.InvalidSettingException naming a bad value
     */
    public ExperimentSettings experimentSettings() {
        ExperimentSettings s = ExperimentSettings.notebook();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            s = s.with(Setting.fromName(e.getKey()), e.getValue());
        }
        return s.requireConsistent();
    }

    /** Returns the drawing's file name (its last path segment). */
    public String fileName() {
        return drawing.substring(drawing.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "GradeCell[" + index + ", " + drawing + ", " + backend + ", " + labels + "]";
    }
}
