package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per folder, whole: lock, staging, manifest, replacement of the old set, recovery after a kill. */
final class RunFolderTest {

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void stage(RunFolder f, String name, String content) throws IOException {
        Files.writeString(f.staging().resolve(name), content);
    }

    /** Writes a run of the given files, each holding {@code content}, and commits it. */
    static List<Path> run(Path dir, String id, boolean replace, String content, String... files) throws IOException {
        try (RunFolder f = RunFolder.open(dir, id, "run", replace, List.of(), List.of(files))) {
            for (String name : files) {
                stage(f, name, content + " " + name);
            }
            return f.commit();
        }
    }

    @Test
    void commit_movesTheSetInWithAManifestListingEachFileSizeAndHash(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        List<Path> written = run(dir, "r1", false, "one", "metrics.json", "report.html");
        assertThat(written).containsExactly(dir.resolve("metrics.json").toAbsolutePath(),
                dir.resolve("report.html").toAbsolutePath());
        try (RunFolder f = RunFolder.open(Path.of("relative-folder-name"), "x", "run", true, List.of(), List.of())) {
            assertThat(f.finalPath("a.png")).isEqualTo(Path.of("relative-folder-name", "a.png"));
            assertThat(f.given()).isEqualTo(Path.of("relative-folder-name"));
            assertThat(f.dir()).isEqualTo(Path.of("relative-folder-name").toAbsolutePath());
        } finally {
            Files.deleteIfExists(Path.of("relative-folder-name", ".drawnet.lock"));
            Files.deleteIfExists(Path.of("relative-folder-name"));
        }
        assertThat(names(dir)).containsExactly(".drawnet.lock", "metrics.json", "report.html", "run.json");
        assertThat(Files.readString(dir.resolve("metrics.json"))).isEqualTo("one metrics.json");
        JsonNode m = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(m.path("format").asText()).isEqualTo("drawnet-run");
        assertThat(m.path("run").asText()).isEqualTo("r1");
        assertThat(m.path("command").asText()).isEqualTo("run");
        assertThat(m.path("files").size()).isEqualTo(2);
        assertThat(m.at("/files/0/name").asText()).isEqualTo("metrics.json");
        assertThat(m.at("/files/0/bytes").asLong()).isEqualTo("one metrics.json".length());
        assertThat(m.at("/files/0/sha256").asText()).isEqualTo(
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("one metrics.json".getBytes(StandardCharsets.UTF_8))));
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
        assertThat(Files.readString(dir.resolve(".drawnet.lock"))).as("the lock names no run once released").isEmpty();
    }

    @Test
    void open_whileAnotherRunWrites_refusedNamingIt(@TempDir Path dir) throws Exception {
        try (RunFolder first = RunFolder.open(dir, "20261129-1-42", "sweep", false, List.of(), List.of())) {
            assertThatThrownBy(() -> RunFolder.open(dir, "r2", "run", true, List.of(), List.of()))
                    .isInstanceOf(RunFolderException.class)
                    .hasMessage("output folder " + dir + " is in use by another run (sweep 20261129-1-42, process "
                            + ProcessHandle.current().pid() + "); wait for it to finish or choose another folder");
            assertThat(first.staging()).isDirectory();
        }
        // released: the next run may write
        run(dir, "r3", false, "x", "a.csv");
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
    }

    @Test
    void open_overAFinishedRun_refusedWithoutReplace_replacedAsAWholeWithIt(@TempDir Path dir) throws Exception {
        run(dir, "old", false, "old", "metrics.json", "model.json", "continue-history.png");
        Files.writeString(dir.resolve("my-notes.txt"), "mine");
        Files.writeString(dir.resolve("drawing-input.png"), "the user's drawing");
        assertThatThrownBy(() -> RunFolder.open(dir, "new", "run", false, List.of(), List.of("metrics.json")))
                .isInstanceOf(RunFolderException.class)
                .hasMessageStartingWith("output folder " + dir + " holds the results of run old of ")
                .hasMessageEndingWith("; add --force to replace them, or choose another folder");
        assertThat(Files.readString(dir.resolve("metrics.json"))).isEqualTo("old metrics.json");

        run(dir, "new", true, "new", "metrics.json", "report.html");
        // the old run's files are gone, files no run wrote stay
        assertThat(names(dir)).containsExactly(".drawnet.lock", "drawing-input.png", "metrics.json", "my-notes.txt",
                "report.html", "run.json");
        assertThat(Files.readString(dir.resolve("metrics.json"))).isEqualTo("new metrics.json");
        assertThat(Files.readString(dir.resolve("my-notes.txt"))).isEqualTo("mine");
        assertThat(new ObjectMapper().readTree(dir.resolve("run.json").toFile()).path("run").asText()).isEqualTo("new");
    }

    @Test
    void open_aPlannedFileIsAnInput_refusedEvenWithReplace(@TempDir Path dir) throws Exception {
        Path drawing = Files.writeString(dir.resolve("drawing.png"), "the drawing");
        assertThatThrownBy(() -> RunFolder.open(dir, "r", "run", true, List.of(drawing), List.of("drawing.png")))
                .isInstanceOf(RunFolderException.class)
                .hasMessage("the run would replace " + drawing.toAbsolutePath() + ", which it reads;"
                        + " choose another output folder or move that file");
        assertThat(Files.readString(drawing)).isEqualTo("the drawing");
        assertThat(names(dir)).as("nothing staged is left").containsExactly(".drawnet.lock", "drawing.png");
    }

    @Test
    void commit_aStagedFileIsAnInputOrForeign_refusedOldSetKept(@TempDir Path dir) throws Exception {
        Path drawing = Files.writeString(dir.resolve("drawing.png"), "the drawing");
        try (RunFolder f = RunFolder.open(dir, "r", "run", true, List.of(drawing), List.of())) {
            stage(f, "drawing.png", "a figure");
            assertThatThrownBy(f::commit).isInstanceOf(RunFolderException.class)
                    .hasMessageContaining("which it reads");
        }
        assertThat(Files.readString(drawing)).isEqualTo("the drawing");
        Files.writeString(dir.resolve("points.csv"), "someone's points");
        try (RunFolder f = RunFolder.open(dir, "r2", "run", false, List.of(), List.of())) {
            stage(f, "points.csv", "x,y");
            assertThatThrownBy(f::commit).isInstanceOf(RunFolderException.class).hasMessage("output folder "
                    + dir.toAbsolutePath() + " holds points.csv, which no finished Drawnet run there lists; add --force"
                    + " to replace it, or choose another folder");
        }
        assertThat(Files.readString(dir.resolve("points.csv"))).isEqualTo("someone's points");
        assertThat(names(dir)).containsExactly(".drawnet.lock", "drawing.png", "points.csv");
    }

    @Test
    void close_withoutCommit_discardsTheStagedFilesKeepsTheOldRun(@TempDir Path dir) throws Exception {
        run(dir, "old", false, "old", "metrics.json");
        try (RunFolder f = RunFolder.open(dir, "new", "run", true, List.of(), List.of())) {
            stage(f, "metrics.json", "half");
        }
        assertThat(names(dir)).containsExactly(".drawnet.lock", "metrics.json", "run.json");
        assertThat(Files.readString(dir.resolve("metrics.json"))).isEqualTo("old metrics.json");
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
    }

    @Test
    void status_aFileChangedOrMissing_unfinished_noManifest_empty(@TempDir Path dir) throws Exception {
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.EMPTY);
        run(dir, "r", false, "x", "a.csv", "b.csv");
        Files.writeString(dir.resolve("a.csv"), "x a.csX"); // same size, other content
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.UNFINISHED);
        Files.writeString(dir.resolve("a.csv"), "x a.csv");
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
        Files.delete(dir.resolve("b.csv"));
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.UNFINISHED);
        Files.writeString(dir.resolve("run.json"), "{ not json");
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.UNFINISHED);
    }

    @Test
    void open_leftoversOfAnInterruptedRun_uncommittedDiscarded_committedMovedIn(@TempDir Path dir) throws Exception {
        run(dir, "old", false, "old", "metrics.json", "model.json");
        // a run killed while writing: staged files, no manifest
        Path half = Files.createDirectories(dir.resolve(".drawnet-new-killed"));
        Files.writeString(half.resolve("metrics.json"), "half");
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
        // a run killed while moving in: its staged manifest is written, two of its files moved already
        Path moving = Files.createDirectories(dir.resolve(".drawnet-new-moving"));
        Files.writeString(moving.resolve("report.html"), "new report.html");
        Files.writeString(dir.resolve("metrics.json"), "new metrics.json");
        Files.writeString(dir.resolve("history.csv"), "new history.csv");
        Files.delete(dir.resolve("run.json"));
        String manifest = "{\"format\":\"drawnet-run\",\"version\":1,\"run\":\"moving\",\"command\":\"run\","
                + "\"files\":[" + entry(dir.resolve("history.csv")) + "," + entry(dir.resolve("metrics.json")) + ","
                + entry(moving.resolve("report.html")) + "],\"replaces\":[\"metrics.json\",\"model.json\",\"run.json\"]}";
        Files.writeString(moving.resolve("run.json"), manifest);
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.UNFINISHED);

        try (RunFolder f = RunFolder.open(dir, "next", "run", true, List.of(), List.of())) {
            // recovery happened on open: the committed run is in place, the uncommitted one gone
            assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
            assertThat(names(dir)).containsExactly(".drawnet-new-next", ".drawnet.lock", "history.csv",
                    "metrics.json", "report.html", "run.json");
            assertThat(new ObjectMapper().readTree(dir.resolve("run.json").toFile()).path("run").asText())
                    .isEqualTo("moving");
            assertThat(f.staging()).isEmptyDirectory();
        }
    }

    private static String entry(Path f) throws IOException {
        return "{\"name\":\"" + f.getFileName() + "\",\"bytes\":" + Files.size(f) + ",\"sha256\":\""
                + RunFolder.sha256(f) + "\"}";
    }

    @Test
    void open_folderIsAFile_refused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> RunFolder.open(file, "r", "run", true, List.of(), List.of()))
                .isInstanceOf(RunFolderException.class).hasMessage("output folder " + file + " is a file; give a folder");
    }

    @Test
    void finalPathAndNames_aNameOutsideTheFolderOrHidden_refused(@TempDir Path dir) throws Exception {
        try (RunFolder f = RunFolder.open(dir, "r", "run", false, List.of(), List.of())) {
            assertThat(f.finalPath("a.png")).isEqualTo(dir.resolve("a.png"));
            assertThat(f.runId()).isEqualTo("r");
            assertThat(f.dir()).isEqualTo(dir.toAbsolutePath());
            for (String bad : new String[] {"../x.png", ".hidden", "run.json"}) {
                assertThatThrownBy(() -> f.checkReplaceable(bad)).isInstanceOf(RunFolderException.class)
                        .hasMessage("a run cannot write a file named " + bad + " in " + dir.toAbsolutePath());
            }
            assertThatThrownBy(() -> {
                f.commit();
                f.commit();
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("already committed");
        }
    }

    @Test
    void checkFurtherFile_outsideFine_insideBelongsToTheSet_inputsOwnNamesAndForeignFilesRefused(@TempDir Path tmp)
            throws Exception {
        Path dir = tmp.resolve("out");
        Path model = Files.writeString(tmp.resolve("model.json"), "the model read");
        Path link = Files.createSymbolicLink(tmp.resolve("link.json"), model);
        try (RunFolder f = RunFolder.open(dir, "r", "run", false, List.of(link), List.of("metrics.json"))) {
            assertThat(f.checkFurtherFile(tmp.resolve("elsewhere.json"))).isFalse();
            assertThat(f.checkFurtherFile(dir.resolve("model.json"))).isTrue();
            // the input, by its real path though it was given through a link
            assertThatThrownBy(() -> f.checkFurtherFile(model)).isInstanceOf(RunFolderException.class)
                    .hasMessage("cannot write " + model + ": the run reads that file; give another name");
            for (String own : new String[] {"metrics.json", "run.json", ".drawnet.lock"}) {
                assertThatThrownBy(() -> f.checkFurtherFile(dir.resolve(own))).isInstanceOf(RunFolderException.class)
                        .hasMessage("cannot write " + dir.resolve(own) + ": the run writes its own " + own
                                + " there; give another name");
            }
            Files.writeString(dir.resolve("notes.json"), "mine");
            assertThatThrownBy(() -> f.checkFurtherFile(dir.resolve("notes.json"))).isInstanceOf(RunFolderException.class)
                    .hasMessageContaining("holds notes.json, which no finished Drawnet run there lists");
        }
    }

    @Test
    void open_refused_releasesTheLock_soTheNextOpenMayLockIt(@TempDir Path dir) throws Exception {
        run(dir, "old", false, "old", "a.csv");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> RunFolder.open(dir, "new", "run", false, List.of(), List.of()))
                    .hasMessageContaining("holds the results of run old");
        }
        Path input = Files.writeString(dir.resolve("in.png"), "x");
        assertThatThrownBy(() -> RunFolder.open(dir, "new", "run", true, List.of(input), List.of("in.png")))
                .hasMessageContaining("which it reads");
        try (RunFolder f = RunFolder.open(dir, "new", "run", true, List.of(), List.of())) {
            assertThat(f.staging()).isDirectory();
            assertThat(Files.readString(dir.resolve(".drawnet.lock"))).startsWith("new " + ProcessHandle.current().pid()
                    + " run ");
        }
    }

    @Test
    void manifest_listsFilesInNameOrder_replacedFilesNamed(@TempDir Path dir) throws Exception {
        run(dir, "first", false, "x", "zeta.csv", "alpha.csv");
        run(dir, "second", true, "y", "mid.csv", "beta.csv", "zz.csv", "aa.csv");
        JsonNode m = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        List<String> listed = new ArrayList<>();
        m.path("files").forEach(e -> listed.add(e.path("name").asText()));
        assertThat(listed).containsExactly("aa.csv", "beta.csv", "mid.csv", "zz.csv");
        List<String> replaced = new ArrayList<>();
        m.path("replaces").forEach(e -> replaced.add(e.asText()));
        assertThat(replaced).containsExactly("alpha.csv", "run.json", "zeta.csv");
        assertThat(names(dir)).containsExactly(".drawnet.lock", "aa.csv", "beta.csv", "mid.csv", "run.json", "zz.csv");
    }

    @Test
    void commit_hashesAsAtomicFilesWrote_readsBackOnlyAFileWrittenOrChangedByAnotherRoute(@TempDir Path dir)
            throws Exception {
        try (RunFolder f = RunFolder.open(dir, "r", "run", false, List.of(), List.of())) {
            io.github.drawnet.api.internal.AtomicFiles.write(f.staging().resolve("a.svg"), "as written".getBytes(
                    StandardCharsets.UTF_8));
            io.github.drawnet.api.internal.AtomicFiles.write(f.staging().resolve("b.csv"), "first".getBytes(
                    StandardCharsets.UTF_8));
            Files.writeString(f.staging().resolve("b.csv"), "changed since"); // by another route: read back
            stage(f, "c.json", "never through AtomicFiles");
            // a.svg altered in place, its size and time kept: the manifest still lists the hash of what was
            // written, which shows it was not read back (a run's own files are not altered this way)
            Path a = f.staging().resolve("a.svg");
            java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(a);
            Files.writeString(a, "AS WRITTEN");
            Files.setLastModifiedTime(a, time);
            f.commit();
        }
        JsonNode m = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(m.at("/files/0/sha256").asText()).isEqualTo(sha("as written"));
        assertThat(m.at("/files/1/sha256").asText()).isEqualTo(sha("changed since")).isEqualTo(
                RunFolder.sha256(dir.resolve("b.csv")));
        assertThat(m.at("/files/1/bytes").asLong()).isEqualTo("changed since".length());
        assertThat(m.at("/files/2/sha256").asText()).isEqualTo(sha("never through AtomicFiles"));
    }

    static String sha(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void open_lockHeldWithAnUnreadableHolder_stillRefused(@TempDir Path dir) throws Exception {
        try (RunFolder f = RunFolder.open(dir, "r", "run", false, List.of(), List.of())) {
            Files.writeString(dir.resolve(".drawnet.lock"), "garbled");
            assertThatThrownBy(() -> RunFolder.open(dir, "s", "run", false, List.of(), List.of()))
                    .hasMessage("output folder " + dir + " is in use by another run; wait for it to finish or choose"
                            + " another folder");
            Files.writeString(dir.resolve(".drawnet.lock"), "id 7 sweep");
            assertThatThrownBy(() -> RunFolder.open(dir, "s", "run", false, List.of(), List.of()))
                    .hasMessageContaining("is in use by another run (sweep id, process 7);");
        }
    }

    @Test
    void aFolderThisRunMade_closedWithNothingCommitted_isRemovedAgain(@TempDir Path tmp) throws IOException {
        Path made = tmp.resolve("new-run");
        try (RunFolder f = RunFolder.open(made, "r1", "run", false, List.of(), List.of("metrics.json"))) {
            Files.writeString(f.staging().resolve("metrics.json"), "{}");
            assertThat(made).isDirectory();
        }
        assertThat(made).as("a refused or failed run leaves no empty folder holding a lock").doesNotExist();

        Path existing = Files.createDirectories(tmp.resolve("given"));
        try (RunFolder f = RunFolder.open(existing, "r2", "run", false, List.of(), List.of())) {
            assertThat(f.dir()).isEqualTo(existing.toAbsolutePath().normalize());
        }
        assertThat(existing).as("a folder the user had stays").isDirectory();

        Path input = Files.writeString(Files.createDirectories(tmp.resolve("in")).resolve("x.txt"), "read me");
        Path refusedNew = tmp.resolve("refused");
        assertThatThrownBy(() -> RunFolder.open(refusedNew, "r3", "run", false,
                List.of(refusedNew.resolve("metrics.json")), List.of("metrics.json")))
                .isInstanceOf(RunFolderException.class);
        assertThat(refusedNew).as("refused while opening: the folder it made is gone").doesNotExist();
        assertThat(input).hasContent("read me");

        Path committed = tmp.resolve("kept");
        try (RunFolder f = RunFolder.open(committed, "r4", "run", false, List.of(), List.of("a.txt"))) {
            Files.writeString(f.staging().resolve("a.txt"), "a");
            f.commit();
        }
        assertThat(committed.resolve("a.txt")).hasContent("a");
    }
}
