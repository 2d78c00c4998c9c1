package io.github.drawnet.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: {@code drawnet <command>}. */
@Command(name = "drawnet", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Draw a region, watch a neural network learn it.",
            "The classic lesson, on two engines (DJL with PyTorch, and DL4J)."},
        subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, GradeCommand.class, ContinueCommand.class,
            StudioCommand.class, BenchCommand.class, PresetsCommand.class},
        footer = {"", "Run 'drawnet run' to train on the built-in drawing; 'drawnet COMMAND --help' for a command's options."})
final class DrawnetCommand implements Runnable {

    @Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show engine logs and, on errors, stack traces.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
