package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Setting;
import io.github.drawnet.studio.StudioServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each command's --help lists every option with its default; the experiment's defaults come from the library. */
final class HelpTest {

    private static final Pattern OPTION_START = Pattern.compile("^ {2,6}(-\\S.*)$");
    private static final Pattern NAME = Pattern.compile("(-{1,2}[a-zA-Z][\\w-]*)(?:=\\S+)?(, )?");

    /** Returns each option's help text, whitespace collapsed, by every name it has ("--lr", "--learning-rate"). */
    static Map<String, String> options(String help) {
        List<String> entries = new ArrayList<>();
        for (String line : help.lines().toList()) {
            Matcher m = OPTION_START.matcher(line);
            if (m.matches()) {
                entries.add(m.group(1));
            } else if (!entries.isEmpty() && line.startsWith("      ")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (String entry : entries) {
            String text = entry.replaceAll("\\s+", " ");
            // the names come first: "--lr, --learning-rate=RATE Learning rate ..."
            Matcher name = NAME.matcher(text);
            int at = 0;
            while (name.find(at) && name.start() == at) {
                byName.put(name.group(1), text);
                if (name.group(2) == null) {
                    break;
                }
                at = name.end();
            }
        }
        return byName;
    }

    static String help(String command) {
        CliRunner.Result r = CliRunner.run(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: drawnet " + command + " ");
        return r.out();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "sweep"})
    void help_experimentCommands_showEachSettingsDefaultFromTheLibrary(String command) {
        Map<String, String> options = options(help(command));
        int shown = 0;
        for (Setting s : Setting.values()) {
            String text = options.get(s.option());
            if (text != null) {
                assertThat(text).as(s.option()).contains("(default: " + s.defaultText() + ")");
                shown++;
            }
        }
        // seed, the three sizes, noise, hidden, activation, features, optimizer, lr, batch, epochs, weight decay, l1
        assertThat(shown).isEqualTo(14);
        assertThat(options.get("--lr")).contains("(default: 0.01)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "continue | --epochs       | (default: 10)",
        "studio   | --port         | (default: 8080)",
        "studio   | --host         | (default: 127.0.0.1, this machine only)",
        "studio   | --max-sessions | (default: as many as the memory serves, 85 with 1 GiB)",
        "bench    | --backends     | (default: djl,dl4j,reference)",
        "bench    | --epochs       | (default: 100)",
        "bench    | --repeat       | (default: 2)",
        "bench    | --python       | (default: /usr/bin/python3)",
        "run      | --backend      | (default: djl, else the first that runs here)",
        "sweep    | --backend      | (default: djl, else the first that runs here)",
        "grade    | --backend      | (default: djl, else the first that runs here)",
        "compare  | --backends     | (default: every one that runs here)",
        "sweep    | --parallel     | (default: the number of cores)"})
    void help_commandsOwnOptions_showTheirDefaults(String command, String option, String shown) {
        assertThat(options(help(command)).get(option)).contains(shown);
    }

    @Test
    void studioHelp_maxSessions_namesWhatTheStudioServesWithTheLaunchersHeap() {
        // the launcher runs with -Xmx1g; the help's figure is the studio's own rule, not a copy of it
        assertThat(options(help("studio")).get("--max-sessions"))
                .contains(StudioServer.Options.memorySessions(1L << 30) + " with 1 GiB");
    }
}
