package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drawnet contacts nothing: {@code run}, {@code continue} and {@code sweep} on both engines, each a
 * process of its own under {@code strace -f -e trace=connect}, open no connection beyond loopback and
 * local sockets. (DJL's usage tracking asked 169.254.169.254 on every run before it was opted out
 * before the engine loads.) Needs {@code strace}, which {@code .ci/run} installs.
 */
final class NetworkContactTest {

    private static final Pattern INET = Pattern.compile(
            "connect\\(\\d+, \\{sa_family=AF_INET6?, .*?inet_(?:pton|addr)\\((?:AF_INET6?, )?\"([^\"]+)\"");

    static boolean straceAvailable() {
        try {
            Process p = new ProcessBuilder("strace", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Returns the addresses beyond loopback that the trace shows connections to. */
    static List<String> foreignAddresses(String trace) {
        List<String> foreign = new ArrayList<>();
        for (String line : trace.split("\n")) {
            Matcher m = INET.matcher(line);
            if (m.find()) {
                String address = m.group(1);
                boolean loopback = address.startsWith("127.") || address.equals("::1")
                        || address.startsWith("::ffff:127.");
                if (!loopback) {
                    foreign.add(address);
                }
            }
        }
        return foreign;
    }

    private static String traced(Path dir, String name, String... args) throws Exception {
        Path trace = dir.resolve(name + ".strace");
        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=connect", "-o",
                trace.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Ddrawnet.log.file=" + dir.resolve(name + ".log"),
                "io.github.drawnet.app.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(name + " finished").isTrue();
        assertThat(p.exitValue()).as(name + " exit code; stderr: " + Files.readString(dir.resolve(name + ".err")))
                .isZero();
        return Files.readString(trace);
    }

    @Test
    void foreignAddresses_findsInet4AndInet6AndIgnoresLoopbackAndUnixSockets() {
        String trace = String.join("\n",
                "7253  connect(96, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6,"
                        + " \"::ffff:169.254.169.254\", &sin6_addr), sin6_scope_id=0}, 28) = -1 EINPROGRESS",
                "12 connect(5, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"10.0.0.8\")}, 16) = 0",
                "13 connect(5, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "14 connect(6, {sa_family=AF_INET6, sin6_port=htons(1), inet_pton(AF_INET6, \"::1\", &sin6_addr)}, 28) = 0",
                "15 connect(7, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT");
        assertThat(foreignAddresses(trace)).containsExactly("::ffff:169.254.169.254", "10.0.0.8");
    }

    @Test
    void runContinueAndSweepOnBothEngines_connectToNothingBeyondLoopback(@TempDir Path dir) throws Exception {
        assumeTrue(straceAvailable(), "strace is not installed (.ci/run installs it)");
        String[] small = {"--train-size", "200", "--val-size", "50", "--test-size", "100", "--epochs", "1"};
        Path model = dir.resolve("model.json");
        List<String> found = new ArrayList<>();
        found.addAll(foreignAddresses(traced(dir, "run", FaultsTest.args(new String[] {"run", "--out",
            dir.resolve("run").toString(), "--save", model.toString()}, small))));
        found.addAll(foreignAddresses(traced(dir, "continue", "continue", model.toString(), "--epochs", "1",
                "--out", dir.resolve("continue").toString())));
        found.addAll(foreignAddresses(traced(dir, "sweep", FaultsTest.args(new String[] {"sweep", "--backend",
            "djl,dl4j", "--out", dir.resolve("sweep").toString()}, small))));
        assertThat(Files.readString(dir.resolve("run.strace"))).as("strace saw the run's connects").contains("connect(");
        assertThat(found).as("addresses beyond loopback contacted").isEmpty();
    }
}
