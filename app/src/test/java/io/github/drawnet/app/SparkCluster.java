package io.github.drawnet.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback for tests: a master and workers, each a JVM of its own started from
 * Spark's classes ({@code org.apache.spark.deploy.master.Master}, {@code ...worker.Worker}), as {@code
 * start-master.sh} and {@code start-worker.sh} start them, with a {@code SPARK_HOME} made of the spark module's
 * {@code spark-lib} jars (linked) plus the few libraries a Spark distribution carries that {@code spark-lib}
 * leaves to the app (SLF4J, Jackson, Guava, commons-io and such, from this test's class path), and a {@code
 * RELEASE} file: a worker launches executors only then. Every port is a free one, every address 127.0.0.1; each
 * worker offers one core and {@value #WORKER_MEMORY} of memory. {@link #close} kills every JVM it started and
 * their children (the executors), also when a start fails half way, and at this JVM's exit.
 */
final class SparkCluster implements AutoCloseable {

    static final String WORKER_MEMORY = "1200m";

    /** The libraries of a Spark distribution that spark-lib leaves out because the app's class path has them. */
    private static final Pattern DISTRIBUTION_EXTRAS = Pattern.compile("(slf4j-api|logback-classic|logback-core"
            + "|jackson-core|jackson-databind"
            + "|jackson-annotations|gson|guava-[\\d.]+-jre|failureaccess|commons-io|commons-codec|commons-compress"
            + "|commons-math3|jsr305)-\\d.*\\.jar");

    private final Path dir;
    private final Path home;
    private final List<String> opens;
    private final List<Process> processes = new ArrayList<>();
    private final Process[] workers;
    private final Thread reaper = new Thread(this::killAll, "spark-cluster-reaper");
    final int masterPort;
    final int webPort;

    private SparkCluster(Path dir, int workerCount) throws IOException {
        this.dir = dir;
        this.home = dir.resolve("spark-home");
        this.opens = Arrays.asList(Files.readString(GradeSparkTest.sparkDir().resolve("spark-lib/jvm.options"))
                .trim().split("\\s+"));
        this.workers = new Process[workerCount];
        this.masterPort = freePort();
        this.webPort = freePort();
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts a master and {@code workerCount} workers under {@code dir} and waits until every worker registered. */
    static SparkCluster start(Path dir, int workerCount) throws IOException, InterruptedException {
        SparkCluster c = new SparkCluster(dir, workerCount);
        try {
            c.makeHome();
            c.processes.add(c.launch("master", List.of(), "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(c.masterPort), "--webui-port",
                    String.valueOf(c.webPort)));
            c.waitFor(0, 120);
            for (int i = 0; i < workerCount; i++) {
                c.startWorker(i);
            }
            c.waitFor(workerCount, 180);
            return c;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    /** Returns the master's URL. */
    String master() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Returns {@code SPARK_HOME}. */
    Path home() {
        return home;
    }

    /** Returns the environment a cluster's JVMs get, as a distribution's scripts set it. */
    Map<String, String> environment() {
        return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
    }

    /** Returns the JVM flags Spark needs on Java 17 (spark-lib/jvm.options). */
    List<String> opens() {
        return opens;
    }

    void startWorker(int i) throws IOException {
        workers[i] = launch("worker-" + (i + 1), List.of(), "org.apache.spark.deploy.worker.Worker", "--host",
                "127.0.0.1", "--cores", "1", "--memory", WORKER_MEMORY, "--webui-port", String.valueOf(freePort()),
                "--work-dir", dir.resolve("work-" + (i + 1)).toString(), master());
        processes.add(workers[i]);
    }

    /** Kills worker {@code i} and its executors at once (SIGKILL), as a machine that is lost. */
    void kill(int i) throws InterruptedException {
        killTree(workers[i]);
    }

    /** Returns the master's count of live workers, from its web UI's JSON. */
    int aliveWorkers() {
        try (InputStream in = URI.create("http://127.0.0.1:" + webPort + "/json/").toURL().openStream()) {
            Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1; // not up yet
        }
    }

    /** Returns the logs of the cluster's JVMs, for a failure's message. */
    String logs() {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> logs = Files.walk(dir)) {
            for (Path log : (Iterable<Path>) logs.filter(p -> p.toString().endsWith(".log")
                    || p.getFileName().toString().equals("stderr")).sorted()::iterator) {
                String text = Files.readString(log);
                b.append("== ").append(dir.relativize(log)).append('\n')
                        .append(text, Math.max(0, text.length() - 3000), text.length());
            }
        } catch (IOException e) {
            b.append(e);
        }
        return b.toString();
    }

    private void waitFor(int workerCount, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (aliveWorkers() < workerCount || aliveWorkers() < 0) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster JVM ended (exit " + p.exitValue() + ")\n" + logs());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the master listed " + aliveWorkers() + " of " + workerCount
                        + " workers after " + seconds + " s\n" + logs());
            }
            Thread.sleep(250);
        }
    }

    private void makeHome() throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        try (Stream<Path> lib = Files.list(GradeSparkTest.sparkDir().resolve("spark-lib"))) {
            for (Path jar : (Iterable<Path>) lib.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        for (String entry : GradeSparkTest.testClassPath().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (DISTRIBUTION_EXTRAS.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)
                    && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        // Spark logs through SLF4J; the cluster's JVMs log at INFO to their stderr (executors: in their work folder)
        Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("logback.xml"), """
                <configuration>
                  <appender name="err" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="err"/></root>
                </configuration>
                """);
        Files.writeString(home.resolve("RELEASE"), "Spark 4.2.0 (the spark module's spark-lib, for tests)\n");
    }

    private Process launch(String name, List<String> flags, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(GradeSparkTest.java(), "-Xmx256m"));
        command.addAll(opens);
        command.addAll(flags);
        command.addAll(List.of("-cp", home.resolve("conf") + File.pathSeparator + home.resolve("jars") + File.separator
                + "*", mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().putAll(environment());
        return pb.start();
    }

    private static void killTree(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList(); // before the parent dies and they are re-parented
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        p.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            c.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> c).join();
        }
    }

    private void killAll() {
        for (Process p : processes) {
            try {
                killTree(p);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs
        }
    }
}
