package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs committed into one folder by a process killed (SIGKILL) at random moments: after recovery the
 * folder always holds exactly one whole run. (Its subprocesses run the unmutated classes, so mutation
 * testing leaves this test out.)
 */
final class RunFolderKillTest {

    /**
     * Commits runs into one folder, each set's files all holding the run's number, until killed: the
     * test kills it at random moments. With a second argument {@code nested}, part of each set lies in
     * subfolders that differ from run to run ({@code reports/cell-<k>/...}).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args[0]);
        boolean nested = args.length > 1 && args[1].equals("nested");
        for (int i = 1; ; i++) {
            try (RunFolder f = RunFolder.open(dir, "run-" + i, "run", true, List.of(), List.of())) {
                int files = 2 + i % 5; // sets of different files, so that old files must go
                for (int k = 0; k < files; k++) {
                    String name = nested && k % 2 == 1 ? "reports/cell-" + (i % 3 + k) + "/file-" + k + ".txt"
                            : "file-" + k + ".txt";
                    Path file = f.staging().resolve(name);
                    Files.createDirectories(file.getParent());
                    Files.write(file, ("run " + i + "\n").repeat(2000 + k).getBytes(StandardCharsets.UTF_8));
                }
                f.commit();
            }
            System.out.println("committed " + i); // the test kills only after the first commit
        }
    }

    @Test
    void commit_processKilledAtRandomMoments_folderHoldsOneWholeRunAfterRecovery(@TempDir Path dir) throws Exception {
        killAndCheck(dir, "flat", 12);
    }

    /** The same with part of each set in subfolders: after recovery, exactly the listed tree, no old folder left. */
    @Test
    void commit_withSubfolders_processKilledAtRandomMoments_folderHoldsOneWholeTreeAfterRecovery(@TempDir Path dir)
            throws Exception {
        killAndCheck(dir, "nested", 8);
    }

    private static void killAndCheck(Path dir, String kind, int kills) throws Exception {
        Random random = new Random(11);
        List<String> seen = new ArrayList<>();
        for (int kill = 0; kill < kills; kill++) {
            Process writer = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RunFolderKillTest.class.getName(), dir.toString(),
                    kind).redirectErrorStream(true).start();
            // a loaded machine may take seconds to start a JVM: wait for the first commit, then kill at a
            // random moment of the commits that follow
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    writer.getInputStream(), StandardCharsets.UTF_8));
            java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    String line = lines.readLine();
                    new Thread(() -> lines.lines().forEach(l -> { })).start(); // keep the pipe drained
                    return line;
                } catch (IOException e) {
                    return null;
                }
            });
            assertThat(first.get(120, TimeUnit.SECONDS)).as("the writer's first commit").startsWith("committed ");
            Thread.sleep(random.nextInt(400));
            writer.destroyForcibly(); // SIGKILL
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // recovery, as the next run does it
            try (RunFolder f = RunFolder.open(dir, "check-" + kill, "run", true, List.of(), List.of())) {
                assertThat(RunFolder.status(dir)).isIn(RunFolder.Status.FINISHED, RunFolder.Status.EMPTY);
            }
            if (RunFolder.status(dir) == RunFolder.Status.EMPTY) {
                continue; // killed before the first commit
            }
            JsonNode m = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
            String run = m.path("run").asText();
            int number = Integer.parseInt(run.substring("run-".length()));
            TreeSet<String> listed = new TreeSet<>();
            m.path("files").forEach(e -> listed.add(e.path("name").asText()));
            TreeSet<String> present = new TreeSet<>(RunFolderTreeTest.tree(dir));
            present.removeAll(List.of(".drawnet.lock", "run.json"));
            assertThat(present).as("exactly the files of " + run).isEqualTo(listed);
            assertThat(listed).hasSize(2 + number % 5);
            for (String name : listed) {
                assertThat(Files.readString(dir.resolve(name))).startsWith("run " + number + "\n");
            }
            for (String folder : RunFolderTreeTest.folders(dir)) {
                assertThat(listed).as("folder " + folder + " holds a listed file").anyMatch(n -> n.startsWith(folder + "/"));
            }
            seen.add(run);
        }
        assertThat(seen).as("runs committed before the kills").isNotEmpty();
    }

    static List<String> names(Path dir) throws IOException {
        return RunFolderTest.names(dir);
    }
}
