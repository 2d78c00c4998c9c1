package io.github.drawnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

/**
 * Drawnet's BOM beside Spark: each library that both the BOM and Spark's own build pin is, on this module's class
 * path (where the BOM's versions win over Spark's, as in a library user's project that imports the BOM and adds
 * {@code drawnet-spark} and Spark), at Spark's version or newer. Spark's versions are read from its
 * {@code spark-parent} pom, beside spark-core's jar in the local repository; moving to a Spark whose libraries are
 * newer than the BOM's pins fails here, naming the pins to raise in bom/pom.xml.
 */
final class SparkLibraryVersionsTest {

    /** Each library both pin, and the property of spark-parent's pom that holds Spark's version of it. */
    static final Map<String, String> SHARED = new TreeMap<>(Map.of(
            "com.google.code.gson:gson", "gson.version",
            "commons-codec:commons-codec", "commons-codec.version",
            "commons-io:commons-io", "commons-io.version",
            "org.apache.commons:commons-compress", "commons-compress.version",
            "org.apache.commons:commons-math3", "commons.math3.version",
            "com.fasterxml.jackson.core:jackson-databind", "fasterxml.jackson.version",
            "org.slf4j:slf4j-api", "slf4j.version"));

    /** Returns spark-parent's pom of the Spark on this class path, from the local repository's layout. */
    static Path sparkParentPom() throws URISyntaxException {
        // .../org/apache/spark/spark-core_2.13/4.2.0/spark-core_2.13-4.2.0.jar
        Path core = Path.of(SparkContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String version = core.getParent().getFileName().toString();
        Path pom = core.getParent().getParent().resolveSibling("spark-parent_2.13").resolve(version)
                .resolve("spark-parent_2.13-" + version + ".pom");
        assertThat(pom).as("spark-parent's pom beside spark-core's jar %s", core).isRegularFile();
        return pom;
    }

    /**
     * Returns the version of {@code groupId:artifactId} on the test class path, from its jar's place in the local
     * repository (GROUP/ARTIFACT/VERSION/ARTIFACT-VERSION.jar). Not from a {@code pom.properties} found by name:
     * jars that bundle a library keep its pom.properties (an older gson's and commons-io's came first that way).
     */
    static String onClassPath(String library) {
        String[] ga = library.split(":");
        Pattern jar = Pattern.compile(Pattern.quote("/" + ga[0].replace('.', '/') + "/" + ga[1] + "/") + "([^/]+)/"
                + Pattern.quote(ga[1] + "-") + "\\1\\.jar$");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> versions = new ArrayList<>();
        for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
            Matcher m = jar.matcher(entry.replace(File.separatorChar, '/'));
            if (m.find()) {
                versions.add(m.group(1));
            }
        }
        assertThat(versions).as("%s's jars on the test class path", library).hasSize(1);
        return versions.get(0);
    }

    /** Compares dotted versions number by number (2.9 before 2.10); a part that is not a number ends the comparison. */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            if (!p.matches("\\d+") || !q.matches("\\d+")) {
                return 0;
            }
            int c = Long.compare(Long.parseLong(p), Long.parseLong(q));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void compare_numbersNotText() {
        assertThat(compare("2.16.1", "2.22.0")).isNegative();
        assertThat(compare("1.28.0", "1.27.1")).isPositive();
        assertThat(compare("2.13.2", "2.13.2")).isZero();
        assertThat(compare("2.21", "2.21.0")).isZero();
    }

    @Test
    void bomPins_sharedWithSpark_neverBelowSparksOwnVersions() throws Exception {
        String pom = Files.readString(sparkParentPom());
        List<String> lower = new ArrayList<>();
        for (Map.Entry<String, String> e : SHARED.entrySet()) {
            Matcher m = Pattern.compile("<" + Pattern.quote(e.getValue()) + ">([^<]+)</").matcher(pom);
            assertThat(m.find()).as("spark-parent's pom defines %s", e.getValue()).isTrue();
            String spark = m.group(1).strip();
            String ours = onClassPath(e.getKey());
            if (compare(ours, spark) < 0) {
                lower.add(e.getKey() + " " + ours + " (Spark's: " + spark + ")");
            }
        }
        assertThat(lower).as("libraries the BOM pins below Spark's own versions; raise them in bom/pom.xml").isEmpty();
    }
}
