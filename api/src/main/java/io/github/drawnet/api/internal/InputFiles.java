package io.github.drawnet.api.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Says what is wrong with a file given to be read, before it is opened: only regular files are
 * read (opening a FIFO would wait forever for a writer, a device would never end), and each problem
 * is named by its real cause.
 */
public final class InputFiles {

    private InputFiles() {}

    /**
     * Returns what keeps {@code file} from being read as a regular file, as words that follow the
     * file's name ("does not exist", "is a folder; ..."), or null when it can be read.
     *
     * @param what what the file should be, for the advice ("a PNG file", "a model file")
     */
    public static String problem(Path file, String what) {
        if (file.toString().isEmpty()) {
            return "is an empty name; give " + what;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Files.isSymbolicLink(file) ? "is a symbolic link to nothing (" + target(file) + " does not exist)"
                    : "does not exist";
        } catch (AccessDeniedException e) {
            return "cannot be read: permission denied on " + (e.getFile() == null ? "it" : e.getFile());
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            if (reason.contains("symbolic links")) {
                return "is a symbolic link that loops";
            }
            return "cannot be read: " + reason;
        } catch (IOException e) {
            return "cannot be read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            return "is a folder; give " + what;
        }
        if (!attributes.isRegularFile()) {
            return "is not a regular file (a FIFO, a device or a socket); give " + what;
        }
        if (!Files.isReadable(file)) {
            return "cannot be read: permission denied";
        }
        return null;
    }

    /** Returns the file's name for a message: the path, or {@code ''} when it is empty. */
    public static String name(Path file) {
        return file.toString().isEmpty() ? "''" : file.toString();
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "its target";
        }
    }

}
