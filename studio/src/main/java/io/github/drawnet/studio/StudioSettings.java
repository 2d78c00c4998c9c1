package io.github.drawnet.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiment a studio page asks for: its JSON read setting by setting with the library's one
 * parser ({@link ExperimentSettings#with}), keys as {@link Setting#key()} names them, missing ones at
 * the notebook's defaults; plus the studio's budget ({@link StudioBudget}), so a page's run stays
 * interactive.
 *
 * @param backend the backend id
 * @param settings the experiment
 */
record StudioSettings(String backend, ExperimentSettings settings) {

    /** The settings a page may send; the others (labels, shuffle) stay at the notebook's. */
    static final List<Setting> ON_THE_PAGE = List.of(Setting.TRAIN_SIZE, Setting.VALIDATION_SIZE, Setting.TEST_SIZE,
            Setting.NOISE, Setting.SEED, Setting.HIDDEN, Setting.ACTIVATION, Setting.FEATURES, Setting.OPTIMIZER,
            Setting.LEARNING_RATE, Setting.BATCH_SIZE, Setting.EPOCHS, Setting.WEIGHT_DECAY, Setting.L1);

    /**
     * Reads and checks the settings.
     *
     * @throws StudioException (400) naming the first bad value, with its setting's key when one setting is at fault
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
                    StudioBudget.check(setting, text);
                    s = s.with(setting, text);
                }
            }
            return new StudioSettings(backend, s.requireConsistent());
        } catch (InvalidSettingException e) {
            throw new StudioException(400, e.getMessage(), e.setting().key());
        } catch (IllegalArgumentException e) {
            throw new StudioException(400, e.getMessage());
        }
    }

    /**
     * Returns the value the page sent as text: a list (features) is joined with commas, so an empty
     * one is refused by the parser; an empty field is null, the default the page shows in it.
     */
    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isValueNode() && n.asText().isBlank()) {
            return null;
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(x -> parts.add(x.asText()));
            return String.join(",", parts);
        }
        return n.asText();
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
