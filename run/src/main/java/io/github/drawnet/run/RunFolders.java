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
