package io.github.drawnet.app;

import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.RunFolders;
import io.github.drawnet.run.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

/** Chooses and prepares the folder a command writes into. */
final class OutputFolder {

    private OutputFolder() {}

    /**
     * Opens the folder a run writes into, whole ({@link RunFolder}): {@code requested}, or a new
     * {@code drawnet-out/<time>-<drawing>-<backend>} (with {@code -2}, {@code -3}... when that exists).
     * Refuses, before any work: an empty {@code --out}; the working folder itself unless {@code force};
     * a folder another run is writing into; one that holds another run's results unless {@code force};
     * and a folder where a planned file would replace an input.
     *
     * @param inputs the files the run reads (the drawing, the saved model), which it must never replace
     * @param planned the names of the files the run will write
     * @throws UserException naming the folder and the reason, exit code {@link ExitCodes#IO}
     */
    static RunFolder open(Path requested, boolean force, Clock clock, String drawing, String backend, String command,
            Collection<Path> inputs, Collection<String> planned) {
        Path dir = requested != null ? checkRequested(requested, force)
                : RunFolders.fresh(RunFolders.BASE, clock, drawing, backend);
        try {
            return RunFolders.open(dir, force, clock, command, inputs, planned);
        } catch (RunFolderException e) {
            throw new UserException(Names.escape(e.getMessage()), ExitCodes.IO, e);
        }
    }

    /**
     * Checks an {@code --out} folder before any work: not empty, not the working folder unless {@code force},
     * not a file.
     *
     * @return {@code requested}
     * @throws UserException naming the folder and the reason, exit code {@link ExitCodes#IO}
     */
    static Path checkRequested(Path requested, boolean force) {
        if (requested.toString().isBlank()) {
            throw new UserException("--out is empty; give the folder to write into", ExitCodes.IO);
        }
        if (!force && isWorkingFolder(requested)) {
            throw new UserException("output folder " + requested + " is the working folder; add --force to write"
                    + " the run's files into it, or give a folder of its own", ExitCodes.IO);
        }
        if (Files.exists(requested) && !Files.isDirectory(requested)) {
            throw new UserException("output folder " + Names.quoted(requested) + " is a file; give a folder with --out",
                    ExitCodes.IO);
        }
        return requested;
    }

    private static boolean isWorkingFolder(Path p) {
        Path cwd = Paths.get("").toAbsolutePath().normalize();
        try {
            if (Files.exists(p)) {
                return Files.isSameFile(p, cwd);
            }
        } catch (IOException e) {
            // fall through to the names
        }
        return p.toAbsolutePath().normalize().equals(cwd);
    }

    /**
     * Returns {@code dir}, created and checked to be writable before any work starts: a folder that
     * is not a run's (the presets' export).
     *
     * @param option the option that named the folder, for messages
     * @throws UserException when the folder cannot be created or written
     */
    static Path prepare(Path dir, String option) {
        if (dir.toString().isBlank()) {
            throw new UserException(option + " is empty; give the folder to write into", ExitCodes.IO);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("output folder " + Names.quoted(dir) + " is a file; give a folder with " + option,
                    ExitCodes.IO);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException("cannot create output folder " + Names.quoted(dir) + ": " + describe(e),
                    ExitCodes.IO, e);
        }
        if (!Files.isWritable(dir)) {
            throw new UserException("cannot write to output folder " + Names.quoted(dir) + ": permission denied",
                    ExitCodes.IO);
        }
        return dir;
    }

    static String describe(IOException e) {
        return RunWriter.describe(e);
    }
}
