package io.github.drawnet.app;

import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
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

    /** Where runs go when {@code --out} is not given. */
    static final Path BASE = Paths.get("drawnet-out");
    /** The most characters of a drawing's name kept in a default folder name. */
    static final int MAX_NAME = 40;

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
        Path dir;
        if (requested != null) {
            if (requested.toString().isBlank()) {
                throw new UserException("--out is empty; give the folder to write into", ExitCodes.IO);
            }
            if (!force && isWorkingFolder(requested)) {
                throw new UserException("output folder " + requested + " is the working folder; add --force to write"
                        + " the run's files into it, or give a folder of its own", ExitCodes.IO);
            }
            dir = requested;
        } else {
            dir = fresh(clock, drawing, backend);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("output folder " + Names.quoted(dir) + " is a file; give a folder with --out",
                    ExitCodes.IO);
        }
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            return RunFolder.open(dir, stamp + "-" + ProcessHandle.current().pid(), command, force, inputs, planned);
        } catch (RunFolderException e) {
            throw new UserException(Names.escape(e.getMessage()), ExitCodes.IO, e);
        } catch (IOException e) {
            throw new UserException((Files.isDirectory(dir) ? "cannot write to output folder " : "cannot create output folder ")
                    + Names.quoted(dir) + ": " + describe(e), ExitCodes.IO, e);
        }
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

    /** Returns a default folder that does not exist yet. */
    private static Path fresh(Clock clock, String drawing, String backend) {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String base = stamp + "-" + sanitize(drawing) + "-" + backend;
        Path dir = BASE.resolve(base);
        for (int n = 2; Files.exists(dir); n++) {
            dir = BASE.resolve(base + "-" + n);
        }
        return dir;
    }

    /** Returns the names a run writes into its folder besides its figures: metrics and exports. */
    static List<String> dataFileNames() {
        List<String> names = new java.util.ArrayList<>(io.github.drawnet.io.Exports.FILE_NAMES);
        names.add(io.github.drawnet.io.MetricsFile.FILE_NAME);
        return names;
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

    /**
     * Checks, before any work, that {@code file} can be written: its folder exists or can be made
     * and is writable, and it is not a folder itself.
     *
     * @throws UserException naming the file otherwise
     */
    static void checkWritableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserException("cannot save to " + file + ": it is a folder; give a file name", ExitCodes.IO);
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UserException("cannot create folder " + parent + " for " + file.getFileName() + ": "
                    + describe(e), ExitCodes.IO, e);
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new UserException("cannot write " + file + ": permission denied", ExitCodes.IO);
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }

    static String sanitize(String name) {
        String base = name.replaceAll("\\.[A-Za-z]+$", "");
        String clean = base.replaceAll("[^A-Za-z0-9_-]+", "_");
        if (clean.length() > MAX_NAME) {
            clean = clean.substring(0, MAX_NAME);
        }
        return clean.isEmpty() ? "drawing" : clean;
    }
}
