package io.github.drawnet.app;

import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives the experiment options of {@code run}, {@code compare} and {@code sweep} their defaults from
 * the library's settings model ({@link ExperimentSettings#notebook()}), so the notebook's defaults
 * are written once: not in an annotation here, not in the studio's page.
 */
final class SettingDefaults implements CommandLine.IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        for (String name : option.names()) {
            for (Setting s : Setting.values()) {
                if (s.option().equals(name)) {
                    return s.defaultText();
                }
            }
        }
        return null;
    }
}
