package io.github.drawnet.app;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.run.Printable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The entry point of the command line. Makes the one injector, hands picocli a factory backed by
 * it, and turns every failure into one line and an exit code from {@link ExitCodes}: a user's
 * mistake never shows a stack trace unless {@code --verbose} asks for it.
 */
public final class Main {

    /** The system property that turns engine logs on the console on or off (set by --verbose). */
    static final String CONSOLE_LEVEL_PROPERTY = "drawnet.console.level";

    private Main() {}

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code; used by tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        if (verbose && System.getProperty(CONSOLE_LEVEL_PROPERTY) == null) {
            System.setProperty(CONSOLE_LEVEL_PROPERTY, "DEBUG");
        }
        System.setProperty("java.awt.headless", "true");
        Injector injector = Guice.createInjector(new DrawnetModule(out, err));
        CommandLine cli = new CommandLine(DrawnetCommand.class, new GuiceFactory(injector));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((ex, arguments) -> {
            String command = ex.getCommandLine().getCommandName();
            err.println(prefix(ex.getCommandLine()) + ex.getMessage() + " (see 'drawnet "
                    + ("drawnet".equals(command) ? "" : command + " ") + "--help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> fail(ex, commandLine, err, verbose));
        return cli.execute(args);
    }

    private static String prefix(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return "drawnet".equals(name) ? "drawnet: " : "drawnet " + name + ": ";
    }

    static int fail(Exception ex, CommandLine commandLine, PrintStream err, boolean verbose) {
        Logger log = LoggerFactory.getLogger(Main.class);
        String prefix = prefix(commandLine);
        int code;
        String message;
        if (ex instanceof UserException) {
            code = ((UserException) ex).exitCode();
            message = ex.getMessage();
        } else if (ex instanceof InvalidSettingException) {
            // the library names a setting by its label; the command line names it by its option
            InvalidSettingException bad = (InvalidSettingException) ex;
            code = ExitCodes.USAGE;
            message = bad.messageFor(spelling(commandLine, bad.setting().option()));
        } else if (ex instanceof BackendUnavailableException
                || ex instanceof io.github.drawnet.grading.GradeEngineUnavailableException) {
            code = ExitCodes.BACKEND_UNAVAILABLE;
            message = ex.getMessage();
        } else if (ex instanceof IllegalArgumentException) {
            // values the library refuses: a drawing, a setting, a file
            code = ExitCodes.USAGE;
            message = ex.getMessage();
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            code = ExitCodes.IO;
            message = "cannot write output: " + ex.getMessage();
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + ex + " (rerun with --verbose for the stack trace, and please report it)";
        }
        if (code == ExitCodes.INTERNAL) {
            log.error("internal error", ex);
        } else {
            log.debug("failed: {}", message, ex);
        }
        // one line: an internal error's first line; a user's error whole, control characters escaped
        err.println(prefix + Printable.escape(message == null ? "(no message)"
                : code == ExitCodes.INTERNAL ? message.lines().findFirst().orElse(message) : message));
        if (verbose) {
            ex.printStackTrace(err);
        }
        return code;
    }

    /** Returns the name the user typed for {@code option} (for example {@code --learning-rate} for {@code --lr}). */
    static String spelling(CommandLine commandLine, String option) {
        CommandLine.Model.OptionSpec spec = commandLine.getCommandSpec().findOption(option);
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        if (spec == null || parsed == null) {
            return option;
        }
        for (String arg : parsed.originalArgs()) {
            for (String name : spec.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return name;
                }
            }
        }
        return option;
    }

    /** Makes picocli's commands through Guice, so they get constructor injection. */
    private static final class GuiceFactory implements CommandLine.IFactory {
        private final Injector injector;

        GuiceFactory(Injector injector) {
            this.injector = injector;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return injector.getInstance(cls);
            } catch (ConfigurationException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
