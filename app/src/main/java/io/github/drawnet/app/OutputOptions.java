package io.github.drawnet.app;

import io.github.drawnet.viz.ReportFiles;
import picocli.CommandLine.Option;

/** {@code --formats} and {@code --no-report}, one spelling for run, continue and sweep (ReportFiles parses). */
final class OutputOptions {

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = "png,svg", description = "Figure files to write:"
            + " png,svg (default), png, svg, or none (for sweeps and graders that need only the numbers).")
    String formats = "png,svg";

    @Option(names = "--no-report", description = "Do not write report.html (a sweep writes none).")
    boolean noReport;

    /** Returns the files to write; a bad --formats is a {@link UserException} naming it (exit 2). */
    ReportFiles files() {
        try {
            return new ReportFiles(ReportFiles.parseFormats(formats), !noReport);
        } catch (IllegalArgumentException e) {
            throw new UserException("--" + e.getMessage(), ExitCodes.USAGE, e);
        }
    }
}
