package io.github.drawnet.api.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the
 * same directory, is flushed to disk, and is then moved over the target in one step. A crash or a
 * full disk leaves the previous file intact (and at worst a stray temporary file).
 *
 * <p>A directory whose files are flushed together by its owner at the end ({@link
 * #deferFlush}, a run folder's staging area) skips the flush per file: the file is still written to
 * a temporary name and renamed, so a reader never sees half of one. Each file written there is
 * hashed as it is written ({@link #written}), so that the owner's manifest need not read it back.
 */
public final class AtomicFiles {

    /** Deferred directories, each with what was written into it by name. */
    private static final Map<Path, Map<String, Written>> DEFERRED = new ConcurrentHashMap<>();

    /**
     * A file as {@link #write} wrote it into a deferred directory: its size, SHA-256 and modification
     * time at the end of the write.
     *
     * @param bytes the file's size
     * @param sha256 the SHA-256 of its content, lower-case hexadecimal
     * @param modified its modification time when written
     */
    public record Written(long bytes, String sha256, FileTime modified) {

        /**
         * Returns whether {@code file} is still as written: a regular file of the same size and
         * modification time (anything that rewrote it since, by another route, changes either).
         *
         * @throws IOException when the file's attributes cannot be read
         */
        public boolean describes(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == bytes && a.lastModifiedTime().equals(modified);
        }
    }

    private AtomicFiles() {}

    /**
     * Files written into {@code dir}, or into any folder under it, from now on are not flushed one by
     * one: the caller flushes the files and folders once ({@link #flush}) before it relies on them.
     */
    public static void deferFlush(Path dir) {
        DEFERRED.putIfAbsent(dir.toAbsolutePath().normalize(), new ConcurrentHashMap<>());
    }

    /** Ends {@link #deferFlush} for {@code dir}, and forgets what was written there. */
    public static void endDeferFlush(Path dir) {
        DEFERRED.remove(dir.toAbsolutePath().normalize());
    }

    /**
     * Returns how {@link #write} last wrote {@code file} into a directory whose flush is deferred,
     * or null when it did not (another writer, another directory, or after {@link #endDeferFlush}).
     * Check {@link Written#describes} before trusting it.
     */
    public static Written written(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = deferredRoot(absolute.getParent());
        Map<String, Written> files = root == null ? null : DEFERRED.get(root);
        return files == null ? null : files.get(root.relativize(absolute).toString());
    }

    /** Returns the deferred directory {@code dir} is or lies under, or null. */
    private static Path deferredRoot(Path dir) {
        if (DEFERRED.isEmpty()) {
            return null;
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            if (DEFERRED.containsKey(d)) {
                return d;
            }
        }
        return null;
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
        Path root = deferredRoot(dir.normalize());
        Map<String, Written> deferred = root == null ? null : DEFERRED.get(root);
        // in a deferred directory the content is hashed on its way out: the manifest reads nothing back
        MessageDigest digest = deferred == null ? null : sha256();
        boolean moved = false;
        try {
            try (OutputStream raw = Files.newOutputStream(tmp);
                    OutputStream out = digest == null ? raw : new DigestOutputStream(raw, digest)) {
                content.writeTo(out);
                out.flush();
            }
            Written written = null;
            if (deferred == null) {
                flush(tmp);
            } else {
                BasicFileAttributes a = Files.readAttributes(tmp, BasicFileAttributes.class);
                written = new Written(a.size(), HexFormat.of().formatHex(digest.digest()), a.lastModifiedTime());
            }
            keepPermissions(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            if (written != null) {
                deferred.put(root.relativize(absolute.normalize()).toString(), written);
            }
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
