package io.github.drawnet.app;

import io.github.drawnet.api.ReportFiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code run} and {@code continue} write besides their data files: {@code --formats} (as
 * {@code sweep} spells it) and {@code --no-report}.
 */
final class ReportOptions {

    @Mixin
    FormatsOption formats = new FormatsOption();

    @Option(names = "--no-report", description = "Do not write report.html (figures are still written as --formats says).")
    boolean noReport;

    /**
     * Returns the files to write.
     *
     * @throws UserException naming a bad --formats value, exit code {@link ExitCodes#USAGE}
     */
    ReportFiles files() {
        return new ReportFiles(formats.formats(), !noReport);
    }
}
