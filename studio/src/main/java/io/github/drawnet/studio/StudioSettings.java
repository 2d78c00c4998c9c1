package io.github.drawnet.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment a studio page asks for: its JSON read setting by setting with the library's one
 * parser ({@link ExperimentSettings#with}), keys as {@link Setting#key()} names them, missing ones at
 * the notebook's defaults; plus the studio's own bounds, so a page's run stays interactive.
 *
 * @param backend the backend id
 * @param settings the experiment
 */
record StudioSettings(String backend, ExperimentSettings settings) {

    /** The studio's own bound on split sizes. */
    static final int MAX_POINTS = 100_000;
    /** The studio's own bound on epochs. */
    static final int MAX_EPOCHS = 5_000;

    /** The studio's own bounds, tighter than the library's. */
    static final Map<Setting, Integer> BOUNDS = Map.of(Setting.TRAIN_SIZE, MAX_POINTS, Setting.VALIDATION_SIZE,
            MAX_POINTS, Setting.TEST_SIZE, MAX_POINTS, Setting.EPOCHS, MAX_EPOCHS);

    /** The settings a page may send; the others (labels, shuffle) stay at the notebook's. */
    static final List<Setting> ON_THE_PAGE = List.of(Setting.TRAIN_SIZE, Setting.VALIDATION_SIZE, Setting.TEST_SIZE,
            Setting.NOISE, Setting.SEED, Setting.HIDDEN, Setting.ACTIVATION, Setting.FEATURES, Setting.OPTIMIZER,
            Setting.LEARNING_RATE, Setting.BATCH_SIZE, Setting.EPOCHS, Setting.WEIGHT_DECAY);

    /**
     * Reads and checks the settings.
     *
     * @throws StudioException (400) naming the first bad value
     */
    static StudioSettings from(JsonNode json, String defaultBackend) {
        if (json != null && !json.isNull() && !json.isMissingNode() && !json.isObject()) {
            throw new StudioException(400, "settings must be a JSON object");
        }
        ExperimentSettings s = ExperimentSettings.notebook();
        String backend = defaultBackend;
        try {
            if (json != null && json.isObject()) {
                JsonNode b = json.get("backend");
                if (b != null && !b.isNull() && !b.asText().isBlank()) {
                    backend = b.asText().strip();
                }
                for (Setting setting : ON_THE_PAGE) {
                    String text = text(json.get(setting.key()));
                    Integer max = BOUNDS.get(setting);
                    if (max != null) {
                        bound(setting, text, max);
                    }
                    s = s.with(setting, text);
                }
            }
            return new StudioSettings(backend, s.requireConsistent());
        } catch (IllegalArgumentException e) {
            throw new StudioException(400, e.getMessage());
        }
    }

    /** Returns the value the page sent as text: a list (features) is joined with commas. */
    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(x -> parts.add(x.asText()));
            return String.join(",", parts);
        }
        return n.asText();
    }

    /** Refuses a whole number outside the studio's bound (others are the parser's to refuse). */
    private static void bound(Setting setting, String text, int max) {
        if (text == null) {
            return;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v < 1 || v > max) {
                throw new InvalidSettingException(setting, String.format(Locale.ROOT, " must be in [1, %d], got %d",
                        max, v));
            }
        } catch (NumberFormatException e) {
            // not a whole number: the parser says so
        }
    }

    /** Returns the page's settings at their defaults, by key, in the page's spelling. */
    static ObjectNode defaults(ObjectNode into) {
        ExperimentSettings notebook = ExperimentSettings.notebook();
        for (Setting setting : ON_THE_PAGE) {
            if (setting == Setting.FEATURES) {
                var list = into.putArray(setting.key());
                notebook.network().inputs().forEach(f -> list.add(f.id()));
            } else {
                into.put(setting.key(), notebook.text(setting));
            }
        }
        into.put("continueEpochs", ExperimentSettings.MORE_EPOCHS);
        return into;
    }

    /** Returns the keys the page may send; for tests. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        ON_THE_PAGE.forEach(s -> keys.add(s.key()));
        return keys;
    }
}
