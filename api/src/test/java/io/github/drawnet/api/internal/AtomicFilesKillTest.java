package io.github.drawnet.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed halfway through replacing a file leaves the previous file intact. */
final class AtomicFilesKillTest {

    /** Writes a large file slowly through {@link AtomicFiles}; the test kills it while it writes. */
    public static void main(String[] args) throws IOException {
        AtomicFiles.write(Paths.get(args[0]), out -> {
            byte[] chunk = "half of a new report ".repeat(500).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10_000; i++) {
                out.write(chunk);
                out.flush();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    @Test
    void write_processKilledHalfway_previousFileIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        AtomicFiles.write(file, "the good report".getBytes(StandardCharsets.UTF_8));
        Process writer = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AtomicFilesKillTest.class.getName(), file.toString())
                .inheritIO().start();
        // wait until the new content is being written (a temporary file beside the target, growing)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Path tmp = null;
        while (tmp == null && System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                List<Path> partial = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
                if (!partial.isEmpty() && Files.size(partial.get(0)) > 100_000) {
                    tmp = partial.get(0);
                }
            }
            Thread.sleep(20);
        }
        assertThat(tmp).as("the writer's temporary file").isNotNull();
        writer.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("the good report");
    }
}
