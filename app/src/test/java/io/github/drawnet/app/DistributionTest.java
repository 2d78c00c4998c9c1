package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.drawnet.sampling.Preset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives as a user gets them, unpacked with {@code tar} and run through their {@code bin/drawnet}: the
 * distribution holds no Spark; without the Spark add-on, {@code grade --engine spark} ends in one line naming the
 * add-on and the command that unpacks it, exit 2, nothing written; with the add-on unpacked by that command, the
 * same grade runs as a Spark job and writes the local engine's {@code grades.csv} but for seconds. Run by the app
 * pom's {@code distribution} execution, after the package phase has made the archives; skipped, visibly, anywhere
 * else (the test phase, or a build without the spark module).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
final class DistributionTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {}

    static Path archive(String property) {
        String path = System.getProperty(property);
        assumeTrue(path != null, "not the distribution execution (mvn verify runs it after package): " + property
                + " is not set");
        Path file = Path.of(path);
        assumeTrue(Files.isRegularFile(file), file + " was not built");
        return file;
    }

    static String version() {
        return System.getProperty("drawnet.version");
    }

    /** Runs {@code command} in {@code cwd}, with this JVM's Java and no DRAWNET_ variable; at most 240 s. */
    static Run run(Path cwd, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dist-out", ".txt");
        Path err = Files.createTempFile("dist-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("DRAWNET_") || k.equals("JAVA_HOME")
                    || k.startsWith("SPARK_"));
            pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process p = pb.start();
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not end in 240 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static List<String> entries(Path archive) throws IOException, InterruptedException {
        Run list = run(archive.getParent(), List.of("tar", "-tzf", archive.toString()));
        assertThat(list.exitCode()).as(list.err()).isZero();
        return list.out().lines().toList();
    }

    /** Unpacks the distribution into a new folder {@code parent}, as the README does; returns the install. */
    static Path unpack(Path archive, Path parent) throws IOException, InterruptedException {
        Files.createDirectories(parent);
        Run tar = run(parent, List.of("tar", "-xzf", archive.toString()));
        assertThat(tar.exitCode()).as(tar.err()).isZero();
        return parent.toRealPath().resolve("drawnet-" + version());
    }

    /** Every file and folder under {@code dir}, relative to it. */
    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void distribution_holdsNoSpark_theAddonHoldsSparkTheModuleAndItsFlags_underTheSameTopFolder() throws Exception {
        List<String> dist = entries(archive("drawnet.dist.archive"));
        String top = "drawnet-" + version() + "/";
        assertThat(dist).contains(top + "bin/drawnet", top + "bin/drawnet.bat", top + "README.md")
                .anyMatch(e -> e.startsWith(top + "lib/drawnet-app-"))
                .noneMatch(e -> e.contains("spark"));

        List<String> addon = entries(archive("drawnet.spark.addon"));
        assertThat(addon).allMatch(e -> e.startsWith(top + "spark-lib/"))
                .contains(top + "spark-lib/drawnet-spark.jar", top + "spark-lib/jvm.options")
                .anyMatch(e -> e.matches(".*/spark-core_2\\.13-4\\.[0-9.]+\\.jar"))
                // the app's lib/ has these, at the BOM's versions (Spark's): one copy each on the class path
                .noneMatch(e -> e.matches(".*/(gson|commons-io|commons-codec|commons-compress)-[0-9.]+\\.jar"));
    }

    @Test
    void gradeSpark_withoutTheAddon_oneLineNamingItAndTheCommand_exit2_nothingWritten_thenWithIt_localGrades()
            throws Exception {
        Path addon = archive("drawnet.spark.addon");
        Path home = unpack(archive("drawnet.dist.archive"), dir.resolve("opt"));
        Path drawnet = home.resolve("bin/drawnet");
        Path folder = dir.resolve("class");
        GradeDrawings.write(folder.resolve("ann/blob.png"), Preset.BLOB, 48);
        GradeDrawings.write(folder.resolve("ring.png"), Preset.RING, 48);
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        List<String> grade = new ArrayList<>(List.of(drawnet.toString(), "grade", folder.toString(), "--backend",
                "reference,djl", "--parallel", "2"));
        grade.addAll(List.of(GradeDrawings.SMALL));

        List<String> installed = tree(home);
        List<String> sparkGrade = new ArrayList<>(grade);
        sparkGrade.addAll(List.of("--engine", "spark", "--out", dir.resolve("spark").toString()));
        Run without = run(cwd, sparkGrade);
        String name = "drawnet-" + version() + "-spark-addon.tar.gz";
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).isEqualTo("drawnet: --engine spark needs the Spark add-on " + name
                + " (Spark's jars are not in the main archive); unpack it where drawnet-" + version()
                + " was unpacked: tar -xzf " + name + " -C " + home.getParent() + "\n");
        assertThat(without.out()).isEmpty();
        assertThat(dir.resolve("spark")).doesNotExist();
        assertThat(tree(cwd)).containsExactly("");
        assertThat(tree(home)).isEqualTo(installed);

        // the command the line gives, run where the add-on was downloaded
        String command = without.err().strip().substring(without.err().indexOf(": tar ") + 2);
        Run unpack = run(addon.getParent(), List.of("sh", "-c", command));
        assertThat(unpack.exitCode()).as(unpack.err()).isZero();
        assertThat(home.resolve("spark-lib/jvm.options")).isRegularFile();

        Run spark = run(cwd, sparkGrade);
        assertThat(spark.exitCode()).as(spark.out() + spark.err()).isZero();
        assertThat(spark.out()).contains("Grading 4 cells: 2 drawings from " + folder
                + " x 2 backends x 1 setting; engine spark (local[2])").contains(": 4 trained, 0 failed, 0 diverged");
        List<String> localGrade = new ArrayList<>(grade);
        localGrade.addAll(List.of("--engine", "local", "--out", dir.resolve("local").toString()));
        Run local = run(cwd, localGrade);
        assertThat(local.exitCode()).as(local.out() + local.err()).isZero();
        List<String> sparkRows = GradeDrawings.withoutSeconds(dir.resolve("spark/grades.csv"));
        assertThat(sparkRows).hasSize(5).isEqualTo(GradeDrawings.withoutSeconds(dir.resolve("local/grades.csv")));
    }

    @Test
    void gradeSpark_installFolderRenamed_theLineSaysToUnpackIntoIt_andThatCommandWorks() throws Exception {
        Path addon = archive("drawnet.spark.addon");
        Path home = unpack(archive("drawnet.dist.archive"), dir.resolve("unpacked"));
        Path renamed = Files.move(home, dir.toRealPath().resolve("drawnet"));
        Run without = run(dir, List.of(renamed.resolve("bin/drawnet").toString(), "sweep", "--engine", "spark"));
        String name = "drawnet-" + version() + "-spark-addon.tar.gz";
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).isEqualTo("drawnet: --engine spark needs the Spark add-on " + name
                + " (Spark's jars are not in the main archive); unpack it into this install: tar -xzf " + name
                + " --strip-components=1 -C " + renamed + "\n");

        String command = without.err().strip().substring(without.err().indexOf(": tar ") + 2);
        Run unpack = run(addon.getParent(), List.of("sh", "-c", command));
        assertThat(unpack.exitCode()).as(unpack.err()).isZero();
        assertThat(renamed.resolve("spark-lib/drawnet-spark.jar")).isRegularFile();
        assertThat(renamed.resolve("spark-lib/jvm.options")).isRegularFile();
        assertThat(renamed.resolve("drawnet-" + version())).doesNotExist();
    }
}
