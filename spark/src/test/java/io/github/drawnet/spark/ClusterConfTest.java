package io.github.drawnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.viz.ReportFiles;
import java.io.File;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the driver gives a cluster's executors by itself: its jars, Spark's JVM flags, where it binds. */
final class ClusterConfTest {

    @TempDir
    Path dir;

    @Test
    void driverJars_classPathButSparksFolder_manifestClassPathFollowed_classesFolderPacked() throws Exception {
        Path spark = Files.createDirectories(dir.resolve("spark-lib"));
        Path core = Files.createFile(spark.resolve("spark-core_2.13-4.2.0.jar"));
        Path lib = Files.createDirectories(dir.resolve("app/lib"));
        Path engine = jar(lib.resolve("engine.jar"), null);
        Path nativeJar = jar(lib.resolve("engine-native-linux-x86_64.jar"), null);
        jar(lib.resolve("spark-core_2.13-4.2.0.jar"), null); // a copy of one of Spark's own, elsewhere
        Path app = jar(dir.resolve("app/app.jar"), "lib/engine.jar lib/engine-native-linux-x86_64.jar"
                + " lib/spark-core_2.13-4.2.0.jar lib/missing.jar");
        Path classes = Files.createDirectories(dir.resolve("module/target/classes/io/x"));
        Files.writeString(classes.resolve("A.class"), "bytes");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        String classPath = String.join(File.pathSeparator, core.toString(), app.toString(),
                dir.resolve("module/target/classes").toString(), dir.resolve("gone.jar").toString(), engine.toString());

        List<Path> jars = ClusterConf.driverJars(classPath, spark, scratch);

        assertThat(jars).containsExactly(app, engine, nativeJar, scratch.resolve("classes-1.jar"));
        try (JarFile packed = new JarFile(scratch.resolve("classes-1.jar").toFile())) {
            assertThat(packed.getEntry("io/x/A.class")).isNotNull();
        }
    }

    @Test
    void executorJavaOptions_theLaunchersFlags_asThisTestJvmGotThemFromThePom() {
        String options = ClusterConf.executorJavaOptions();
        // surefire starts this JVM with the pom's spark.jvm.opens, the list spark-lib/jvm.options holds
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> flags = Arrays.asList(options.split(" "));
        assertThat(flags).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Djava.awt.headless=true");
        assertThat(jvm).containsAll(flags.subList(0, flags.size() - 1));
    }

    @Test
    void loopback_onlyWhenEveryHostIsThisMachine() {
        assertThat(ClusterConf.loopback("spark://127.0.0.1:7077")).isTrue();
        assertThat(ClusterConf.loopback("spark://localhost:7077,127.0.0.2:7078")).isTrue();
        assertThat(ClusterConf.loopback("spark://127.0.0.1:7077,10.1.2.3:7077")).isFalse();
        assertThat(ClusterConf.loopback("spark://10.1.2.3:7077")).isFalse();
    }

    @Test
    void routeTo_theLocalAddressThatReachesTheMaster_noneForAnUnknownHost() {
        assertThat(ClusterConf.routeTo("spark://127.0.0.1:7077").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(ClusterConf.routeTo("spark://nohost.invalid:7077")).isNull();
    }

    @Test
    void conf_loopbackMaster_driverOnLoopback_jarsAndFlagsShipped_usersValuesWin() {
        SparkConf conf = SparkGradeEngine.conf(options("spark://127.0.0.1:7077", Map.of()));
        assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.executor.extraJavaOptions")).isEqualTo(ClusterConf.executorJavaOptions());
        // this test's class path: the modules' classes (packed) and jars, none of Spark's own
        assertThat(conf.get("spark.jars").split(",")).isNotEmpty()
                .noneMatch(j -> j.contains("spark-core_2.13"))
                .anyMatch(j -> j.contains("djl") || j.contains("pytorch"));

        SparkConf mine = SparkGradeEngine.conf(options("spark://127.0.0.1:7077", Map.of("spark.jars", "/x/my.jar",
                "spark.executor.extraJavaOptions", "-Dmine=1", "spark.driver.host", "127.0.0.5",
                "spark.master", "spark://127.0.0.1:7078")));
        assertThat(mine.get("spark.jars")).isEqualTo("/x/my.jar");
        assertThat(mine.get("spark.executor.extraJavaOptions")).isEqualTo("-Dmine=1");
        assertThat(mine.get("spark.driver.host")).isEqualTo("127.0.0.5");
        assertThat(mine.get("spark.master")).isEqualTo("spark://127.0.0.1:7078");
    }

    @Test
    void conf_localMaster_shipsNothing() {
        SparkConf conf = SparkGradeEngine.conf(options("local[2]", Map.of()));
        assertThat(conf.contains("spark.jars")).isFalse();
        assertThat(conf.contains("spark.executor.extraJavaOptions")).isFalse();
    }

    static GradeOptions options(String master, Map<String, String> conf) {
        return new GradeOptions(2, master, false, null, ReportFiles.all(), false, Duration.ofSeconds(20), conf);
    }

    static Path jar(Path file, String classPath) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(out, m)) {
            // a manifest only
        }
        return file;
    }
}
