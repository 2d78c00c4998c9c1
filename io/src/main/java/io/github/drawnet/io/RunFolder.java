package io.github.drawnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.internal.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A folder that holds one run's results, whole: never a mix of two runs, never half of one.
 *
 * <ul>
 *   <li><b>One run at a time</b>: while a run writes, it holds a lock on {@code .drawnet.lock} in the
 *       folder (the operating system releases it when the process ends, however it ends); a second
 *       run into the same folder is refused, naming the first.
 *   <li><b>The new set beside the old</b>: a run writes its files into a staging folder inside the
 *       folder ({@link #staging()}), then {@linkplain #commit() commits}: every staged file is flushed
 *       to disk (once, together), the manifest {@code run.json} naming each file with its size and
 *       SHA-256 (computed as {@link AtomicFiles} wrote the file, or read back for a file written by
 *       other means) is written and flushed, and only then are the old run's files removed and the new
 *       ones moved into place, the manifest last. A kill at any moment leaves either the old set, or
 *       a committed new set that the next run into the folder (or {@link #open}) finishes moving in.
 *   <li><b>A run owns what it names</b>: it replaces or deletes only files an earlier run's manifest
 *       lists; any other file in the way is refused unless the caller asks to replace it, and an
 *       input (the drawing, the model it reads) is never replaced.
 *   <li><b>Folders in the set</b>: a run may stage subfolders (a grading's {@code reports/<drawing>/<cell>/}):
 *       every file under them is listed by its path relative to the folder ({@code /} between names),
 *       committed, checked and replaced like the others, and a folder an old run's files leave empty
 *       is removed. A manifest that lists such a path is of version 2; one of flat files stays version
 *       1, as every reader before subfolders reads it.
 * </ul>
 *
 * <p>Readers trust the manifest: {@link #status(Path)} says whether a folder holds a finished run
 * whose files agree with it.
 */
public final class RunFolder implements AutoCloseable {

    /** The manifest's file name. */
    public static final String MANIFEST = "run.json";
    /** The manifest's format name. */
    public static final String FORMAT = "drawnet-run";
    /** The manifest's version when it lists a file in a subfolder; a set of flat files is version 1. */
    public static final int VERSION_WITH_FOLDERS = 2;
    static final String LOCK = ".drawnet.lock";
    static final String STAGING_PREFIX = ".drawnet-new-";

    private final Path dir;
    private final Path given;
    private final Path staging;
    private final String runId;
    private final String command;
    private final boolean replace;
    private final List<Path> inputs;
    private final Set<String> owned;
    private final Set<String> planned = new TreeSet<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean committed;
    private boolean closed;
    private boolean created; // this open made the folder: closed uncommitted, it is removed again

    private RunFolder(Path dir, Path given, Path staging, String runId, String command, boolean replace, List<Path> inputs,
            Set<String> owned, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.given = given;
        this.staging = staging;
        this.runId = runId;
        this.command = command;
        this.replace = replace;
        this.inputs = inputs;
        this.owned = owned;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens {@code dir} for a new run: creates it if needed, locks it, finishes or discards what an
     * interrupted run left, and checks that the run may write there.
     *
     * @param dir the folder
     * @param runId the new run's id, unique enough to tell runs apart (a time and a process id)
     * @param command what makes the run, for the manifest and messages ({@code run}, {@code sweep}...)
     * @param replace whether the results of another run, or other files in the way, may be replaced
     * @param inputs files the run reads, which it must never replace (the drawing, a saved model)
     * @param plannedNames the names of the files the run will write, when known, to refuse before any
     *     work when one would replace an input or a file not made by Drawnet
     * @throws RunFolderException with a one-line message when the folder is in use, holds another
     *     run's results (and {@code replace} is false), or a planned file would replace an input
     * @throws IOException when the folder cannot be created or written
     */
    public static RunFolder open(Path dir, String runId, String command, boolean replace, Collection<Path> inputs,
            Collection<String> plannedNames) throws IOException {
        Objects.requireNonNull(runId, "runId");
        Path folder = dir.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new RunFolderException("output folder " + dir + " is a file; give a folder");
        }
        boolean created = !Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(folder);
        Path lockFile = folder.resolve(LOCK);
        // the lock file stays in the folder: deleting it would let two runs lock two different files
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = readHolder(channel);
            channel.close();
            throw new RunFolderException("output folder " + dir + " is in use by another run" + holder
                    + "; wait for it to finish or choose another folder");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.format(Locale.ROOT, "%s %d %s %s%n", runId, ProcessHandle.current().pid(),
                    command, Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
            recover(folder);
            Set<String> owned = new TreeSet<>();
            JsonNode old = readManifest(folder.resolve(MANIFEST));
            if (old != null) {
                old.path("files").forEach(f -> owned.add(f.path("name").asText()));
                owned.add(MANIFEST);
                if (!replace) {
                    throw new RunFolderException("output folder " + dir + " holds the results of " + describe(old)
                            + "; add --force to replace them, or choose another folder");
                }
            }
            List<Path> inputList = new ArrayList<>();
            for (Path in : inputs) {
                inputList.add(in.toAbsolutePath().normalize());
            }
            RunFolder folderRun = new RunFolder(folder, dir, folder.resolve(STAGING_PREFIX + runId), runId, command, replace,
                    List.copyOf(inputList), owned, channel, lock);
            for (String name : plannedNames) {
                folderRun.checkReplaceable(name);
                folderRun.planned.add(name);
            }
            folderRun.created = created;
            Files.createDirectories(folderRun.staging);
            AtomicFiles.deferFlush(folderRun.staging);
            return folderRun;
        } catch (IOException | RuntimeException e) {
            if (created) {
                removeMade(folder, lockFile);
            }
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            channel.read(buffer, 0);
            String[] parts = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim().split(" ");
            if (parts.length >= 3) {
                return " (" + parts[2] + " " + parts[0] + ", process " + parts[1] + ")";
            }
        } catch (IOException e) {
            // the holder is unknown; the message says less
        }
        return "";
    }

    private static String describe(JsonNode manifest) {
        return manifest.path("command").asText("a run") + " " + manifest.path("run").asText("?") + " of "
                + manifest.path("created").asText("an unknown time");
    }

    /** Returns the folder, absolute. */
    public Path dir() {
        return dir;
    }

    /** Returns the folder as the caller named it (relative if it was), for messages. */
    public Path given() {
        return given;
    }

    /** Returns the folder the run writes its files into before {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    /** Returns the run's id. */
    public String runId() {
        return runId;
    }

    /**
     * Returns the path a file of the run will have once committed, in the folder as the caller named
     * it (for messages); write the file into {@link #staging()} under the same name. A name may be a
     * path into a subfolder ({@code reports/ring/cell-1-djl/metrics.json}).
     */
    public Path finalPath(String name) {
        return given.resolve(name);
    }

    /**
     * Throws when the run may not write a file named {@code name}: it would be an input, or a file
     * in the folder that no earlier run wrote (unless replacing was allowed).
     */
    void checkReplaceable(String name) throws RunFolderException {
        if (!isSafeName(name) || name.equals(MANIFEST)) {
            throw new RunFolderException("a run cannot write a file named " + name + " in " + dir);
        }
        Path target = dir.resolve(name).normalize();
        // every folder on the way must be a folder (not a link, not a file) or a file an earlier run wrote
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            String folder = name.substring(0, slash);
            Path p = dir.resolve(folder);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && !owned.contains(folder)) {
                throw new RunFolderException("output folder " + dir + " holds " + folder + ", which is not a folder,"
                        + " where the run writes its " + folder + " folder; move it, or choose another folder");
            }
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RunFolderException("output folder " + dir + " holds a folder " + name
                    + " where the run writes a file; move it, or choose another folder");
        }
        for (Path in : inputs) {
            if (sameFile(in, target)) {
                throw new RunFolderException("the run would replace " + target + ", which it reads; "
                        + "choose another output folder or move that file");
            }
        }
        if (!replace && !owned.contains(name) && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RunFolderException("output folder " + dir + " holds " + name
                    + ", which no finished Drawnet run there lists; add --force to replace it, or choose another folder");
        }
    }

    /**
     * Checks a further file the run will write, such as a saved model: never one the run reads;
     * inside the folder, never under a name the run writes there already (it then belongs to the
     * run's set: write it into {@link #staging()}). Returns whether it lies inside the folder.
     *
     * @throws RunFolderException naming the file and the reason
     */
    public boolean checkFurtherFile(Path file) throws RunFolderException {
        Path target = file.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (sameFile(in, target)) {
                throw new RunFolderException("cannot write " + file + ": the run reads that file; give another name");
            }
        }
        if (!dir.equals(target.getParent())) {
            return false;
        }
        String name = target.getFileName().toString();
        if (planned.contains(name) || name.equals(MANIFEST) || name.startsWith(".")) {
            throw new RunFolderException("cannot write " + file + ": the run writes its own " + name
                    + " there; give another name");
        }
        checkReplaceable(name);
        return true;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Makes the staged files the folder's run: flushes them to disk together, writes and flushes the
     * manifest, removes the files of the run it replaces, and moves the new files into place, the
     * manifest last. Returns the committed files' final paths, in name order.
     *
     * @throws RunFolderException when a staged file would replace an input or a file no run wrote;
     *     the folder then still holds the old run
     * @throws IOException when a file cannot be flushed or moved; when that happens after the
     *     manifest was flushed, the next {@link #open} finishes the move
     */
    public List<Path> commit() throws IOException {
        if (committed || closed) {
            throw new IllegalStateException("run " + runId + " in " + dir + " is already committed or closed");
        }
        List<String> names = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        collect(staging, "", names, folders);
        names.sort(null);
        for (String name : names) {
            checkReplaceable(name);
        }
        boolean nested = names.stream().anyMatch(n -> n.contains("/"));
        ObjectNode manifest = JsonForms.MAPPER.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", nested ? VERSION_WITH_FOLDERS : 1);
        manifest.put("run", runId);
        manifest.put("command", command);
        manifest.put("created", Instant.now().toString());
        manifest.put("drawnet", DrawnetVersion.get());
        ArrayNode list = manifest.putArray("files");
        for (String name : names) {
            Path f = staging.resolve(name);
            AtomicFiles.flush(f);
            ObjectNode entry = list.addObject();
            entry.put("name", name);
            // hashed as AtomicFiles wrote it, when nothing has touched it since; else read back
            AtomicFiles.Written w = AtomicFiles.written(f);
            if (w != null && w.describes(f)) {
                entry.put("bytes", w.bytes());
                entry.put("sha256", w.sha256());
            } else {
                entry.put("bytes", Files.size(f));
                entry.put("sha256", sha256(f));
            }
        }
        ArrayNode replaces = manifest.putArray("replaces");
        owned.forEach(replaces::add);
        for (Path folder : folders) {
            AtomicFiles.flush(folder);
        }
        AtomicFiles.flush(staging);
        Path stagedManifest = staging.resolve(MANIFEST);
        AtomicFiles.endDeferFlush(staging);
        AtomicFiles.write(stagedManifest, JsonForms.MAPPER.writeValueAsBytes(manifest)); // flushed
        AtomicFiles.flush(staging);
        committed = true; // from here on, the new set is the folder's: apply rolls it forward
        apply(dir, staging);
        List<Path> result = new ArrayList<>();
        for (String name : names) {
            result.add(dir.resolve(name));
        }
        return result;
    }

    /**
     * Lists the staged files under {@code folder} by their paths relative to the staging folder ({@code
     * prefix} and their names), and the subfolders; deletes what a failed writer left (a name starting
     * with {@code .}).
     */
    private static void collect(Path folder, String prefix, List<String> names, List<Path> folders) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path f : stream) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    deleteTree(f); // a temporary file a failed writer left
                } else if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(f);
                    collect(f, prefix + name + "/", names, folders);
                } else if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(prefix + name);
                } else {
                    throw new RunFolderException("staged " + f + " is not a regular file");
                }
            }
        }
    }

    /**
     * Returns whether {@code name} names a file inside a run's folder: names joined by {@code /}, none
     * empty or starting with {@code .} (no {@code ..}, no hidden file, no absolute path).
     */
    static boolean isSafeName(String name) {
        if (name.isEmpty() || name.contains("\\")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes a folder this run made and wrote nothing into (a run refused after its folder was opened, such as
     * a model file it may not write): its lock file first, while the lock is still held, then the folder when
     * nothing else is in it (another run that opened it meanwhile keeps it, with its own lock file).
     */
    private static void removeMade(Path folder, Path lockFile) {
        try {
            Files.deleteIfExists(lockFile);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // not empty (another run came), or not removable: the folder stays, as before
        }
    }

    /** Moves a committed staging folder's files into place (again, after a crash): idempotent. */
    private static void apply(Path dir, Path staging) throws IOException {
        JsonNode manifest = readManifest(staging.resolve(MANIFEST));
        if (manifest == null) {
            throw new RunFolderException("staging folder " + staging + " has no readable manifest");
        }
        Set<String> incoming = new LinkedHashSet<>();
        for (JsonNode f : manifest.path("files")) {
            String name = f.path("name").asText();
            if (!isSafeName(name) || name.equals(MANIFEST)) {
                throw new RunFolderException("staging folder " + staging + " lists a file named " + name
                        + ", outside the run's folder");
            }
            incoming.add(name);
        }
        Files.deleteIfExists(dir.resolve(MANIFEST)); // the folder holds no finished run until the new manifest lands
        TreeSet<Path> emptied = new TreeSet<>();
        for (JsonNode old : manifest.path("replaces")) {
            String name = old.asText();
            Path file = dir.resolve(name);
            if (!incoming.contains(name) && !name.equals(MANIFEST) && isSafeName(name)
                    && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(file);
                for (Path p = file.getParent(); !p.equals(dir); p = p.getParent()) {
                    emptied.add(p);
                }
            }
        }
        // the old run's folders its files leave empty go, deepest first (a folder holding other files stays)
        for (Path p : emptied.descendingSet()) {
            try {
                Files.deleteIfExists(p);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // it holds the new run's files, or files no run wrote
            }
        }
        Set<Path> touched = new LinkedHashSet<>();
        for (String name : incoming) {
            Path from = staging.resolve(name);
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Path to = dir.resolve(name);
                if (!to.getParent().equals(dir)) {
                    Files.createDirectories(to.getParent());
                    for (Path p = to.getParent(); !p.equals(dir); p = p.getParent()) {
                        touched.add(p);
                    }
                }
                move(from, to);
            }
        }
        for (Path p : touched) {
            AtomicFiles.flush(p);
        }
        AtomicFiles.flush(dir);
        move(staging.resolve(MANIFEST), dir.resolve(MANIFEST));
        AtomicFiles.flush(dir);
        deleteTree(staging); // only the emptied subfolders are left
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Finishes committed staging folders an interrupted run left, and removes uncommitted ones. */
    private static void recover(Path dir) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            stream.forEach(leftovers::add);
        }
        for (Path staged : leftovers) {
            if (readManifest(staged.resolve(MANIFEST)) != null) {
                apply(dir, staged);
            } else {
                deleteTree(staged);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(folder);
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                deleteTree(p);
            }
        }
        Files.deleteIfExists(folder);
    }

    private static JsonNode readManifest(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            JsonNode node = JsonForms.MAPPER.readTree(file.toFile());
            return node != null && FORMAT.equals(node.path("format").asText()) ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Releases the folder: an uncommitted run's staged files are deleted (the folder keeps the old
     * run), and the lock is released. Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        AtomicFiles.endDeferFlush(staging);
        try {
            if (!committed) {
                deleteTree(staging);
            }
            lockChannel.truncate(0);
            if (!committed && created) {
                removeMade(dir, dir.resolve(LOCK));
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    /** What a folder holds, by its manifest. */
    public enum Status {
        /** No manifest and no run being moved in: no finished run (perhaps files of other origin). */
        EMPTY,
        /** A manifest whose every file is there with its size and SHA-256. */
        FINISHED,
        /** A run was interrupted: a committed run not yet moved in, or files that disagree with the manifest. */
        UNFINISHED
    }

    /**
     * Returns what {@code dir} holds: a finished run whose files agree with its manifest, an
     * unfinished one, or none. Does not lock or change anything.
     *
     * @throws IOException when the folder cannot be read
     */
    public static Status status(Path dir) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            for (Path staged : stream) {
                if (readManifest(staged.resolve(MANIFEST)) != null) {
                    return Status.UNFINISHED;
                }
            }
        }
        JsonNode manifest = readManifest(dir.resolve(MANIFEST));
        if (manifest == null) {
            return Files.exists(dir.resolve(MANIFEST)) ? Status.UNFINISHED : Status.EMPTY;
        }
        for (JsonNode f : manifest.path("files")) {
            String name = f.path("name").asText();
            Path file = dir.resolve(name);
            if (!isSafeName(name) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != f.path("bytes").asLong()
                    || !sha256(file).equals(f.path("sha256").asText())) {
                return Status.UNFINISHED;
            }
        }
        return Status.FINISHED;
    }
}
