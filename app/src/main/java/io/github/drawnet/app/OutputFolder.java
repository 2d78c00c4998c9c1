package io.github.drawnet.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Chooses and prepares the folder a command writes into. */
final class OutputFolder {

    /** Where runs go when {@code --out} is not given. */
    static final Path BASE = Paths.get("drawnet-out");

    private OutputFolder() {}

    /**
     * Returns {@code requested}, or {@code drawnet-out/<time>-<drawing>-<backend>}, created and
     * checked to be writable before any work starts.
     *
     * @throws UserException when the folder cannot be created or written
     */
    static Path prepare(Path requested, Clock clock, String drawing, String backend) {
        Path dir = requested;
        if (dir == null) {
            String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = BASE.resolve(stamp + "-" + sanitize(drawing) + "-" + backend);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("output folder " + dir + " is a file; give a folder with --out", ExitCodes.IO);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException("cannot create output folder " + dir + ": " + describe(e), ExitCodes.IO, e);
        }
        if (!Files.isWritable(dir)) {
            throw new UserException("cannot write to output folder " + dir + ": permission denied", ExitCodes.IO);
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

    private static String sanitize(String name) {
        String base = name.replaceAll("\\.[A-Za-z]+$", "");
        String clean = base.replaceAll("[^A-Za-z0-9_-]+", "_");
        return clean.isEmpty() ? "drawing" : clean;
    }
}
