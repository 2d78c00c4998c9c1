package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.internal.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subfolders in a run's set (a grading's {@code reports/<drawing>/<cell>/}): listed in the manifest by relative
 * path, committed, checked and replaced with the rest. Before, a staged folder was refused ("staged ... is not a
 * regular file"), so grading wrote its reports beside the set, outside the manifest.
 */
final class RunFolderTreeTest {

    /** Returns every file under {@code dir} by its path relative to it, with {@code /}, in order. */
    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals(".drawnet.lock")).sorted().toList();
        }
    }

    static List<String> folders(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isDirectory).filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** Commits a run of {@code files} (paths into subfolders allowed), each holding the run's id and its name. */
    static void run(Path dir, String id, boolean replace, String... files) throws IOException {
        try (RunFolder f = RunFolder.open(dir, id, "grade", replace, List.of(), List.of())) {
            for (String name : files) {
                AtomicFiles.write(f.staging().resolve(name), (id + " " + name).getBytes(StandardCharsets.UTF_8));
            }
            f.commit();
        }
    }

    @Test
    void commit_stagedSubfolders_listedByRelativePathWithSizeAndHash_version2_flatSetsStay1(@TempDir Path dir) throws Exception {
        run(dir, "r1", false, "grades.csv", "reports/ann/ring/cell-1-djl/metrics.json",
                "reports/ann/ring/cell-1-djl/report.html", "reports/bob/xor/cell-2-djl/metrics.json");
        assertThat(tree(dir)).containsExactly("grades.csv", "reports/ann/ring/cell-1-djl/metrics.json",
                "reports/ann/ring/cell-1-djl/report.html", "reports/bob/xor/cell-2-djl/metrics.json", "run.json");
        assertThat(Files.readString(dir.resolve("reports/bob/xor/cell-2-djl/metrics.json")))
                .isEqualTo("r1 reports/bob/xor/cell-2-djl/metrics.json");
        JsonNode m = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(m.path("version").asInt()).isEqualTo(RunFolder.VERSION_WITH_FOLDERS).isEqualTo(2);
        List<String> listed = new ArrayList<>();
        m.path("files").forEach(e -> listed.add(e.path("name").asText()));
        assertThat(listed).containsExactly("grades.csv", "reports/ann/ring/cell-1-djl/metrics.json",
                "reports/ann/ring/cell-1-djl/report.html", "reports/bob/xor/cell-2-djl/metrics.json");
        String name = "reports/ann/ring/cell-1-djl/report.html";
        assertThat(m.at("/files/2/bytes").asLong()).isEqualTo(("r1 " + name).length());
        assertThat(m.at("/files/2/sha256").asText()).isEqualTo(RunFolderTest.sha("r1 " + name));
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
        assertThat(folders(dir)).as("no staging folder left").noneMatch(f -> f.startsWith(".drawnet-new-"));

        // a set of flat files stays version 1, as every reader before subfolders reads it
        run(dir, "r2", true, "metrics.json");
        assertThat(new ObjectMapper().readTree(dir.resolve("run.json").toFile()).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void status_aNestedFileChangedOrMissing_unfinished(@TempDir Path dir) throws Exception {
        run(dir, "r1", false, "grades.csv", "reports/a/cell-1/metrics.json");
        Path nested = dir.resolve("reports/a/cell-1/metrics.json");
        String content = Files.readString(nested);
        Files.writeString(nested, content.toUpperCase(java.util.Locale.ROOT)); // same size, other bytes
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.UNFINISHED);
        Files.writeString(nested, content);
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
        Files.delete(nested);
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.UNFINISHED);
    }

    @Test
    void commit_replacingARunWithSubfolders_removesItsTree_keepsFilesNoRunWrote(@TempDir Path dir) throws Exception {
        run(dir, "old", false, "grades.csv", "reports/ann/ring/cell-1-djl/metrics.json",
                "reports/ann/ring/cell-2-djl/metrics.json", "reports/cy/blob/cell-3-djl/figure.svg");
        Files.writeString(dir.resolve("reports/notes.txt"), "mine");
        run(dir, "new", true, "grades.csv", "reports/ann/ring/cell-1-djl/metrics.json");
        assertThat(tree(dir)).containsExactly("grades.csv", "reports/ann/ring/cell-1-djl/metrics.json",
                "reports/notes.txt", "run.json");
        assertThat(folders(dir)).as("the old run's emptied folders are gone").containsExactly("reports",
                "reports/ann", "reports/ann/ring", "reports/ann/ring/cell-1-djl");
        assertThat(Files.readString(dir.resolve("reports/ann/ring/cell-1-djl/metrics.json")))
                .isEqualTo("new reports/ann/ring/cell-1-djl/metrics.json");
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);

        // and a run without reports leaves none of the old ones
        run(dir, "flat", true, "grades.csv");
        assertThat(tree(dir)).containsExactly("grades.csv", "reports/notes.txt", "run.json");
        assertThat(folders(dir)).containsExactly("reports");
    }

    @Test
    void commit_aNestedFileNoRunWrote_refusedWithoutReplace_oldSetKept(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("reports/a"));
        Files.writeString(dir.resolve("reports/a/metrics.json"), "someone's");
        try (RunFolder f = RunFolder.open(dir, "r", "grade", false, List.of(), List.of())) {
            AtomicFiles.write(f.staging().resolve("reports/a/metrics.json"), new byte[] {1});
            assertThatThrownBy(f::commit).isInstanceOf(RunFolderException.class).hasMessage("output folder "
                    + dir.toAbsolutePath() + " holds reports/a/metrics.json, which no finished Drawnet run there lists;"
                    + " add --force to replace it, or choose another folder");
        }
        assertThat(tree(dir)).containsExactly("reports/a/metrics.json");
        assertThat(folders(dir)).containsExactly("reports", "reports/a");
    }

    @Test
    void commit_aFileWhereTheRunWritesAFolder_refusedNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("reports"), "a file");
        try (RunFolder f = RunFolder.open(dir, "r", "grade", true, List.of(), List.of())) {
            AtomicFiles.write(f.staging().resolve("reports/a/metrics.json"), new byte[] {1});
            assertThatThrownBy(f::commit).isInstanceOf(RunFolderException.class).hasMessage("output folder "
                    + dir.toAbsolutePath() + " holds reports, which is not a folder, where the run writes its reports"
                    + " folder; move it, or choose another folder");
        }
        assertThat(Files.readString(dir.resolve("reports"))).isEqualTo("a file");
    }

    @Test
    void names_outsideTheFolderHiddenOrEmptyParts_refused(@TempDir Path dir) throws Exception {
        try (RunFolder f = RunFolder.open(dir, "r", "grade", false, List.of(), List.of())) {
            for (String bad : new String[] {"reports/../../x.png", "reports/.hidden/a", "reports//a", "/etc/x", "a/"}) {
                assertThatThrownBy(() -> f.checkReplaceable(bad)).isInstanceOf(RunFolderException.class)
                        .hasMessage("a run cannot write a file named " + bad + " in " + dir.toAbsolutePath());
            }
            f.checkReplaceable("reports/a/b.json");
        }
    }

    @Test
    void commit_hashesNestedFilesAsAtomicFilesWroteThem(@TempDir Path dir) throws Exception {
        try (RunFolder f = RunFolder.open(dir, "r", "grade", false, List.of(), List.of())) {
            Path a = f.staging().resolve("reports/a/figure.svg");
            AtomicFiles.write(a, "as written".getBytes(StandardCharsets.UTF_8));
            assertThat(AtomicFiles.written(a)).as("a subfolder of the staging folder is deferred too").isNotNull();
            java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(a);
            Files.writeString(a, "AS WRITTEN"); // altered in place, size and time kept: not read back
            Files.setLastModifiedTime(a, time);
            f.commit();
        }
        JsonNode m = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(m.at("/files/0/sha256").asText()).isEqualTo(RunFolderTest.sha("as written"));
    }

    @Test
    void open_aCommittedRunWithSubfoldersHalfMovedIn_isFinishedByRecovery(@TempDir Path dir) throws Exception {
        run(dir, "old", false, "grades.csv", "reports/old/cell-1/metrics.json");
        // a run killed while moving in: its manifest is staged, one nested file already moved
        Path moving = Files.createDirectories(dir.resolve(".drawnet-new-moving/reports/new/cell-2"));
        Path staging = dir.resolve(".drawnet-new-moving");
        Files.writeString(moving.resolve("figure.svg"), "new figure");
        Files.createDirectories(dir.resolve("reports/new/cell-1"));
        Files.writeString(dir.resolve("reports/new/cell-1/metrics.json"), "new metrics");
        Files.writeString(staging.resolve("grades.csv"), "new grades");
        Files.delete(dir.resolve("run.json"));
        Files.writeString(staging.resolve("run.json"), "{\"format\":\"drawnet-run\",\"version\":2,\"run\":\"moving\","
                + "\"command\":\"grade\",\"files\":[" + entry(dir, staging, "grades.csv") + ","
                + entry(dir, staging, "reports/new/cell-1/metrics.json") + ","
                + entry(dir, staging, "reports/new/cell-2/figure.svg") + "],"
                + "\"replaces\":[\"grades.csv\",\"reports/old/cell-1/metrics.json\",\"run.json\"]}");
        assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.UNFINISHED);
        try (RunFolder f = RunFolder.open(dir, "next", "grade", true, List.of(), List.of())) {
            assertThat(RunFolder.status(dir)).isEqualTo(RunFolder.Status.FINISHED);
        }
        assertThat(tree(dir)).containsExactly("grades.csv", "reports/new/cell-1/metrics.json",
                "reports/new/cell-2/figure.svg", "run.json");
        assertThat(folders(dir)).containsExactly("reports", "reports/new", "reports/new/cell-1", "reports/new/cell-2");
    }

    private static String entry(Path dir, Path staging, String name) throws IOException {
        Path f = Files.exists(staging.resolve(name)) ? staging.resolve(name) : dir.resolve(name);
        return "{\"name\":\"" + name + "\",\"bytes\":" + Files.size(f) + ",\"sha256\":\"" + RunFolder.sha256(f) + "\"}";
    }
}
