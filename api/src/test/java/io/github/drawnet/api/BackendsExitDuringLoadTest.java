package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that exits (a refused input) while its engine still loads in the background: the exit waits for
 * the load. An exit in the middle of PyTorch's native initialisers crashed in {@code libtorch_cpu.so}
 * (SIGSEGV, exit 134 instead of 2), once in about 40 refused runs; this checks the waiting in a process of its
 * own, with a load that takes 1.5 s and leaves a mark when it ends.
 */
class BackendsExitDuringLoadTest {

    /** The child: starts a slow load, then exits at once with status 2, as a refused command does. */
    public static void main(String[] args) {
        Path mark = Paths.get(args[0]);
        Backends.loadInBackground(new BackendsTest.FakeBackend("slow") {
            @Override
            public String engineVersion() {
                try {
                    Thread.sleep(1500);
                    Files.writeString(mark, "loaded");
                } catch (InterruptedException | IOException e) {
                    throw new IllegalStateException(e);
                }
                return "1.0";
            }
        });
        System.exit(2);
    }

    @Test
    void exitWhileTheEngineLoads_waitsForTheLoadToEnd_andKeepsTheExitStatus(@TempDir Path dir) throws Exception {
        Path mark = dir.resolve("loaded.txt");
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BackendsExitDuringLoadTest.class.getName(), mark.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isEqualTo(2);
        assertThat(mark).as("the load ran to its end before the JVM exited").hasContent("loaded");
    }
}
