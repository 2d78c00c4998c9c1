package io.github.drawnet.app;

import io.github.drawnet.api.ReportFiles;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The {@code --formats} option, one spelling for {@code run}, {@code continue} and {@code sweep}:
 * which files each figure is written as ({@link ReportFiles#parseFormats} reads it).
 */
final class FormatsOption {

    /** The default, every format. */
    static final String DEFAULT = "png,svg";

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = DEFAULT,
            description = "Figure files to write: png,svg (default), png, svg, or none (for sweeps and graders that"
                    + " need only the numbers).")
    String formats = DEFAULT;

    /**
     * Returns the chosen formats.
     *
     * @throws UserException naming the value, exit code {@link ExitCodes#USAGE}
     */
    Set<ReportFiles.Format> formats() {
        try {
            return ReportFiles.parseFormats(formats);
        } catch (IllegalArgumentException e) {
            throw new UserException("--" + e.getMessage(), ExitCodes.USAGE, e);
        }
    }
}
