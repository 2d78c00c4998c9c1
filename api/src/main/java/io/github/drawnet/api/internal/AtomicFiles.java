package io.github.drawnet.api.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the
 * same directory, is flushed to disk, and is then moved over the target in one step. A crash or a
 * full disk leaves the previous file intact (and at worst a stray temporary file).
 *
 * <p>A directory whose files are flushed together by its owner at the end ({@link
 * #deferFlush}, a run folder's staging area) skips the flush per file: the file is still written to
 * a temporary name and renamed, so a reader never sees half of one.
 */
public final class AtomicFiles {

    private static final java.util.Set<Path> DEFERRED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /**
     * Files written into {@code dir} from now on are not flushed one by one: the caller flushes the
     * whole directory once ({@link #flush}) before it relies on them.
     */
    public static void deferFlush(Path dir) {
        DEFERRED.add(dir.toAbsolutePath().normalize());
    }

    /** Ends {@link #deferFlush} for {@code dir}. */
    public static void endDeferFlush(Path dir) {
        DEFERRED.remove(dir.toAbsolutePath().normalize());
    }

    /**
     * Flushes a file's content, or a directory's entries, to disk. A directory that the platform
     * cannot open for flushing is skipped.
     */
    public static void flush(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path,
                    java.nio.file.StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException e) {
                if (Files.isDirectory(path) && !path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    return; // Windows cannot open a directory to flush it
                }
                throw e;
            }
            return;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** What writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Gives the temporary file the permissions of the file it replaces, or {@code rw-r--r--} for a
     * new one: a temporary file is created owner-only, which a report someone else opens must not be.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /**
     * Writes {@code bytes} to {@code target} atomically, creating its directory if needed.
     *
     * @throws IOException when the directory or the file cannot be written; the previous file, if
     *     any, is then unchanged
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} produces to {@code target} atomically, creating its directory if
     * needed.
     *
     * @throws IOException when the directory or the file cannot be written, or {@code content}
     *     fails; the previous file, if any, is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
                out.flush();
            }
            if (!DEFERRED.contains(dir.normalize())) {
                flush(tmp);
            }
            keepPermissions(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
