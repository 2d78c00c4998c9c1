package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers, the repository's {@code ./drawnet} and the distribution's {@code bin/drawnet}, run as a
 * user runs them, on a scratch install whose jar is a probe named {@code io.github.drawnet.app.Main}
 * (it prints its arguments and the {@code drawnet.launcher} property): the class-data archive is used only
 * when whole, a read-only install runs without one and says nothing, and a launcher reached through a chain
 * of symlinks finds its install. Each of these failed on the launchers before issue 24.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
final class LauncherTest {

    /** The probe: what the launcher starts instead of Drawnet, a fraction of a second per run. */
    private static final String PROBE = """
            package io.github.drawnet.app;
            public final class Main {
                public static void main(String[] args) {
                    // a few classes beyond the JDK's own archive, so that the recorded archive has regions to map
                    java.util.Map<String, String> m = new java.util.concurrent.ConcurrentSkipListMap<>();
                    m.put("probe", String.join(" ", args));
                    System.out.println("probe " + m.get("probe"));
                    System.out.println("launcher " + System.getProperty("drawnet.launcher"));
                    if (args.length > 1 && args[1].startsWith("--exit=")) {
                        System.exit(Integer.parseInt(args[1].substring("--exit=".length())));
                    }
                }
            }
            """;

    @TempDir
    static Path shared;

    static Path probeJar;

    @BeforeAll
    static void compileProbe() throws IOException {
        Path src = Files.createDirectories(shared.resolve("src/io/github/drawnet/app")).resolve("Main.java");
        Files.writeString(src, PROBE);
        Path classes = Files.createDirectories(shared.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString()))
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.github.drawnet.app.Main");
        probeJar = shared.resolve("probe.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(probeJar), manifest)) {
            jar.putNextEntry(new JarEntry("io/github/drawnet/app/Main.class"));
            jar.write(Files.readAllBytes(classes.resolve("io/github/drawnet/app/Main.class")));
            jar.closeEntry();
        }
    }

    record Run(int exitCode, String out, String err) {}

    /** Runs {@code command} in {@code cwd} with a clean launcher environment plus {@code env}. */
    static Run run(Path cwd, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(shared, "out", ".txt");
        Path err = Files.createTempFile(shared, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DRAWNET_") || k.equals("JAVA") || k.equals("JAVA_HOME"));
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Cuts {@code file} to its first {@code size} bytes, as a full disk or a killed copy leaves it. */
    static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    /** The repository's layout: {@code drawnet} beside {@code app/target/drawnet-app.jar}, built (stamped). */
    static Path repoInstall(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("repo"));
        Files.copy(Path.of("..", "drawnet"), root.resolve("drawnet"));
        executable(root.resolve("drawnet"));
        Path target = Files.createDirectories(root.resolve("app/target/lib"));
        Files.copy(probeJar, target.resolveSibling("drawnet-app.jar"));
        Files.createFile(target.resolveSibling(".build-stamp"));
        return root;
    }

    /** The distribution's layout: {@code bin/drawnet} and {@code lib/*.jar}. */
    static Path distInstall(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("dist"));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("src", "dist", "bin", "drawnet"), home.resolve("bin/drawnet"));
        executable(home.resolve("bin/drawnet"));
        Files.copy(probeJar, Files.createDirectories(home.resolve("lib")).resolve("drawnet-app.jar"));
        return home;
    }

    /** A folder on PATH with an {@code mvn} that records the folder it was started in, and fails. */
    static Path fakeMaven(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("fake-bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\npwd -P > \"" + dir.resolve("mvn-cwd.txt") + "\"\nexit 1\n");
        executable(mvn);
        return bin;
    }

    static Map<String, String> withPath(Path bin) {
        return Map.of("PATH", bin + ":" + System.getenv("PATH"));
    }

    @Test
    void repoLauncher_truncatedArchive_runSucceeds_archiveRecordedAgain_thenMapped(@TempDir Path dir)
            throws Exception {
        Path root = repoInstall(dir);
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Path jsa = root.resolve("app/target/drawnet.jsa");
        List<String> cmd = List.of(root.resolve("drawnet").toString(), "run", "a");
        Run first = run(cwd, withPath(fakeMaven(dir)), cmd);
        assertThat(first).isEqualTo(new Run(0, "probe run a\nlauncher " + root.toRealPath().resolve("drawnet")
                + "\n", ""));
        assertThat(jsa).exists();

        truncate(jsa, 1000);
        Run second = run(cwd, withPath(fakeMaven(dir)), cmd);
        assertThat(second.exitCode()).as("exit code; stderr: %s", second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).startsWith("probe run a\n");
        assertThat(names(cwd)).as("no hs_err file").isEmpty();
        assertThat(Files.size(jsa)).as("recorded again, whole").isGreaterThan(1000);
        assertThat(Files.readString(root.resolve("app/target/drawnet.jsa.size")).strip()).isEqualTo(
                Long.toString(Files.size(jsa)));
        assertThat(names(root.resolve("app/target"))).noneMatch(n -> n.endsWith(".tmp"));

        // the archive recorded again is mapped: -Xshare:on makes a run fail when it cannot map one
        Path log = dir.resolve("class-load.txt");
        Run third = run(cwd, Map.of("DRAWNET_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + log), cmd);
        assertThat(third.exitCode()).as("stderr: %s", third.err()).isZero();
        assertThat(Files.readString(log)).contains("io.github.drawnet.app.Main source: shared objects file (top)");
    }

    @Test
    void repoLauncher_archiveWithoutItsRecordedSize_notMapped_recordedAgain(@TempDir Path dir) throws Exception {
        Path root = repoInstall(dir);
        Path jsa = root.resolve("app/target/drawnet.jsa");
        List<String> cmd = List.of(root.resolve("drawnet").toString(), "run");
        assertThat(run(dir, Map.of(), cmd).exitCode()).isZero();
        // an archive the launcher did not see through (an older launcher's, or one whose size was never written)
        Files.deleteIfExists(root.resolve("app/target/drawnet.jsa.size"));
        truncate(jsa, Files.size(jsa) - 100); // within the last page: the JVM itself would not notice
        Path log = dir.resolve("class-load.txt");
        Run r = run(dir, Map.of("DRAWNET_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), cmd);
        assertThat(r).isEqualTo(new Run(0, "probe run\nlauncher " + root.toRealPath().resolve("drawnet") + "\n",
                ""));
        assertThat(Files.readString(log)).as("not mapped").doesNotContain("shared objects file (top)");
        assertThat(Files.readString(root.resolve("app/target/drawnet.jsa.size")).strip()).isEqualTo(
                Long.toString(Files.size(jsa)));
    }

    @Test
    void repoLauncher_recordingRunFails_archiveNotKept(@TempDir Path dir) throws Exception {
        Path root = repoInstall(dir);
        List<String> names = List.of(".build-stamp", "drawnet-app.jar", "lib");
        // the probe exits 3 after it ran: the JVM records the archive at exit all the same
        Run failed = run(dir, Map.of(), List.of(root.resolve("drawnet").toString(), "run", "--exit=3"));
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(names(root.resolve("app/target"))).containsExactlyElementsOf(names);
        // the JVM refuses an option after the archive's: exit 1 before the probe runs
        Run refused = run(dir, Map.of("DRAWNET_JAVA_OPTS", "-XX:NoSuchOption"), List.of(
                root.resolve("drawnet").toString(), "run"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(names(root.resolve("app/target"))).containsExactlyElementsOf(names);
    }

    /**
     * Runs {@code command} as a user who cannot write {@code readOnly}: as {@code nobody} when this test runs
     * as root (whom file modes do not stop), else with {@code readOnly}'s write permission taken away.
     */
    static Run runReadOnly(Path dir, Path readOnly, Map<String, String> env, List<String> command)
            throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        if (!root) {
            try (Stream<Path> all = Files.walk(readOnly)) {
                for (Path p : all.toList()) {
                    p.toFile().setWritable(false, false);
                }
            }
            try {
                return run(cwd, env, command);
            } finally {
                try (Stream<Path> all = Files.walk(readOnly)) {
                    for (Path p : all.toList()) {
                        p.toFile().setWritable(true, true);
                    }
                }
            }
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                "runs as root without runuser: cannot take write permission away");
        // nobody may read and run everything, and write only in cwd
        for (Path p = dir; p != null; p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) {
                    p.toFile().setExecutable(true, false);
                }
            }
        }
        Files.setPosixFilePermissions(cwd, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> as = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", "env"));
        env.forEach((k, v) -> as.add(k + "=" + v));
        as.add("HOME=" + cwd);
        as.addAll(command);
        return run(cwd, Map.of(), as);
    }

    @Test
    void repoLauncher_readOnlyTarget_exit0_nothingOnStderr_noArchive(@TempDir Path dir) throws Exception {
        Path root = repoInstall(dir);
        Path target = root.resolve("app/target");
        Run r = runReadOnly(dir, root, Map.of(), List.of(root.resolve("drawnet").toString(), "run", "x"));
        assertThat(r).isEqualTo(new Run(0, "probe run x\nlauncher " + root.toRealPath().resolve("drawnet") + "\n",
                ""));
        assertThat(names(target)).containsExactly(".build-stamp", "drawnet-app.jar", "lib");
    }

    @Test
    void repoLauncher_readOnlyTarget_truncatedArchive_exit0_nothingOnStderr(@TempDir Path dir) throws Exception {
        Path root = repoInstall(dir);
        List<String> cmd = List.of(root.resolve("drawnet").toString(), "run", "x");
        assertThat(run(dir, Map.of(), cmd).exitCode()).isZero();
        truncate(root.resolve("app/target/drawnet.jsa"), 1000);
        Run r = runReadOnly(dir, root, Map.of(), cmd);
        assertThat(r).isEqualTo(new Run(0, "probe run x\nlauncher " + root.toRealPath().resolve("drawnet") + "\n",
                ""));
    }

    @Test
    void repoLauncher_throughAChainOfSymlinks_fromAnotherFolder_runsAndBuildsInItsOwnFolder(@TempDir Path dir)
            throws Exception {
        Path root = repoInstall(dir);
        // ~/bin/drawnet -> ../links/drawnet (relative) -> <root>/drawnet (absolute)
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("drawnet"), root.resolve("drawnet").toAbsolutePath());
        Path bin = Files.createDirectories(dir.resolve("home/bin"));
        Files.createSymbolicLink(bin.resolve("drawnet"), Path.of("..", "..", "links", "drawnet"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path fakeBin = fakeMaven(dir);
        Run r = run(elsewhere, withPath(fakeBin), List.of(bin.resolve("drawnet").toString(), "--version"));
        assertThat(r).isEqualTo(new Run(0, "probe --version\nlauncher " + root.toRealPath().resolve("drawnet")
                + "\n", ""));
        // and by its name on PATH
        Map<String, String> env = Map.of("PATH", fakeBin + ":" + bin + ":" + System.getenv("PATH"));
        assertThat(run(elsewhere, env, List.of("env", "drawnet", "--help")).out()).startsWith("probe --help\n");

        // sources newer than the build: Maven runs in the launcher's own folder
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(root.resolve("app/target/.build-stamp"), java.nio.file.attribute.FileTime
                .fromMillis(System.currentTimeMillis() - 60_000));
        Run build = run(elsewhere, withPath(fakeBin), List.of(bin.resolve("drawnet").toString(), "--version"));
        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("mvn-cwd.txt")).strip()).isEqualTo(root.toRealPath().toString());
    }

    /** The distribution's archive: {@code drawnet-<keys>.jsa} in the install, or under the cache folder. */
    static List<Path> archives(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void distLauncher_truncatedArchive_runSucceeds_archiveRecordedAgain_thenMapped(@TempDir Path dir)
            throws Exception {
        Path home = distInstall(dir);
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        List<String> cmd = List.of(home.resolve("bin/drawnet").toString(), "run", "a");
        Run first = run(cwd, env, cmd);
        assertThat(first).isEqualTo(new Run(0, "probe run a\nlauncher " + home.toRealPath().resolve("bin/drawnet")
                + "\n", ""));
        assertThat(archives(home)).hasSize(1);
        Path jsa = archives(home).get(0);

        truncate(jsa, 1000);
        Run second = run(cwd, env, cmd);
        assertThat(second.exitCode()).as("exit code; stderr: %s", second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(names(cwd)).as("no hs_err file").isEmpty();
        assertThat(archives(home)).containsExactly(jsa);
        assertThat(Files.size(jsa)).isGreaterThan(1000);
        assertThat(Files.readString(Path.of(jsa + ".size")).strip()).isEqualTo(Long.toString(Files.size(jsa)));
        assertThat(names(home)).noneMatch(n -> n.endsWith(".tmp"));

        Path log = dir.resolve("class-load.txt");
        Map<String, String> mapped = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString(), "DRAWNET_JAVA_OPTS",
                "-Xshare:on -Xlog:class+load=info:file=" + log);
        Run third = run(cwd, mapped, cmd);
        assertThat(third.exitCode()).as("stderr: %s", third.err()).isZero();
        assertThat(Files.readString(log)).contains("io.github.drawnet.app.Main source: shared objects file (top)");
    }

    @Test
    void distLauncher_readOnlyInstall_recordsInTheCache_orNowhere_exit0_nothingOnStderr(@TempDir Path dir)
            throws Exception {
        Path home = distInstall(dir);
        List<String> cmd = List.of(home.resolve("bin/drawnet").toString(), "run");
        String out = "probe run\nlauncher " + home.toRealPath().resolve("bin/drawnet") + "\n";
        // no writable cache either
        Run none = runReadOnly(dir, home, Map.of("XDG_CACHE_HOME", home.resolve("cache").toString()), cmd);
        assertThat(none).isEqualTo(new Run(0, out, ""));
        assertThat(names(home)).containsExactly("bin", "lib");
        // a writable cache: the archive goes there
        Path cache = dir.resolve("cwd/cache"); // made by the launcher
        Run cached = runReadOnly(dir, home, Map.of("XDG_CACHE_HOME", cache.toString()), cmd);
        assertThat(cached).isEqualTo(new Run(0, out, ""));
        assertThat(names(home)).containsExactly("bin", "lib");
        assertThat(archives(cache.resolve("drawnet"))).hasSize(1);
    }

    @Test
    void distLauncher_throughAChainOfSymlinks_fromAnotherFolder_runs(@TempDir Path dir) throws Exception {
        Path home = distInstall(dir);
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("drawnet"), home.resolve("bin/drawnet").toAbsolutePath());
        Path bin = Files.createDirectories(dir.resolve("home/bin"));
        Files.createSymbolicLink(bin.resolve("drawnet"), Path.of("..", "..", "links", "drawnet"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Run r = run(elsewhere, Map.of("DRAWNET_CDS", "0"), List.of(bin.resolve("drawnet").toString(), "--version"));
        assertThat(r).isEqualTo(new Run(0, "probe --version\nlauncher " + home.toRealPath().resolve("bin/drawnet")
                + "\n", ""));
    }

    /**
     * A distribution install named as the archive names it, {@code drawnet-VERSION} with
     * {@code lib/drawnet-app-VERSION.jar}, without the Spark add-on.
     */
    static Path versionedInstall(Path dir, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("drawnet-" + version));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("src", "dist", "bin", "drawnet"), home.resolve("bin/drawnet"));
        executable(home.resolve("bin/drawnet"));
        Files.copy(probeJar, Files.createDirectories(home.resolve("lib")).resolve("drawnet-app-" + version + ".jar"));
        return home;
    }

    @Test
    void distLauncher_sparkEngineWithoutTheAddon_oneLineNamingItAndWhere_exit2_javaNeverStarted(@TempDir Path dir)
            throws Exception {
        Path home = versionedInstall(dir, "1.2.3");
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        String line = "drawnet: --engine spark needs the Spark add-on drawnet-1.2.3-spark-addon.tar.gz (Spark's jars are"
                + " not in the main archive); unpack it where drawnet-1.2.3 was unpacked: tar -xzf"
                + " drawnet-1.2.3-spark-addon.tar.gz -C " + dir.toRealPath() + "\n";
        // the engine's name in any case, as the command line itself takes it
        for (List<String> args : List.of(List.of("grade", "class", "--engine", "spark"),
                List.of("sweep", "--engine=spark", "--master", "local[2]"), List.of("grade", "c", "--engine", "Spark"),
                List.of("grade", "c", "--engine=SPARK"))) {
            List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/drawnet").toString()));
            cmd.addAll(args);
            assertThat(run(cwd, Map.of(), cmd)).as("%s", args).isEqualTo(new Run(2, "", line));
        }
        // half an add-on (no jvm.options: Spark would fail on Java 17 without its flags) is none
        Files.createDirectories(home.resolve("spark-lib"));
        Files.copy(probeJar, home.resolve("spark-lib/drawnet-spark.jar"));
        assertThat(run(cwd, Map.of(), List.of(home.resolve("bin/drawnet").toString(), "grade", "c", "--engine",
                "spark"))).isEqualTo(new Run(2, "", line));
        assertThat(names(cwd)).isEmpty();
        assertThat(names(home)).containsExactly("bin", "lib", "spark-lib");
        // other engines and commands never look for it
        assertThat(run(cwd, Map.of("DRAWNET_CDS", "0"), List.of(home.resolve("bin/drawnet").toString(), "grade", "c",
                "--engine", "local")).out()).startsWith("probe grade c --engine local\n");
    }

    @Test
    void distLauncher_sparkEngine_installNotNamedAsTheArchive_lineSaysToUnpackIntoIt(@TempDir Path dir)
            throws Exception {
        Path home = distInstall(dir); // "dist", with lib/drawnet-app.jar: no version to read either
        Run r = run(dir, Map.of(), List.of(home.resolve("bin/drawnet").toString(), "grade", "c", "--engine", "spark"));
        assertThat(r).isEqualTo(new Run(2, "", "drawnet: --engine spark needs the Spark add-on"
                + " drawnet-VERSION-spark-addon.tar.gz (Spark's jars are not in the main archive); unpack it into this"
                + " install: tar -xzf drawnet-VERSION-spark-addon.tar.gz --strip-components=1 -C " + home.toRealPath()
                + "\n"));
    }

    @Test
    void distLauncher_sparkEngineWithTheAddon_startsWithItsFlagsAndClassPath(@TempDir Path dir) throws Exception {
        Path home = versionedInstall(dir, "1.2.3");
        Path sparkLib = Files.createDirectories(home.resolve("spark-lib"));
        Files.copy(probeJar, sparkLib.resolve("drawnet-spark.jar"));
        // Spark's flags are read from jvm.options: here one the probe prints
        Files.writeString(sparkLib.resolve("jvm.options"), "-Ddrawnet.launcher=from-jvm-options\n");
        Run r = run(dir, Map.of(), List.of(home.resolve("bin/drawnet").toString(), "grade", "c", "--engine", "spark"));
        assertThat(r).isEqualTo(new Run(0, "probe grade c --engine spark\nlauncher from-jvm-options\n", ""));
    }
}
