package io.github.drawnet.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.spark.SparkContext;

/**
 * What a driver gives a cluster's executors by itself, so that {@code --master spark://HOST:PORT} needs no setting
 * by hand: Drawnet's jars (every jar of the driver's class path that does not come from Spark's own folder, the
 * backends' native jars included), the JVM flags Spark needs on Java 17 (the list the launchers use, read from
 * this module's jar), and the address the driver binds to (loopback for a master on loopback, else the address
 * that routes to the master). Internal to the spark engine.
 */
final class ClusterConf {

    /** The resource holding the launchers' Java 17 flags for Spark, written by the build from the pom's one list. */
    static final String JVM_OPTIONS = "executor-jvm.options";

    private ClusterConf() {}

    /**
     * Returns the flags an executor JVM needs: the launchers' {@code --add-opens} list ({@code spark-lib/jvm.options},
     * the same text) and a headless AWT, as the launchers run the driver (each cell draws its map).
     */
    static String executorJavaOptions() {
        try (InputStream in = ClusterConf.class.getResourceAsStream(JVM_OPTIONS)) {
            if (in == null) {
                throw new IllegalStateException("the spark module's jar lacks " + JVM_OPTIONS + "; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() + " -Djava.awt.headless=true";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns whether every host of {@code master} ({@code spark://H:P[,H:P]}) is this machine's loopback. */
    static boolean loopback(String master) {
        for (InetSocketAddress a : hosts(master)) {
            if (a.isUnresolved() || !a.getAddress().isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns this machine's address that routes to {@code master}'s first host (a UDP socket connected there
     * sends nothing), or null when it cannot be found (an unknown host: Spark then picks and says why it fails).
     */
    static InetAddress routeTo(String master) {
        InetSocketAddress first = hosts(master).get(0);
        if (first.isUnresolved()) {
            return null;
        }
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(first);
            InetAddress local = s.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? null : local;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<InetSocketAddress> hosts(String master) {
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String hostPort : master.substring(master.indexOf("://") + 3).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            hosts.add(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
        }
        return hosts;
    }

    /** Returns the folder Spark's own jars come from: spark-core's (the launcher's spark-lib, a cluster's jars/). */
    static Path sparkJarsFolder() {
        try {
            Path core = Path.of(SparkContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return core.toAbsolutePath().normalize().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Returns the jars to ship to executors: every entry of {@code classPath} (with the jars its jars' manifests
     * name in {@code Class-Path}, as the app's jar names its {@code lib/}) that is not in {@code sparkFolder}; a
     * folder of classes (a build's {@code target/classes}) is packed into a jar in {@code scratch} first. Entries
     * that do not exist are left out, as the JVM leaves them out.
     */
    static List<Path> driverJars(String classPath, Path sparkFolder, Path scratch) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                collect(Path.of(entry).toAbsolutePath().normalize(), seen);
            }
        }
        Set<String> sparkJars = new java.util.HashSet<>();
        if (sparkFolder != null && Files.isDirectory(sparkFolder)) {
            try (Stream<Path> files = Files.list(sparkFolder)) {
                files.forEach(f -> sparkJars.add(f.getFileName().toString()));
            }
        }
        List<Path> jars = new ArrayList<>();
        int packed = 0;
        for (Path p : seen) {
            if (p.equals(sparkFolder) || (sparkFolder != null && sparkFolder.equals(p.getParent()))
                    || sparkJars.contains(p.getFileName().toString())) {
                continue; // Spark's own: every executor has it
            }
            if (Files.isDirectory(p)) {
                Path jar = scratch.resolve("classes-" + (++packed) + ".jar");
                pack(p, jar);
                jars.add(jar);
            } else {
                jars.add(p);
            }
        }
        return jars;
    }

    private static void collect(Path entry, Set<Path> seen) {
        if (!Files.exists(entry) || !seen.add(entry) || Files.isDirectory(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest m = jar.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp != null) {
                for (String ref : cp.trim().split("\\s+")) {
                    if (!ref.isEmpty()) {
                        collect(entry.getParent().resolve(ref).toAbsolutePath().normalize(), seen);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a jar the JVM can read either; shipped as it is
        }
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f)) {
                    zip.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
        }
    }
}
