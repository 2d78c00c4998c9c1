package io.github.drawnet.run;

import io.github.drawnet.io.Exports;
import io.github.drawnet.io.MetricsFile;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Names and opens the folders runs write into: {@code drawnet-out/<time>-<drawing>-<backend>} when none is
 * given, opened whole ({@link RunFolder}: the run's files appear together or not at all, and another run's
 * results are never mixed in).
 */
public final class RunFolders {

    /** Where runs go when no folder is given. */
    public static final Path BASE = Paths.get("drawnet-out");
    /** The most characters of a drawing's name kept in a default folder name. */
    public static final int MAX_NAME = 40;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {}

    /**
     * Returns a folder under {@code base} that does not exist yet: {@code <time>-<drawing>-<backend>}, with
     * {@code -2}, {@code -3}... when that one exists.
     *
     * @param drawing the drawing's name (its file extension dropped, other characters than letters, digits,
     *     {@code _} and {@code -} made {@code _}, at most {@value #MAX_NAME} kept)
     */
    public static Path fresh(Path base, Clock clock, String drawing, String backend) {
        String name = LocalDateTime.now(clock).format(STAMP) + "-" + sanitize(drawing) + "-" + backend;
        Path dir = base.resolve(name);
        for (int n = 2; Files.exists(dir); n++) {
            dir = base.resolve(name + "-" + n);
        }
        return dir;
    }

    /**
     * Opens {@code dir} for one run ({@link RunFolder#open}), its run id the time and this process's id.
     *
     * @param replace whether the results of an earlier run in the folder may be replaced, as a whole
     * @param command the command that writes the run, recorded in its manifest
     * @param inputs the files the run reads, which it must never replace
     * @param planned the names of the files the run will write
     * @throws RunFolderException when the run may not write there, or the folder cannot be created or written:
     *     one line naming the folder and why
     */
    public static RunFolder open(Path dir, boolean replace, Clock clock, String command, Collection<Path> inputs,
            Collection<String> planned) throws RunFolderException {
        Objects.requireNonNull(dir, "dir");
        String id = LocalDateTime.now(clock).format(STAMP) + "-" + ProcessHandle.current().pid();
        try {
            return RunFolder.open(dir, id, command, replace, inputs, planned);
        } catch (RunFolderException e) {
            throw e;
        } catch (IOException e) {
            throw new RunFolderException((Files.isDirectory(dir) ? "cannot write to output folder "
                    : "cannot create output folder ") + dir + ": " + RunWriter.describe(e));
        }
    }

    /**
     * Checks a folder a person named for a run, before any work: not empty, not the working folder unless
     * {@code replace}, not a file.
     *
     * @param option how the person named the folder (for example {@code --out}), for messages
     * @param replaceOption how the person allows writing into the working folder (for example {@code --force})
     * @return {@code dir}
     * @throws RunFolderException naming the folder and the reason
     */
    public static Path checkGiven(Path dir, boolean replace, String option, String replaceOption)
            throws RunFolderException {
        if (dir.toString().isBlank()) {
            throw new RunFolderException(option + " is empty; give the folder to write into");
        }
        if (!replace && isWorkingFolder(dir)) {
            throw new RunFolderException("output folder " + dir + " is the working folder; add " + replaceOption
                    + " to write the run's files into it, or give a folder of its own");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunFolderException("output folder " + Printable.path(dir) + " is a file; give a folder with "
                    + option);
        }
        return dir;
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
     * Returns {@code dir}, created and checked to be writable before any work starts: a plain folder, not a
     * run's (for example the presets' export).
     *
     * @param option how the person named the folder (for example {@code --export}), for messages
     * @throws RunFolderException when the folder is empty, a file, or cannot be created or written
     */
    public static Path prepare(Path dir, String option) throws RunFolderException {
        if (dir.toString().isBlank()) {
            throw new RunFolderException(option + " is empty; give the folder to write into");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunFolderException("output folder " + Printable.path(dir) + " is a file; give a folder with "
                    + option);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RunFolderException("cannot create output folder " + Printable.path(dir) + ": "
                    + RunWriter.describe(e));
        }
        if (!Files.isWritable(dir)) {
            throw new RunFolderException("cannot write to output folder " + Printable.path(dir)
                    + ": permission denied");
        }
        return dir;
    }

    /**
     * Returns the folder {@code file} lies in when it is a run folder that an interrupted run left unfinished (its
     * files disagree with its manifest, or a replacement was cut short); empty otherwise, or when it cannot be read.
     */
    public static Optional<Path> unfinishedFolderOf(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (folder != null && RunFolder.status(folder) == RunFolder.Status.UNFINISHED) {
                return Optional.of(folder);
            }
        } catch (IOException e) {
            // an unreadable folder: nothing to say about it
        }
        return Optional.empty();
    }

    /** Returns the names a run writes into its folder besides its figures and model: the exports and metrics. */
    public static List<String> dataFileNames() {
        List<String> names = new ArrayList<>(Exports.FILE_NAMES);
        names.add(MetricsFile.FILE_NAME);
        return names;
    }

    /** Returns a drawing's name as a default folder name uses it. */
    public static String sanitize(String name) {
        String base = name.replaceAll("\\.[A-Za-z]+$", "");
        String clean = base.replaceAll("[^A-Za-z0-9_-]+", "_");
        if (clean.length() > MAX_NAME) {
            clean = clean.substring(0, MAX_NAME);
        }
        return clean.isEmpty() ? "drawing" : clean;
    }
}
