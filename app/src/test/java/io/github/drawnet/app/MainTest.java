package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Every failure becomes one line, prefixed by the command, and the exit code of README's table. */
final class MainTest {

    static CommandLine command(String name) {
        return new CommandLine(CommandLine.Model.CommandSpec.create().name(name));
    }

    static String fail(Exception e, String command, int[] code) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        code[0] = Main.fail(e, command(command), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return err.toString(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new UserException("output folder out is a file; give a folder with --out", ExitCodes.IO),
                        "run", ExitCodes.IO, "drawnet run: output folder out is a file; give a folder with --out"),
                Arguments.of(new IllegalArgumentException("drawing tiny.png is 1 x 1 pixels; at least 2 x 2"),
                        "continue", ExitCodes.USAGE, "drawnet continue: drawing tiny.png is 1 x 1 pixels; at least 2 x 2"),
                Arguments.of(new IOException("No space left on device"), "sweep", ExitCodes.IO,
                        "drawnet sweep: cannot write output: No space left on device"),
                Arguments.of(new UncheckedIOException(new IOException("No space left on device")), "run", ExitCodes.IO,
                        "drawnet run: cannot write output: java.io.IOException: No space left on device"),
                Arguments.of(new IllegalStateException("model is closed"), "run", ExitCodes.INTERNAL,
                        "drawnet run: internal error: java.lang.IllegalStateException: model is closed"
                                + " (rerun with --verbose for the stack trace, and please report it)"),
                Arguments.of(new IllegalArgumentException((String) null), "run", ExitCodes.USAGE,
                        "drawnet run: (no message)"),
                Arguments.of(new IllegalArgumentException("first line\n  detail on the second line"), "run",
                        ExitCodes.USAGE, "drawnet run: first line\\n  detail on the second line"),
                Arguments.of(new UserException("give a command", ExitCodes.USAGE), "drawnet", ExitCodes.USAGE,
                        "drawnet: give a command"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("failures")
    void fail_eachKindOfFailure_oneLineAndItsExitCode(Exception e, String command, int exit, String line) {
        int[] code = new int[1];
        String text = fail(e, command, code);
        assertThat(code[0]).isEqualTo(exit);
        assertThat(text).isEqualTo(line + System.lineSeparator());
    }

    @Test
    void fail_internalError_logsTheStackTrace_aUsersMistakeLogsNoError() {
        // ExitCodes.INTERNAL: "the log has the stack trace"; a user's mistake is not an error of the program
        Logger logger = (Logger) LoggerFactory.getLogger(Main.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            IllegalStateException bug = new IllegalStateException("model is closed");
            fail(bug, "run", new int[1]);
            fail(new UserException("--epochs must be in [1, 100000], got 0", ExitCodes.USAGE), "run", new int[1]);
            assertThat(events.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                        assertThat(e.getThrowableProxy().getMessage()).isEqualTo("model is closed");
                    });
        } finally {
            logger.detachAppender(events);
        }
    }

    @Test
    void noCommand_printsUsageListingEveryCommand_exit0() {
        CliRunner.Result r = CliRunner.run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: drawnet [-hvV] [COMMAND]");
        assertThat(r.out().lines().map(String::strip).map(l -> l.split(" ")[0]))
                .containsSubsequence("run", "compare", "sweep", "continue", "studio", "bench", "presets");
    }

    @Test
    void unknownOptionOfTheRootCommand_oneLinePointingAtHelp_exit2() {
        CliRunner.Result r = CliRunner.run("--colour");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet: Unknown option: '--colour' (see 'drawnet --help')"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void verbose_badOption_theLineThenTheStackTrace() {
        LoggerFactory.getILoggerFactory(); // logback reads its configuration now, before --verbose sets the level
        String before = System.getProperty(Main.CONSOLE_LEVEL_PROPERTY);
        try {
            CliRunner.Result r = CliRunner.run("run", "-v", "--epochs", "0");
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines().findFirst()).contains("drawnet run: --epochs must be in [1, 100000], got 0");
            assertThat(r.err()).contains("\tat io.github.drawnet.");
            assertThat(r.out()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(Main.CONSOLE_LEVEL_PROPERTY);
            }
        }
    }

    @Test
    void verbose_turnsOnTheConsoleLogThatLogbackReads_unlessAlreadyChosen() throws IOException {
        // logback.xml sends engine logs to the console at the level this property names, OFF without it
        try (var xml = Main.class.getResourceAsStream("/logback.xml")) {
            assertThat(new String(xml.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("${" + Main.CONSOLE_LEVEL_PROPERTY + ":-OFF}");
        }
        LoggerFactory.getILoggerFactory(); // logback reads its configuration now, before --verbose sets the level
        String before = System.getProperty(Main.CONSOLE_LEVEL_PROPERTY);
        try {
            System.clearProperty(Main.CONSOLE_LEVEL_PROPERTY);
            CliRunner.run("run", "--epochs", "0");
            assertThat(System.getProperty(Main.CONSOLE_LEVEL_PROPERTY)).as("without --verbose").isNull();
            CliRunner.run("run", "--verbose", "--epochs", "0");
            assertThat(System.getProperty(Main.CONSOLE_LEVEL_PROPERTY)).as("with --verbose").isEqualTo("DEBUG");
            // a level the user chose with -Ddrawnet.console.level=... is kept
            System.setProperty(Main.CONSOLE_LEVEL_PROPERTY, "WARN");
            CliRunner.run("run", "-v", "--epochs", "0");
            assertThat(System.getProperty(Main.CONSOLE_LEVEL_PROPERTY)).as("chosen by the user").isEqualTo("WARN");
        } finally {
            if (before == null) {
                System.clearProperty(Main.CONSOLE_LEVEL_PROPERTY);
            } else {
                System.setProperty(Main.CONSOLE_LEVEL_PROPERTY, before);
            }
        }
    }
}
